#pragma once
#include "core/merge/merge_rules.hpp"
#include "meetscan/scanner/expected.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <string>
#include <vector>

namespace meetscan::core {

struct MergeReport {
    int databases = 0;
    MergeCounts counts;                 // what changed in the target
    std::vector<std::string> warnings;  // worth telling the organiser, not worth failing for
};

// `meetscan merge`: folds other stations' database files into `target` (this station's).
// Each file is read through a temporary copy migrated to this schema, so an older station's file
// is read correctly and is never modified. Every file must be a MeetScan database of the same
// event (else bad input, and nothing is written). The files are first folded together into a
// temporary database, then that is folded into the target in one transaction: a failure leaves
// the target untouched.
Expected<MergeReport> mergeDatabases(SQLite::Database& target, const std::vector<std::filesystem::path>& others);

} // namespace meetscan::core
