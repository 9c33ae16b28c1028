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

struct Exhibitor {
    std::string id; // chosen by the organiser (e.g. "acme"), used on the command line
    std::string name;
    std::string booth;
    std::vector<std::string> tags; // quick tags shown as buttons at the booth
    std::vector<Question> questions;
};

} // namespace meetscan::core
