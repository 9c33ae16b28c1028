#include "core/demo/demo_people.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>
#include <set>
#include <utility>

namespace meetscan::core::demo {

namespace {

constexpr std::string_view kExhibitorStaffTitles[] = {
    "Account Executive", "Solutions Engineer", "Sales Manager", "Partner Manager", "Customer Success Lead"};
constexpr std::string_view kOrganiserTitles[] = {"Event Producer", "Registration Desk", "Volunteer",
                                                 "Speaker Liaison"};
constexpr Company kOrganiser{"MeetScan Demo Summit", "meetscan-demo.example"};

// A roster row being built, with what its e-mail address is made of.
struct Draft {
    Attendee attendee;
    std::string_view asciiFirst;
    std::string_view asciiLast;
    std::string domain;
};

template <class T> void shuffle(std::vector<T>& items, DemoRandom& random) {
    for (std::size_t i = items.size(); i > 1; --i)
        std::swap(items[i - 1], items[random.below(i)]);
}

// Every country appears once when the roster is big enough, then the rest follow the weights.
std::vector<const Culture*> cultureOfEachPerson(std::size_t count, DemoRandom& random) {
    const auto all = cultures();
    std::vector<const Culture*> chosen;
    if (count >= all.size())
        for (const auto& culture : all)
            chosen.push_back(&culture);
    int totalWeight = 0;
    for (const auto& culture : all)
        totalWeight += culture.weight;
    while (chosen.size() < count) {
        auto ticket = static_cast<int>(random.below(static_cast<std::size_t>(totalWeight)));
        for (const auto& culture : all) {
            if (ticket < culture.weight) {
                chosen.push_back(&culture);
                break;
            }
            ticket -= culture.weight;
        }
    }
    shuffle(chosen, random);
    return chosen;
}

std::string fillPattern(std::string_view pattern, DemoRandom& random) {
    std::string text(pattern);
    for (char& c : text)
        if (c == '#')
            c = static_cast<char>('0' + random.below(10));
    return text;
}

Draft makePerson(const Culture& culture, DemoRandom& random,
                 std::set<std::pair<std::string, std::string>>& taken) {
    Draft draft;
    // Small name pools can run out of unused pairs in a large roster: then a namesake is fine.
    for (int attempt = 0; attempt < 20; ++attempt) {
        const bool woman = random.below(2) == 0;
        const Name& given = random.pick(woman ? culture.women : culture.men);
        const auto families = woman ? culture.familyOfWomen : culture.familyOfMen;
        const Name& family = random.pick(families);
        draft.attendee.firstName = given.native;
        draft.attendee.lastName = family.native;
        draft.asciiFirst = given.ascii;
        draft.asciiLast = family.ascii;
        if (taken.emplace(draft.attendee.firstName, draft.attendee.lastName).second)
            break;
    }
    const bool local = !culture.localCompanies.empty() && random.percent(35);
    const Company& company =
        local ? random.pick(culture.localCompanies) : random.pick(internationalCompanies());
    draft.attendee.company = company.name;
    draft.domain = company.domain;
    draft.attendee.title = random.pick(jobTitles());
    draft.attendee.phone = fillPattern(culture.phone, random);
    draft.attendee.country = culture.country;
    draft.attendee.ticketType = "Attendee";
    draft.attendee.role = "attendee";
    // A few people leave the phone field of the registration form empty.
    if (random.percent(8))
        draft.attendee.phone.clear();
    return draft;
}

void makeRole(Draft& draft, std::string_view ticketType, std::string_view role) {
    draft.attendee.ticketType = ticketType;
    draft.attendee.role = role;
}

void assignRoles(std::vector<Draft>& drafts, const std::vector<DemoExhibitor>& exhibitors,
                 DemoRandom& random) {
    std::vector<std::size_t> order(drafts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    shuffle(order, random);
    auto next = order.begin();

    for (const auto& exhibitor : exhibitors) {
        for (int staff = 0; staff < 2; ++staff) {
            Draft& d = drafts[*next++];
            makeRole(d, "Exhibitor", "exhibitor");
            d.attendee.exhibitorId = exhibitor.exhibitor.id;
            d.attendee.company = exhibitor.exhibitor.name;
            d.attendee.title = random.pick(std::span<const std::string_view>(kExhibitorStaffTitles));
            d.domain = exhibitor.domain;
        }
    }
    const std::size_t count = drafts.size();
    for (std::size_t i = 0; i < std::max<std::size_t>(2, count / 50); ++i) {
        Draft& d = drafts[*next++];
        makeRole(d, "Staff", "staff");
        d.attendee.company = kOrganiser.name;
        d.attendee.title = random.pick(std::span<const std::string_view>(kOrganiserTitles));
        d.domain = kOrganiser.domain;
    }
    for (std::size_t i = 0; i < std::max<std::size_t>(2, count / 10); ++i)
        makeRole(drafts[*next++], "Speaker", "speaker");
    // Attendees who ticked "no" on the registration form: exhibitors may not scan the first
    // group; the second keeps their contact details out of other people's follow-up packets.
    for (std::size_t i = 0; i < std::max<std::size_t>(3, count / 40); ++i)
        drafts[*next++].attendee.consentExhibitors = false;
    for (std::size_t i = 0; i < std::max<std::size_t>(3, count / 50); ++i)
        drafts[*next++].attendee.consentNetworking = false;
}

std::string emailOf(const Draft& d, DemoRandom& random, std::set<std::string>& taken) {
    const std::string first(d.asciiFirst);
    const std::string last(d.asciiLast);
    std::string local;
    const auto style = random.below(100);
    if (style < 70)
        local = first + "." + last;
    else if (style < 85)
        local = first.substr(0, 1) + "." + last;
    else
        local = first + last;
    std::string email = local + "@" + d.domain;
    for (int n = 2; !taken.insert(email).second; ++n)
        email = fmt::format("{}{}@{}", local, n, d.domain);
    return email;
}

} // namespace

std::vector<Attendee> makeDemoRoster(int count, const std::vector<DemoExhibitor>& exhibitors,
                                     DemoRandom& random) {
    const auto size = static_cast<std::size_t>(std::max(count, 0));
    std::vector<Draft> drafts;
    drafts.reserve(size);
    std::set<std::pair<std::string, std::string>> takenNames;
    for (const Culture* culture : cultureOfEachPerson(size, random))
        drafts.push_back(makePerson(*culture, random, takenNames));
    assignRoles(drafts, exhibitors, random);

    std::set<std::string> takenEmails;
    std::vector<Attendee> roster;
    roster.reserve(size);
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        Attendee a = std::move(drafts[i].attendee);
        a.email = emailOf(drafts[i], random, takenEmails);
        a.badgeCode = fmt::format("{}{:04}", kDemoCodePrefix, i + 1);
        a.id = attendeeIdForCode(a.badgeCode);
        roster.push_back(std::move(a));
    }
    return roster;
}

} // namespace meetscan::core::demo
