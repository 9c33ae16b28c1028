// `meetscan doctor`: each check's ok, warn and fail, with what to fix, as a user runs it.
#include "core/store/database.hpp"
#include "support/cups_server.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace meetscan::test {
namespace {

class DoctorCli : public ::testing::Test {
protected:
    ProcessResult run(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
        args.insert(args.begin(), {"--db", m_db.string()});
        RunOptions options;
        options.env = std::move(env);
        return runMeetscan(args, options);
    }
    // Runs `doctor --json` and returns the check called `name`.
    nlohmann::json check(const std::string& name, std::vector<std::string> extra = {},
                         std::map<std::string, std::string> env = {}) {
        std::vector<std::string> args{"doctor", "--json"};
        args.insert(args.end(), extra.begin(), extra.end());
        m_last = run(args, std::move(env));
        EXPECT_TRUE(m_last.exitCode == 0 || m_last.exitCode == 1) << m_last.err;
        const auto report = nlohmann::json::parse(m_last.out);
        EXPECT_EQ(report["ok"], m_last.exitCode == 0);
        for (const auto& c : report["checks"])
            if (c["name"] == name)
                return c;
        ADD_FAILURE() << "no check " << name << " in " << m_last.out;
        return {};
    }
    static bool mentions(const nlohmann::json& c, const std::string& text) {
        return c["detail"].get<std::string>().find(text) != std::string::npos ||
               c["fix"].get<std::string>().find(text) != std::string::npos;
    }
    void initialise(const std::string& mode = "meet") {
        auto init = run({"init", "--event", "Doctor Con", "--mode", mode});
        ASSERT_EQ(init.exitCode, 0) << init.err;
    }

    TempDir m_dir;
    std::filesystem::path m_db = m_dir / "event.db";
    ProcessResult m_last;
};

TEST_F(DoctorCli, EveryCheckIsReportedWithAStatus) {
    initialise();
    auto result = run({"doctor", "--json"});
    ASSERT_TRUE(result.exitCode == 0 || result.exitCode == 1) << result.err;
    const auto report = nlohmann::json::parse(result.out);
    std::vector<std::string> names;
    for (const auto& c : report["checks"]) {
        names.push_back(c["name"]);
        const std::string status = c["status"];
        EXPECT_TRUE(status == "ok" || status == "warn" || status == "fail") << status;
        EXPECT_FALSE(c["detail"].get<std::string>().empty()) << c.dump();
        EXPECT_EQ(status == "ok", c["fix"].get<std::string>().empty()) << "a problem without a fix, or a fix for no problem: " << c.dump();
        if (status == "fail") {
            EXPECT_EQ(result.exitCode, 1);
        }
    }
    EXPECT_EQ(names, (std::vector<std::string>{"camera", "scanner", "printer", "database", "keys", "admin_pin", "disk", "fonts"}));

    // The text form: one line per check starting with its status, and a fix line under problems.
    auto text = run({"doctor"});
    EXPECT_EQ(text.exitCode, result.exitCode);
    for (const char* name : {"camera", "scanner", "printer", "database", "keys", "admin_pin", "disk", "fonts"})
        EXPECT_NE(text.out.find(name), std::string::npos) << name;
    EXPECT_NE(text.out.find("fix: "), std::string::npos) << text.out; // at least the default PIN
    if (text.exitCode == 1) {
        EXPECT_EQ(text.err.rfind("meetscan: error: ", 0), 0U) << text.err;
    }
}

TEST_F(DoctorCli, MissingDatabaseFailsWithoutCreatingIt) {
    const auto database = check("database");
    EXPECT_EQ(database["status"], "fail");
    EXPECT_TRUE(mentions(database, "meetscan init")) << database.dump();
    EXPECT_EQ(m_last.exitCode, 1);
    EXPECT_EQ(check("keys")["status"], "fail");
    EXPECT_FALSE(std::filesystem::exists(m_db)) << "the doctor created the database";
}

TEST_F(DoctorCli, HealthyDatabaseKeysAndPin) {
    initialise();
    ASSERT_EQ(run({"keys", "generate"}).exitCode, 0);
    RunOptions withPin;
    withPin.stdinText = "975318\n";
    ASSERT_EQ(runMeetscan({"--db", m_db.string(), "admin", "set-pin"}, withPin).exitCode, 0);
    const auto database = check("database");
    EXPECT_EQ(database["status"], "ok") << database.dump();
    EXPECT_TRUE(mentions(database, "integrity ok")) << database.dump();
    EXPECT_TRUE(mentions(database, "schema " + std::to_string(core::latestSchemaVersion()))) << database.dump();
    EXPECT_TRUE(mentions(database, "journal wal")) << database.dump();
    const auto keys = check("keys");
    EXPECT_EQ(keys["status"], "ok") << keys.dump();
    EXPECT_TRUE(mentions(keys, "can sign badges")) << keys.dump();
    EXPECT_EQ(check("admin_pin")["status"], "ok");
}

TEST_F(DoctorCli, NoKeysWarnsAndNoPinFails) {
    initialise();
    const auto keys = check("keys");
    EXPECT_EQ(keys["status"], "warn");
    EXPECT_TRUE(mentions(keys, "meetscan keys generate")) << keys.dump();
    const auto pin = check("admin_pin"); // the kiosk would not start: there is no default PIN
    EXPECT_EQ(pin["status"], "fail");
    EXPECT_TRUE(mentions(pin, "meetscan admin set-pin")) << pin.dump();
}

TEST_F(DoctorCli, DamagedOrForeignDatabasesFail) {
    m_dir.write("event.db", std::string(8192, 'x'));
    const auto garbage = check("database");
    EXPECT_EQ(garbage["status"], "fail");
    EXPECT_TRUE(mentions(garbage, "not a MeetScan database")) << garbage.dump();
    EXPECT_EQ(m_last.exitCode, 1);

    std::filesystem::remove(m_db);
    initialise();
    {
        SQLite::Database db(m_db.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 999");
    }
    const auto newer = check("database");
    EXPECT_EQ(newer["status"], "fail");
    EXPECT_TRUE(mentions(newer, "newer")) << newer.dump();

    {
        SQLite::Database db(m_db.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 3");
    }
    const auto older = check("database");
    EXPECT_EQ(older["status"], "warn");
    EXPECT_TRUE(mentions(older, "upgraded")) << older.dump();
    EXPECT_EQ(check("keys")["status"], "warn") << "schema 3 has no key tables";
}

TEST_F(DoctorCli, UnreachableCupsFailsWithAFix) {
    initialise("summary");
    const auto printer = check("printer", {}, {{"CUPS_SERVER", (m_dir / "no-cupsd.sock").string()}});
    EXPECT_EQ(printer["status"], "fail") << printer.dump();
    EXPECT_TRUE(mentions(printer, "not reachable")) << printer.dump();
    EXPECT_TRUE(mentions(printer, "systemctl enable --now cups")) << printer.dump();
    EXPECT_EQ(m_last.exitCode, 1);
}

TEST_F(DoctorCli, PrinterStatesOnAPrivateCups) {
    std::string whyNot;
    auto cups = CupsServer::start(whyNot);
    if (!cups)
        GTEST_SKIP() << whyNot;
    initialise("summary");
    const auto none = check("printer", {}, cups->env());
    EXPECT_EQ(none["status"], "warn") << none.dump();
    EXPECT_TRUE(mentions(none, "no printer")) << none.dump();

    std::string error;
    ASSERT_TRUE(cups->addPdfPrinter("kiosk", error)) << error;
    auto setDefault = cups->tool({"lpadmin", "-d", "kiosk"});
    ASSERT_EQ(setDefault.exitCode, 0) << setDefault.err;
    const auto ready = check("printer", {}, cups->env());
    EXPECT_EQ(ready["status"], "ok") << ready.dump();
    EXPECT_TRUE(mentions(ready, "default printer kiosk")) << ready.dump();

    auto disable = cups->tool({"cupsdisable", "kiosk"});
    ASSERT_EQ(disable.exitCode, 0) << disable.err;
    const auto stopped = check("printer", {}, cups->env());
    EXPECT_EQ(stopped["status"], "fail") << stopped.dump();
    EXPECT_TRUE(mentions(stopped, "cupsenable kiosk")) << stopped.dump();
    EXPECT_EQ(m_last.exitCode, 1);
}

TEST_F(DoctorCli, OnlySummaryStationsNeedAPrinter) {
    const std::map<std::string, std::string> noCups{{"CUPS_SERVER", (m_dir / "no-cupsd.sock").string()}};
    initialise("meet");
    const auto meet = check("printer", {}, noCups);
    EXPECT_EQ(meet["status"], "ok") << meet.dump();
    EXPECT_TRUE(mentions(meet, "not needed: a meet station prints nothing")) << meet.dump();
    ASSERT_EQ(run({"init", "--mode", "booth", "--exhibitor", "acme"}).exitCode, 0);
    EXPECT_EQ(check("printer", {}, noCups)["status"], "ok");
    ASSERT_EQ(run({"init", "--mode", "summary"}).exitCode, 0);
    EXPECT_EQ(check("printer", {}, noCups)["status"], "fail");
}

// /proc/bus/input/devices as Linux writes it, with a laptop keyboard, a USB keyboard and a
// Honeywell scanner, which is a keyboard to Linux too.
constexpr const char* kInputDevices =
    "I: Bus=0011 Vendor=0001 Product=0001 Version=ab41\n"
    "N: Name=\"AT Translated Set 2 keyboard\"\n"
    "P: Phys=isa0060/serio0/input0\n"
    "H: Handlers=sysrq kbd event0 leds\n"
    "B: EV=120013\n"
    "\n"
    "I: Bus=0003 Vendor=046d Product=c31c Version=0110\n"
    "N: Name=\"Logitech USB Keyboard\"\n"
    "H: Handlers=sysrq kbd leds event3\n"
    "B: EV=120013\n"
    "\n"
    "I: Bus=0003 Vendor=0c2e Product=0b61 Version=0111\n"
    "N: Name=\"Honeywell Imaging & Mobility 1900\"\n"
    "H: Handlers=sysrq kbd event5 leds\n"
    "B: EV=120013\n";

TEST_F(DoctorCli, AStationWithAWedgeScannerNeedsNoCamera) {
    initialise();
    std::filesystem::create_directory(m_dir / "dev");
    const auto devices = m_dir.write("devices", kInputDevices);
    const std::vector<std::string> noCamera{"--device-dir", (m_dir / "dev").string(), "--input-devices", devices.string()};
    const auto camera = check("camera", noCamera);
    EXPECT_EQ(camera["status"], "ok") << camera.dump();
    EXPECT_TRUE(mentions(camera, "Honeywell Imaging & Mobility 1900 reads the badges")) << camera.dump();
    const auto scanner = check("scanner", noCamera);
    EXPECT_EQ(scanner["status"], "ok");
    EXPECT_TRUE(mentions(scanner, "Honeywell")) << scanner.dump();
    EXPECT_FALSE(mentions(scanner, "Logitech")) << "a keyboard taken for a scanner: " << scanner.dump();

    // A camera that is there but broken is worth a warning when a scanner reads the badges.
    const auto broken = check("camera", {"--camera", "/dev/null", "--input-devices", devices.string()});
    EXPECT_EQ(broken["status"], "warn") << broken.dump();
}

TEST_F(DoctorCli, CameraChecks) {
    initialise();
    std::filesystem::create_directory(m_dir / "dev");
    const auto keyboards = m_dir.write("keyboards", std::string(kInputDevices).substr(0, std::string(kInputDevices).find("I: Bus=0003 Vendor=0c2e")));
    const auto none = check("camera", {"--device-dir", (m_dir / "dev").string(), "--input-devices", keyboards.string()});
    EXPECT_EQ(none["status"], "fail");
    EXPECT_TRUE(mentions(none, "no camera")) << none.dump();
    EXPECT_TRUE(mentions(none, "plug in")) << none.dump();
    EXPECT_EQ(m_last.exitCode, 1);

    EXPECT_TRUE(mentions(none, "USB barcode scanner")) << none.dump();
    EXPECT_TRUE(mentions(check("scanner", {"--input-devices", keyboards.string()}), "no USB barcode scanner"));

    const auto notCamera = check("camera", {"--camera", "/dev/null", "--input-devices", keyboards.string()});
    EXPECT_EQ(notCamera["status"], "fail");
    EXPECT_TRUE(mentions(notCamera, "not a video4linux device")) << notCamera.dump();

    const auto missing = check("camera", {"--camera", (m_dir / "video9").string(), "--input-devices", keyboards.string()});
    EXPECT_EQ(missing["status"], "fail");
    EXPECT_TRUE(mentions(missing, "no such device")) << missing.dump();
}

TEST_F(DoctorCli, DiskSpaceThresholds) {
    initialise();
    const auto space = std::filesystem::space(m_dir.path());
    const auto normal = check("disk", {"--disk-warn-bytes", "1", "--disk-fail-bytes", "0"});
    EXPECT_EQ(normal["status"], "ok") << normal.dump();
    EXPECT_TRUE(mentions(normal, "free")) << normal.dump();
    const auto low = check("disk", {"--disk-warn-bytes", std::to_string(space.available * 4)});
    EXPECT_EQ(low["status"], space.available < (100ULL << 20U) ? "fail" : "warn") << low.dump();
    EXPECT_TRUE(mentions(low, "move old exports")) << low.dump();
    const auto full = check("disk", {"--disk-fail-bytes", std::to_string(space.available * 4)});
    EXPECT_EQ(full["status"], "fail") << full.dump();
    EXPECT_EQ(m_last.exitCode, 1);
    // A database that does not exist yet is measured on the folder it will be created in.
    const auto later = runMeetscan({"--db", (m_dir / "not" / "yet" / "event.db").string(), "doctor", "--json"});
    bool measured = false;
    const auto report = nlohmann::json::parse(later.out);
    for (const auto& c : report["checks"])
        if (c["name"] == "disk")
            measured = mentions(c, "(" + m_dir.path().string() + ")");
    EXPECT_TRUE(measured) << later.out;
}

TEST_F(DoctorCli, FontsCoveringTooFewScripts) {
    initialise();
    const std::string dejavu = "/usr/share/fonts/truetype/dejavu";
    if (!std::filesystem::is_directory(dejavu))
        GTEST_SKIP() << "fonts-dejavu-core is not installed";
    auto config = [&](const std::string& name, const std::string& dirs) {
        return m_dir.write(name, "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
                                 "<fontconfig>" + dirs + "<cachedir>" + (m_dir / "fc-cache").string() +
                                     "</cachedir></fontconfig>\n");
    };
    const auto onlyDejavu = check("fonts", {}, {{"FONTCONFIG_FILE", config("dejavu.conf", "<dir>" + dejavu + "</dir>").string()}});
    EXPECT_EQ(onlyDejavu["status"], "warn") << onlyDejavu.dump();
    EXPECT_TRUE(mentions(onlyDejavu, "Latin: DejaVu")) << onlyDejavu.dump();
    EXPECT_TRUE(mentions(onlyDejavu, "CJK")) << onlyDejavu.dump();
    EXPECT_TRUE(mentions(onlyDejavu, "fonts-noto-cjk")) << onlyDejavu.dump();

    std::filesystem::create_directory(m_dir / "empty-fonts");
    const auto none = check("fonts", {}, {{"FONTCONFIG_FILE", config("empty.conf", "<dir>" + (m_dir / "empty-fonts").string() + "</dir>").string()}});
    EXPECT_EQ(none["status"], "fail") << none.dump();
    EXPECT_TRUE(mentions(none, "Latin")) << none.dump();
    EXPECT_TRUE(mentions(none, "apt-get install fonts-noto-core")) << none.dump();
    EXPECT_EQ(m_last.exitCode, 1);
}

TEST_F(DoctorCli, SystemFontsCoverEveryScriptWhenNotoIsInstalled) {
    if (!std::filesystem::exists("/usr/share/fonts/opentype/noto") || !std::filesystem::exists("/usr/share/fonts/truetype/noto"))
        GTEST_SKIP() << "fonts-noto-core and fonts-noto-cjk are not both installed";
    initialise();
    const auto fonts = check("fonts");
    EXPECT_EQ(fonts["status"], "ok") << fonts.dump();
    for (const char* script : {"Latin", "Cyrillic", "Arabic", "CJK"})
        EXPECT_TRUE(mentions(fonts, script)) << script;
}

} // namespace
} // namespace meetscan::test
