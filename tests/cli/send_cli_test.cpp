// `meetscan send packets|leads|status` against a real SMTP server on loopback (aiosmtpd), the
// received messages read with Python's `email` package and their attachments with qpdf,
// pdftotext, vobject and openpyxl.
#include "export_cli_fixture.hpp"
#include "support/background_process.hpp"
#include "support/smtp_server.hpp"
#include "support/wait_until.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stb/stb_image.h>

#include <csignal>
#include <fstream>
#include <map>
#include <set>
#include <sys/stat.h>

namespace meetscan::test {
namespace {

using Json = nlohmann::json;

constexpr const char* kFrom = "events@oss-summit.example";
const std::vector<std::string> kContacts{"sales@acme.example", "ceo@acme.example"};

class SendCli : public ::testing::Test {
protected:
    void SetUp() override {
        db = (dir / "event.db").string();
        people = buildExportEvent(db);
        auto store = core::Store::open(db);
        ASSERT_TRUE(store.ok());
        auto acme = (*store)->exhibitors().byId("acme");
        acme->contact = {kContacts, "https://acme.example", "https://acme.example/book-a-demo"};
        ASSERT_TRUE((*store)->exhibitors().importAll({*acme}).ok());
    }

    ProcessResult send(std::vector<std::string> args, const RunOptions& options = {}) {
        args.insert(args.begin(), {"--db", db, "send"});
        return runMeetscan(args, options);
    }
    ProcessResult sendPackets(const std::string& url, std::vector<std::string> more = {}) {
        std::vector<std::string> args{"packets", "--smtp", url, "--from", kFrom};
        args.insert(args.end(), more.begin(), more.end());
        return send(args);
    }

    Json outbox() {
        auto status = send({"status", "--json"});
        EXPECT_EQ(status.exitCode, 0) << status.err;
        return Json::parse(status.out);
    }
    std::map<std::string, int> statesOf(const Json& entries) {
        std::map<std::string, int> states;
        for (const auto& entry : entries)
            ++states[entry["state"].get<std::string>()];
        return states;
    }

    // The message as a mail client reads it; attachments saved under `into`.
    Json readMail(const std::filesystem::path& eml, const std::filesystem::path& into) {
        auto read = runProcess({pythonProgram(), std::string(MEETSCAN_SOURCE_DIR) + "/tests/support/read_mail.py",
                                eml.string(), into.string()});
        EXPECT_EQ(read.exitCode, 0) << read.err;
        return Json::parse(read.out);
    }
    // The HTML body drawn by a real HTML engine into `png`: a picture a person can look at, and
    // a check that the body lays out (a page at least as tall as the people it lists).
    void expectRendered(const std::filesystem::path& html, const std::filesystem::path& png) {
        RunOptions offscreen;
        offscreen.env["QT_QPA_PLATFORM"] = "offscreen";
        offscreen.env["XDG_RUNTIME_DIR"] = dir.path().string(); // Qt's, private to this test
        auto render = runProcess({"wkhtmltoimage", "--quiet", "--width", "800", "--disable-javascript",
                                  html.string(), png.string()},
                                 offscreen);
        ASSERT_EQ(render.exitCode, 0) << render.err;
        int width = 0, height = 0, channels = 0;
        ASSERT_NE(stbi_info(png.c_str(), &width, &height, &channels), 0) << "not a PNG: " << png;
        EXPECT_EQ(width, 800) << "width";
        EXPECT_GT(height, 400) << "height: the body did not lay out";
    }

    std::vector<std::string> recipientsOf(const SmtpTestServer& server) {
        std::vector<std::string> to;
        for (const auto& eml : server.messages()) {
            auto envelope = eml;
            envelope.replace_extension(".json");
            std::ifstream in(envelope);
            const auto received = Json::parse(in);
            for (const auto& address : received["rcpt_tos"])
                to.push_back(address.get<std::string>());
        }
        return to;
    }

    TempDir dir;
    std::string db;
    ExportPeople people;
    // Who has a follow-up: Ana, Boris and Wang met; the formula-named visitor met Ana; Rita
    // visited Acme. Erin is erased, Sam and the loner met nobody.
    const std::set<std::string> due{"AN01@example.org", "BO02@example.org", "WA03@example.org", "EV05@example.org",
                                    "RF04@example.org"};
};

TEST_F(SendCli, EveryAttendeeGetsTheirPacketOnceAsAMailClientReadsIt) {
    SmtpTestServer server(dir / "smtp");
    auto run = sendPackets(server.url());
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("5 packets sent"), std::string::npos) << run.out;
    EXPECT_NE(run.err.find("packets: 5/5 (100%)"), std::string::npos) << run.err;
    const auto to = recipientsOf(server);
    EXPECT_EQ(std::set<std::string>(to.begin(), to.end()), due);
    EXPECT_EQ(to.size(), due.size());

    bool sawAna = false;
    for (const auto& eml : server.messages()) {
        const auto mail = readMail(eml, dir / eml.stem());
        EXPECT_TRUE(mail["defects"].empty()) << mail["defects"].dump();
        EXPECT_TRUE(mail["crlf_only"].get<bool>());
        EXPECT_NE(mail["from"].get<std::string>().find(kFrom), std::string::npos);
        EXPECT_FALSE(mail["message_id"].get<std::string>().empty());
        const auto text = mail["text"].get<std::string>();
        const auto html = mail["html"].get<std::string>();
        EXPECT_EQ(text.find("Erin"), std::string::npos) << "an erased person is never shown";
        EXPECT_EQ(html.find("Erin"), std::string::npos);
        EXPECT_EQ(html.find("<script"), std::string::npos);
        std::set<std::string> names;
        for (const auto& attachment : mail["attachments"]) {
            names.insert(attachment["name"].get<std::string>());
            const std::string path = attachment["path"];
            if (attachment["name"] == "summary.pdf") {
                EXPECT_EQ(attachment["type"], "application/pdf");
                auto check = runProcess({"qpdf", "--check", path});
                EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
            }
            if (attachment["name"] == "contacts.vcf") {
                auto cards = runPython("import sys, vobject\n"
                                       "print(len(list(vobject.readComponents(open(sys.argv[1], encoding='utf-8')))))",
                                       {path});
                EXPECT_EQ(cards.exitCode, 0) << cards.err;
            }
        }
        EXPECT_EQ(names.count("summary.pdf"), 1U);
        if (mail["to"].get<std::string>().find("RF04@example.org") != std::string::npos) {
            // Rita met nobody: her message says what it holds and promises no contacts.
            EXPECT_EQ(names.count("contacts.vcf"), 0U);
            EXPECT_NE(text.find("Attached is your summary (summary.pdf)."), std::string::npos) << text;
            EXPECT_EQ(text.find("People you met"), std::string::npos) << text;
        }
        if (mail["to"].get<std::string>().find("AN01@example.org") == std::string::npos)
            continue;
        sawAna = true;
        EXPECT_EQ(mail["subject"], "Your connections from Open Source Summit");
        EXPECT_NE(text.find("Hello Ana,"), std::string::npos) << text;
        EXPECT_NE(text.find("People you met (3)"), std::string::npos) << text;
        EXPECT_NE(text.find("Борис Иванов"), std::string::npos) << text;
        EXPECT_NE(text.find("Booths you visited (1)"), std::string::npos) << text;
        EXPECT_NE(text.find("https://acme.example/book-a-demo"), std::string::npos) << text;
        EXPECT_NE(html.find("<a href=\"https://acme.example/book-a-demo\">"), std::string::npos) << html;
        // The formula-named visitor's name is escaped text in the HTML, never markup.
        EXPECT_NE(html.find("=HYPERLINK(&quot;http://x&quot;)"), std::string::npos) << html;
        EXPECT_EQ(names.count("contacts.vcf"), 1U);
        auto pdfText = runProcess({"pdftotext", (dir / eml.stem() / "summary.pdf").string(), "-"});
        EXPECT_NE(pdfText.out.find("Ana"), std::string::npos);
        EXPECT_NE(pdfText.out.find("Their follow-up for you: https://acme.example/book-a-demo"), std::string::npos)
            << pdfText.out;
        // Kept for a person to look at, as received and as WebKit draws it (wkhtmltoimage).
        const auto kept = std::filesystem::current_path() / "send_cli_packet_mail.html";
        std::ofstream(kept) << html;
        expectRendered(kept, std::filesystem::current_path() / "send_cli_packet_mail.png");
    }
    EXPECT_TRUE(sawAna);

    auto again = sendPackets(server.url());
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_NE(again.out.find("0 packets sent; 5 sent before (--resend sends them again)"), std::string::npos)
        << again.out;
    EXPECT_EQ(server.messages().size(), 5U);

    // Named twice, by e-mail and by badge code: one message.
    auto resend = sendPackets(server.url(), {"--resend", "--attendee", "an01@EXAMPLE.org", "--attendee", "AN01"});
    ASSERT_EQ(resend.exitCode, 0) << resend.err;
    EXPECT_EQ(server.messages().size(), 6U);
    EXPECT_EQ(statesOf(outbox())["sent"], 6);
}

TEST_F(SendCli, ARefusedRecipientFailsAloneWithTheServersReplyAndIsRetriedNextRun) {
    SmtpServerOptions refusing;
    refusing.refuse = {"WA03@example.org"};
    SmtpTestServer strict(dir / "strict", refusing);
    auto run = sendPackets(strict.url());
    EXPECT_EQ(run.exitCode, 1) << run.out << run.err;
    EXPECT_EQ(strict.messages().size(), 4U);
    EXPECT_NE(run.err.find("meetscan: error: 1 of 5 packets failed: "), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("WA03@example.org"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("550 5.1.1"), std::string::npos) << run.err;
    const auto errorLine = run.err.find("meetscan: error: ");
    EXPECT_EQ(run.err.find('\n', errorLine), run.err.size() - 1) << "the error is one line, and the last:\n" << run.err;
    const auto entries = outbox();
    EXPECT_EQ(statesOf(entries)["sent"], 4);
    ASSERT_EQ(statesOf(entries)["failed"], 1);
    for (const auto& entry : entries) {
        if (entry["state"] == "failed") {
            EXPECT_NE(entry["reply"].get<std::string>().find("User unknown"), std::string::npos) << entry.dump();
        }
    }

    SmtpTestServer fixed(dir / "fixed");
    auto retry = sendPackets(fixed.url());
    ASSERT_EQ(retry.exitCode, 0) << retry.err;
    EXPECT_EQ(recipientsOf(fixed), std::vector<std::string>{"WA03@example.org"});
    EXPECT_EQ(statesOf(outbox())["sent"], 5);
}

TEST_F(SendCli, AServerGoingDownMidRunLeavesTheRestQueuedAndNobodyGetsTwo) {
    SmtpServerOptions dies;
    dies.dieAfter = 2;
    SmtpTestServer dying(dir / "dying", dies);
    auto run = sendPackets(dying.url(), {"--threads", "1"});
    EXPECT_EQ(run.exitCode, 1) << run.out << run.err;
    EXPECT_NE(run.err.find("the server stopped answering after 2 messages"), std::string::npos) << run.err;
    // The third went whole and the server died before answering: it may have it, so it is left
    // undecided rather than queued again.
    EXPECT_NE(run.err.find("1 handed over without an answer"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("2 still queued (run again to send them)"), std::string::npos) << run.err;
    EXPECT_EQ(dying.messages().size(), 2U);
    auto states = statesOf(outbox());
    EXPECT_EQ(states["sent"], 2);
    EXPECT_EQ(states["sending"], 1);

    SmtpTestServer back(dir / "back");
    auto rerun = sendPackets(back.url());
    ASSERT_EQ(rerun.exitCode, 0) << rerun.err;
    EXPECT_NE(rerun.out.find("1 handed to the server by a run that was stopped"), std::string::npos) << rerun.out;
    auto all = recipientsOf(dying);
    const auto second = recipientsOf(back);
    all.insert(all.end(), second.begin(), second.end());
    EXPECT_EQ(all.size(), 4U);
    EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), 4U) << "nobody got two";
}

TEST_F(SendCli, AKilledRunSendsNobodyTwice) {
    SmtpTestServer server(dir / "smtp");
    BackgroundProcess running(meetscanCommand({"--db", db, "send", "packets", "--smtp", server.url(), "--from", kFrom,
                                               "--rate", "120/min"}),
                              dir / "killed");
    const auto start = std::chrono::steady_clock::now();
    ASSERT_TRUE(waitUntil([&] { return server.messages().size() >= 2; }, std::chrono::seconds(30)));
    // 120 a minute is one every half second: the second cannot come sooner.
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(450)) << "--rate did not throttle";
    running.signal(SIGKILL);
    running.wait();
    const auto beforeRerun = server.messages().size();
    ASSERT_LT(beforeRerun, 5U) << "the run should still have been going";

    auto rerun = sendPackets(server.url());
    EXPECT_EQ(rerun.exitCode, 0) << rerun.err;
    const auto to = recipientsOf(server);
    EXPECT_EQ(std::set<std::string>(to.begin(), to.end()).size(), to.size()) << "somebody got two";
    // Everyone got theirs, or is left undecided: handed over when the kill came (the server may
    // even have taken it), and so never sent again unasked.
    std::set<std::string> reached(to.begin(), to.end());
    int undecided = 0;
    for (const auto& entry : outbox()) {
        if (entry["state"] == "sending") {
            ++undecided;
            reached.insert(entry["recipients"][0].get<std::string>());
        }
    }
    EXPECT_EQ(reached, due);
    EXPECT_LE(undecided, 1);
    if (undecided > 0) {
        EXPECT_NE(rerun.out.find("handed to the server by a run that was stopped"), std::string::npos) << rerun.out;
    }
}

TEST_F(SendCli, ARefusedLoginSendsNothingAndCredentialsNeverComeOnTheCommandLine) {
    SmtpServerOptions locked;
    locked.login = "mailer:s3cret";
    SmtpTestServer server(dir / "smtp", locked);
    RunOptions wrong;
    wrong.env = {{"MEETSCAN_SMTP_USER", "mailer"}, {"MEETSCAN_SMTP_PASSWORD", "guess"}};
    auto run = send({"packets", "--smtp", server.url(), "--from", kFrom}, wrong);
    EXPECT_EQ(run.exitCode, 1) << run.out << run.err;
    EXPECT_NE(run.err.find("meetscan: error: the server refused the login: 535"), std::string::npos) << run.err;
    EXPECT_TRUE(server.messages().empty());
    EXPECT_EQ(statesOf(outbox())["queued"], 5);

    auto inUrl = send({"packets", "--smtp", "smtp://mailer:s3cret@127.0.0.1:25", "--from", kFrom});
    EXPECT_EQ(inUrl.exitCode, 2);
    EXPECT_NE(inUrl.err.find("holds a user or password"), std::string::npos) << inUrl.err;

    const auto file = dir.write("smtp.toml", "user = \"mailer\"\npassword = \"s3cret\"\n");
    ::chmod(file.c_str(), 0644);
    auto open = send({"packets", "--smtp", server.url(), "--from", kFrom, "--smtp-credentials", file.string()});
    EXPECT_EQ(open.exitCode, 2);
    EXPECT_NE(open.err.find("others may read it"), std::string::npos) << open.err;

    ::chmod(file.c_str(), 0600);
    auto right = send({"packets", "--smtp", server.url(), "--from", kFrom, "--smtp-credentials", file.string()});
    ASSERT_EQ(right.exitCode, 0) << right.err;
    EXPECT_EQ(server.messages().size(), 5U);
}

TEST_F(SendCli, StartTlsIsUsedAndTheServersCertificateIsChecked) {
    const auto cert = dir / "server.pem";
    const auto key = dir / "server.key";
    auto made = runProcess({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                            "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.string(),
                            "-out", cert.string()});
    ASSERT_EQ(made.exitCode, 0) << made.err;
    SmtpServerOptions tls;
    tls.certificate = cert;
    tls.key = key;
    SmtpTestServer server(dir / "smtp", tls);

    auto untrusted = sendPackets(server.url());
    EXPECT_EQ(untrusted.exitCode, 1) << untrusted.out;
    EXPECT_NE(untrusted.err.find("meetscan: error: cannot reach the server: SSL certificate problem"),
              std::string::npos)
        << untrusted.err;
    EXPECT_TRUE(server.messages().empty());

    auto trusted = sendPackets(server.url(), {"--smtp-ca", cert.string()});
    ASSERT_EQ(trusted.exitCode, 0) << trusted.err;
    ASSERT_EQ(server.messages().size(), 5U);
    auto envelope = server.messages()[0];
    envelope.replace_extension(".json");
    std::ifstream in(envelope);
    EXPECT_TRUE(Json::parse(in)["tls"].get<bool>()) << "the message went over STARTTLS";
}

TEST_F(SendCli, AMessageTooLargeForTheServerFailsWithItsReply) {
    SmtpServerOptions limited;
    limited.maxSize = 4000;
    SmtpTestServer small(dir / "small", limited);
    auto run = sendPackets(small.url());
    EXPECT_EQ(run.exitCode, 1) << run.out << run.err;
    EXPECT_NE(run.err.find("5 of 5 packets failed"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("552"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("and 2 more (meetscan send status)"), std::string::npos) << run.err;
    EXPECT_TRUE(small.messages().empty());
    EXPECT_EQ(statesOf(outbox())["failed"], 5);
}

TEST_F(SendCli, EachExhibitorGetsItsLeadsAndLaterOnlyNews) {
    SmtpTestServer server(dir / "smtp");
    auto run = send({"leads", "--smtp", server.url(), "--from", kFrom, "--preset", "hubspot"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    ASSERT_EQ(server.messages().size(), 1U);
    auto to = recipientsOf(server);
    EXPECT_EQ(std::set<std::string>(to.begin(), to.end()), std::set<std::string>(kContacts.begin(), kContacts.end()));
    auto mail = readMail(server.messages()[0], dir / "first");
    EXPECT_EQ(mail["subject"], "Your leads from Open Source Summit: 4 new");
    EXPECT_NE(mail["text"].get<std::string>().find("Hello Acme Corp team,"), std::string::npos);
    ASSERT_EQ(mail["attachments"].size(), 2U);
    auto rows = runPython("import sys, openpyxl\n"
                          "sheet = openpyxl.load_workbook(sys.argv[1]).active\n"
                          "print(sheet.max_row - 1, sheet.cell(1, 1).value)",
                          {(dir / "first" / "leads.xlsx").string()});
    EXPECT_EQ(rows.out, "4 First Name\n") << rows.err;
    auto csvRows = runPython("import csv, sys\n"
                             "rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), strict=True))\n"
                             "print(len(rows) - 1)",
                             {(dir / "first" / "leads.csv").string()});
    EXPECT_EQ(csvRows.out, "4\n") << csvRows.err;

    auto nothing = send({"leads", "--smtp", server.url(), "--from", kFrom});
    ASSERT_EQ(nothing.exitCode, 0) << nothing.err;
    EXPECT_NE(nothing.out.find("1 with nothing new since the last list"), std::string::npos) << nothing.out;
    EXPECT_EQ(server.messages().size(), 1U);

    {
        auto store = core::Store::open(db);
        ASSERT_TRUE(store.ok());
        (*store)->leads().touch("acme", people.loner, people.staff, (*store)->events().station().id, core::nowMs());
    }
    auto news = send({"leads", "--smtp", server.url(), "--from", kFrom, "--attach-report"});
    ASSERT_EQ(news.exitCode, 0) << news.err;
    ASSERT_EQ(server.messages().size(), 2U);
    auto second = readMail(server.messages()[1], dir / "second");
    // --attach-report: the sponsor's page rides along, and names nobody.
    ASSERT_EQ(second["attachments"].size(), 3U) << second.dump();
    const auto report = dir / "second" / "report.pdf";
    EXPECT_EQ(runProcess({"qpdf", "--check", report.string()}).exitCode, 0);
    const auto page = runProcess({"pdftotext", report.string(), "-"}).out;
    EXPECT_NE(page.find("Your leads at Open Source Summit"), std::string::npos) << page;
    EXPECT_EQ(page.find("Lone Wolf"), std::string::npos) << page;
    EXPECT_EQ(second["subject"], "Your leads from Open Source Summit: 1 new");
    const auto text = second["text"].get<std::string>();
    EXPECT_NE(text.find("New since the last list (1)\n- Lone Wolf, Solo"), std::string::npos) << text;
    EXPECT_NE(text.find("the 5 visitors"), std::string::npos) << text;
}

TEST_F(SendCli, ADryRunWritesTheMessagesInTheOrganisersWordsAndSendsNothing) {
    const auto words = dir.write("words.txt", "Subject: {first_name}, your {event} follow-up\n\n"
                                              "Dear {name},\n\n{people}\n\n{booths}\n\nWarmly, the crew\n");
    auto run = send({"packets", "--dry-run", (dir / "preview").string(), "--from", kFrom, "--template",
                     words.string()});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("5 packets written to"), std::string::npos) << run.out;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "preview"))
        files.push_back(entry.path());
    ASSERT_EQ(files.size(), 5U);
    bool sawAna = false;
    for (const auto& file : files) {
        auto mail = readMail(file, dir / "dry");
        if (mail["to"].get<std::string>().find("AN01") == std::string::npos)
            continue;
        sawAna = true;
        EXPECT_EQ(file.filename(), "ana-silva_" + people.ana + ".eml");
        EXPECT_EQ(mail["subject"], "Ana, your Open Source Summit follow-up");
        EXPECT_NE(mail["text"].get<std::string>().find("Dear Ana Silva,"), std::string::npos);
        EXPECT_NE(mail["text"].get<std::string>().find("Warmly, the crew"), std::string::npos);
    }
    EXPECT_TRUE(sawAna);
    EXPECT_TRUE(outbox().empty()) << "a dry run records nothing";

    const auto bad = dir.write("bad.txt", "Subject: Hi\n\nHello {frist_name}\n");
    auto typo = send({"packets", "--dry-run", (dir / "x").string(), "--from", kFrom, "--template", bad.string()});
    EXPECT_EQ(typo.exitCode, 2);
    EXPECT_NE(typo.err.find(bad.string() + ":3:7: unknown placeholder {frist_name}"), std::string::npos) << typo.err;

    auto neither = send({"packets", "--from", kFrom});
    EXPECT_EQ(neither.exitCode, 2);
    EXPECT_NE(neither.err.find("give --smtp URL to send, or --dry-run DIR"), std::string::npos) << neither.err;
}

} // namespace
} // namespace meetscan::test
