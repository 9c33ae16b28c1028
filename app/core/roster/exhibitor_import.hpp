#pragma once
// Reads the organiser's exhibitor list, from CSV or TOML:
//
//   CSV:  id,name,booth,tags,questions,contact_emails,website,follow_up
//         acme,ACME Corp,B12,hot lead|partner,Budget? [<10k/10-50k/>50k]|Use case,
//             sales@acme.example|ceo@acme.example,https://acme.example,https://acme.example/demo
//         (tags, questions and contact e-mails separated by |; a question's options in [..]
//         separated by /)
//   TOML: [[exhibitor]]
//         id = "acme"  name = "ACME Corp"  booth = "B12"  tags = ["partner"]
//         contact_emails = ["sales@acme.example"]  website = "https://acme.example"
//         follow_up = "https://acme.example/demo"
//         [[exhibitor.question]]
//         id = "budget"  text = "Budget?"  options = ["<10k", "10-50k", ">50k"]
//
// A question without an id gets one derived from its text ("Use case" -> "use_case").
// All or nothing: the first problem is the error, "FILE:LINE:COLUMN: reason".
#include "core/domain/exhibitor.hpp"
#include "meetscan/scanner/expected.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core {

// Lower-case ASCII letters and digits joined by single underscores; empty when the text has none.
[[nodiscard]] std::string questionSlug(std::string_view text);

[[nodiscard]] Expected<std::vector<Exhibitor>> parseExhibitorsCsv(std::string_view content,
                                                                  const std::string& file);
[[nodiscard]] Expected<std::vector<Exhibitor>> parseExhibitorsToml(std::string_view content,
                                                                   const std::string& file);

// TOML when `file` ends in .toml, else CSV.
[[nodiscard]] Expected<std::vector<Exhibitor>> parseExhibitors(std::string_view content,
                                                               const std::string& file);

// What parsed but looks like a slip: a tag holding ";" or "," was most likely meant as several
// tags. One line each, "FILE: exhibitor ID: ...", naming the separator that works.
[[nodiscard]] std::vector<std::string> exhibitorWarnings(const std::vector<Exhibitor>& exhibitors,
                                                         const std::string& file);

} // namespace meetscan::core
