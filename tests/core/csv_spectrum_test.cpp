// The csv-spectrum edge cases (../shared/peer-suites/csv-spectrum): every csvs/NAME.csv must read
// to the records of json/NAME.json, objects keyed by the header row.
#include "core/roster/csv_reader.hpp"
#include "support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

namespace meetscan::core {
namespace {

namespace fs = std::filesystem;

nlohmann::json readAsJson(const std::string& text) {
    CsvReader reader(text);
    CsvRecord record;
    nlohmann::json rows = nlohmann::json::array();
    std::vector<std::string> header;
    for (;;) {
        CsvStatus status = reader.next(record);
        if (status == CsvStatus::End)
            break;
        if (status == CsvStatus::Error)
            throw std::runtime_error(std::to_string(reader.error().line) + ":" +
                                     std::to_string(reader.error().column) + ": " + reader.error().reason);
        if (header.empty()) {
            header.assign(record.fields.begin(), record.fields.end());
            continue;
        }
        nlohmann::json row = nlohmann::json::object();
        for (std::size_t i = 0; i < record.size(); ++i)
            row[header[i]] = std::string(record.fields[i]);
        rows.push_back(row);
    }
    return rows;
}

// Known defects of the suite's own files, not of CSV reading:
// - The *_crlf files lost their CR bytes when the suite was copied (they read exactly like their
//   LF twins), while the expected JSON keeps the CRLF inside the quoted field: restore them.
// - json/location_coordinates.json is one object, not an array of records
//   (max-mapper/csv-spectrum#22), and its phone number is not the one in the CSV
//   (max-mapper/csv-spectrum#20): the expected record is corrected to what the CSV holds.
void repairKnownDefects(const std::string& name, std::string& csv, nlohmann::json& expected) {
    if (name.size() > 5 && name.ends_with("_crlf") && csv.find('\r') == std::string::npos) {
        std::string restored;
        for (char c : csv) {
            if (c == '\n')
                restored += '\r';
            restored += c;
        }
        csv = restored;
    }
    if (name == "location_coordinates" && expected.is_object()) {
        expected = nlohmann::json::array({expected});
        if (expected[0].value("Contact Phone Number", "") == "1234567890" &&
            csv.find("2095257564") != std::string::npos)
            expected[0]["Contact Phone Number"] = "2095257564";
    }
}

TEST(CsvSpectrum, EveryCaseReadsToItsJson) {
    fs::path suite = test::sharedDir();
    if (suite.empty() || !fs::is_directory(suite / "peer-suites" / "csv-spectrum"))
        GTEST_SKIP() << "../shared/peer-suites/csv-spectrum is not here";
    suite /= fs::path("peer-suites") / "csv-spectrum";

    int cases = 0;
    for (const auto& entry : fs::directory_iterator(suite / "csvs")) {
        if (entry.path().extension() != ".csv")
            continue;
        const std::string name = entry.path().stem().string();
        SCOPED_TRACE(name);
        fs::path jsonPath = suite / "json" / (name + ".json");
        ASSERT_TRUE(fs::exists(jsonPath));
        std::string csv = test::readFile(entry.path());
        nlohmann::json expected = nlohmann::json::parse(test::readFile(jsonPath));
        repairKnownDefects(name, csv, expected);
        nlohmann::json actual;
        ASSERT_NO_THROW(actual = readAsJson(csv));
        EXPECT_EQ(actual, expected) << "got " << actual.dump();
        ++cases;
    }
    EXPECT_GE(cases, 12) << "the suite has at least 12 cases";
}

} // namespace
} // namespace meetscan::core
