#pragma once
// An event database for the export tests, built with core::Store as the kiosks would fill it:
// people in several scripts, a visitor who refused exhibitor scans, an erased person, cells that
// look like spreadsheet formulas, meetings and leads. Also: running the real clients (Python's
// csv/vobject/openpyxl, qpdf, pdftotext) that check what we wrote.
#include "core/store/erasure.hpp"
#include "core/store/store.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace meetscan::test {

struct ExportPeople {
    std::string ana, boris, wang, evil, refuser, erased, staff, loner;
};

inline core::Attendee person(const std::string& code, const std::string& first, const std::string& last,
                             const std::string& company, bool consentExhibitors = true) {
    core::Attendee a;
    a.badgeCode = code;
    a.id = core::attendeeIdForCode(code);
    a.firstName = first;
    a.lastName = last;
    a.company = company;
    a.title = "Engineer";
    a.email = code + "@example.org";
    a.phone = "+1 555 01" + code.substr(code.size() - 2);
    a.country = "PT";
    a.consentExhibitors = consentExhibitors;
    return a;
}

// Fills `dbPath` and returns the attendee ids.
inline ExportPeople buildExportEvent(const std::filesystem::path& dbPath, const std::string& paper = "a4") {
    auto opened = core::Store::open(dbPath);
    EXPECT_TRUE(opened.ok());
    auto& store = **opened;
    auto event = store.events().event();
    event.name = "Open Source Summit";
    event.settings.paper = paper;
    event.settings.timeZone = "Europe/Berlin"; // UTC+1 in November: every human-facing time moves by an hour
    EXPECT_TRUE(store.events().saveEvent(event).ok());
    const auto station = store.events().station().id;

    auto evil = person("EV05", "=HYPERLINK(\"http://x\")", "-2", "+1 555");
    evil.title = "@SUM(A1)";
    evil.phone = "\tTAB";
    auto staff = person("ST07", "Sam", "Staff", "Acme");
    staff.exhibitorId = "acme";
    const std::vector<core::Attendee> roster{person("AN01", "Ana", "Silva", "Acme, \"Quoted\" Ltd"),
                                             person("BO02", "Борис", "Иванов", "Бета"),
                                             person("WA03", "小明", "王", "华为"),
                                             evil,
                                             person("RF04", "Rita", "Refuser", "Nope", false),
                                             person("ER06", "Erin", "Erased", "Gone"),
                                             staff,
                                             person("LO08", "Lone", "Wolf", "Solo")};
    EXPECT_TRUE(store.attendees().importAll(roster).ok());
    ExportPeople ids{roster[0].id, roster[1].id, roster[2].id, roster[3].id,
                     roster[4].id, roster[5].id, roster[6].id, roster[7].id};

    core::Exhibitor acme;
    acme.id = "acme";
    acme.name = "Acme Corp";
    acme.booth = "B12";
    acme.questions = {{"budget", "Budget?", {"<10k", ">10k"}}, {"when", "Timeline, please", {}}};
    EXPECT_TRUE(store.exhibitors().importAll({acme}).ok());

    const core::TimeMs t0 = 1795000000000; // 2026-11-18T11:06:40Z, 12:06:40 in Berlin
    auto meet = [&](const std::string& a, const std::string& b, core::TimeMs at) {
        store.meetings().add({core::newUlid(at), station, at, a, b, core::newUlid(at), core::newUlid(at)});
    };
    meet(ids.ana, ids.boris, t0);
    meet(ids.ana, ids.wang, t0 + 60000);
    meet(ids.ana, ids.evil, t0 + 120000);
    meet(ids.boris, ids.wang, t0 + 180000);
    meet(ids.ana, ids.erased, t0 + 240000);

    auto lead = [&](const std::string& who, core::TimeMs at, const std::string& rating, const std::string& note) {
        auto touched = store.leads().touch("acme", who, ids.staff, station, at);
        auto edited = touched.lead;
        edited.rating = rating;
        edited.tags = {"follow up", "demo"};
        edited.answers = {{"budget", ">10k"}, {"when", "Q1, 2027"}};
        edited.note = note;
        store.leads().saveEdits(edited, station, at + 1000);
    };
    lead(ids.boris, t0 + 1000, "hot", "Wants a demo;\nline two");
    lead(ids.wang, t0 + 2000, "warm", "");
    lead(ids.evil, t0 + 3000, "cold", "=1+2");
    lead(ids.refuser, t0 + 4000, "hot", "must not appear");
    lead(ids.erased, t0 + 5000, "hot", "must not appear");
    lead(ids.ana, t0 + 6000, "", "");
    EXPECT_TRUE(core::eraseAttendee(store.database(), ids.erased, station).ok());
    return ids;
}

inline bool haveProgram(const std::string& name) {
    return runProcess({"sh", "-c", "command -v " + name}).exitCode == 0;
}

// Debian's interpreter, where python3-vobject and python3-openpyxl install, even when another
// python3 (pyenv, a venv) comes first on PATH.
inline std::string pythonProgram() {
    return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

inline bool havePythonModule(const std::string& module) {
    return runProcess({pythonProgram(), "-c", "import " + module}).exitCode == 0;
}

// Runs a Python snippet with `args` as sys.argv[1:].
inline ProcessResult runPython(const std::string& code, const std::vector<std::string>& args = {}) {
    std::vector<std::string> argv{pythonProgram(), "-c", code};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv);
}

// Writes a small RGBA PNG (a blue bar on transparent ground) with Python's standard library.
inline void writeTestPng(const std::filesystem::path& path, int width = 120, int height = 40) {
    const auto result = runProcess({pythonProgram(), "-c", R"(
import struct, sys, zlib
w, h = int(sys.argv[2]), int(sys.argv[3])
rows = b''.join(b'\x00' + b''.join(b'\x1f\x6f\xeb\xff' if 5 <= y < h - 5 else b'\x00\x00\x00\x00'
                                    for x in range(w)) for y in range(h))
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0))
png += chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
)",
                                    path.string(), std::to_string(width), std::to_string(height)});
    EXPECT_EQ(result.exitCode, 0) << result.err;
}

} // namespace meetscan::test
