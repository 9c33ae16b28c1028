#pragma once
#include <string>
#include <vector>

namespace meetscan::core {

// A qualification question an exhibitor's staff answer for each lead.
struct Question {
    std::string id;                   // stable key used in lead answers and export columns
    std::string text;                 // shown to staff
    std::vector<std::string> options; // empty: free text answer
};

// What an exhibitor gives the attendees who visit it, and where its leads go.
struct ExhibitorContact {
    std::vector<std::string> emails; // the lead list goes here (isMailAddress each)
    std::string website;             // isWebLink, or empty
    std::string followUp;            // a brochure or booking page: isWebLink, or empty

    bool operator==(const ExhibitorContact&) const = default;
};

struct Exhibitor {
    std::string id; // chosen by the organiser (e.g. "acme"), used on the command line
    std::string name;
    std::string booth;
    std::vector<std::string> tags; // quick tags shown as buttons at the booth
    std::vector<Question> questions;
    ExhibitorContact contact{};
};

} // namespace meetscan::core
