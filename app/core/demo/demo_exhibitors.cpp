// The demo's exhibitors: what a booth's staff would want to know about a lead.
#include "core/demo/demo_people.hpp"

namespace meetscan::core::demo {

std::vector<DemoExhibitor> demoExhibitors() {
    std::vector<DemoExhibitor> exhibitors{
        {{"lumen-labs",
          "Lumen Labs",
          "B12",
          {"Computer vision", "Edge AI", "Wants a demo", "Partner", "Hiring"},
          {{"team_size", "How big is their team?", {"1–10", "11–50", "51–250", "250+"}},
           {"timeline", "When do they plan to buy?", {"This quarter", "This year", "Just looking"}},
           {"use_case", "What problem are they solving?", {}}},
          {}},
         "lumen-labs.example"},
        {{"nordlicht-cloud",
          "Nordlicht Cloud GmbH",
          "B07",
          {"Kubernetes", "Data residency (EU)", "Migration", "Send pricing", "Existing customer", "Student"},
          {{"cloud_today",
            "Where do they run today?",
            {"On-premises", "AWS", "Azure", "Google Cloud", "Mixed"}},
           {"budget", "Yearly budget", {"< €10k", "€10k–50k", "€50k–250k", "> €250k"}},
           {"follow_up", "Follow-up notes for the account team", {}}},
          {}},
         "nordlicht-cloud.example"},
        {{"sakura-robotics",
          "Sakura Robotics",
          "A03",
          {"Warehouse", "Cobots", "Distributor", "Press", "Wants a quote"},
          {{"industry", "Industry", {"Logistics", "Manufacturing", "Healthcare", "Retail", "Other"}},
           {"robots", "How many robots would they deploy?", {"1–5", "6–20", "21–100", "100+"}},
           {"site", "Site and constraints", {}}},
          {}},
         "sakura-robotics.example"},
        {{"atlas-payments",
          "Atlas Payments",
          "C21",
          {"Merchant", "Marketplace", "Fintech partner", "Compliance", "Hot"},
          {{"volume", "Monthly card volume", {"< $100k", "$100k–1M", "$1M–10M", "> $10M"}},
           {"regions", "Regions they sell in", {}}},
          {}},
         "atlas-payments.example"},
        {{"verde-energia",
          "Verde Energia S.A.",
          "C04",
          {"Solar", "Storage", "EV charging", "Public sector", "Investor", "Newsletter"},
          {{"role_in_purchase",
            "Their role in the purchase",
            {"Decides", "Recommends", "Uses", "Researching"}},
           {"project_size", "Project size", {"Home", "Small business", "Industrial", "Utility"}},
           {"next_step", "Agreed next step", {}}},
          {}},
         "verde-energia.example"},
        {{"polyglot-translate",
          "Polyglot Translate",
          "A11",
          {"Localisation", "Machine translation", "Agency", "Freelancer", "Trial account"},
          {{"languages", "How many languages do they ship?", {"1–3", "4–10", "11–30", "30+"}},
           {"content", "What do they translate?", {}}},
          {}},
         "polyglot-translate.example"},
    };
    // Where their leads go, and what their visitors find in the follow-up.
    for (auto& [exhibitor, domain] : exhibitors)
        exhibitor.contact = {{"leads@" + domain}, "https://" + domain, "https://" + domain + "/meet-us"};
    return exhibitors;
}

} // namespace meetscan::core::demo
