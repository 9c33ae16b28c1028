// keys and badge inspect, run as a user would: generate a key, trust others, inspect texts.
#include "meetscan/scanner/pretix_ticket.hpp"
#include "meetscan/scanner/signing.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>

#include <sys/stat.h>

namespace meetscan::test {
namespace {

class KeysCli : public ::testing::Test {
protected:
    void SetUp() override {
        auto csv = m_dir.write("roster.csv", "badge_code,first_name,last_name,company,email,consent_exhibitors,exhibitor\n"
                                             "A1,Ana,Silva,Acme,ana@example.org,yes,\n"
                                             "NC,Nina,Quiet,Calm,nina@example.org,no,\n"
                                             "ST,Sam,Staff,Acme,sam@example.org,no,acme\n");
        ASSERT_EQ(run({"init", "--event", "Keys"}).exitCode, 0);
        ASSERT_EQ(run({"import", "roster", csv.string()}).exitCode, 0);
    }
    ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", (m_dir / "event.db").string()});
        return runMeetscan(args);
    }
    nlohmann::json inspect(const std::string& text) {
        auto result = run({"badge", "inspect", text, "--json"});
        EXPECT_EQ(result.exitCode, 0) << result.err;
        return nlohmann::json::parse(result.out);
    }
    TempDir m_dir;
};

TEST_F(KeysCli, GeneratedKeySignsBadgesThisDatabaseTrusts) {
    auto generated = run({"keys", "generate", "--out", (m_dir / "event-key.json").string()});
    ASSERT_EQ(generated.exitCode, 0) << generated.err;
    struct stat info {};
    ASSERT_EQ(stat((m_dir / "event-key.json").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600U);
    auto keys = scanner::readKeyPairFile(m_dir / "event-key.json");
    ASSERT_TRUE(keys) << keys.error().message;

    auto list = run({"keys", "list", "--json"});
    auto listed = nlohmann::json::parse(list.out);
    EXPECT_EQ(listed["kind"], "meetscan");
    EXPECT_EQ(listed["public_key"], scanner::encodePublicKey(keys->publicKey));

    const auto badge = scanner::signBadge({"A1", "Ana", "Silva", "Acme"}, *keys);
    auto ok = inspect(badge);
    EXPECT_EQ(ok["kind"], "meetscan");
    EXPECT_EQ(ok["verdict"], "ok");
    EXPECT_EQ(ok["name"], "Ana Silva");

    auto altered = badge;
    altered[5] = altered[5] == 'x' ? 'y' : 'x';
    EXPECT_EQ(inspect(altered)["verdict"], "forged");

    const auto stranger = scanner::generateKeyPair();
    EXPECT_EQ(inspect(scanner::signBadge({"A1", "Ana", "Silva", "Acme"}, stranger))["verdict"], "forged");
    ASSERT_EQ(run({"keys", "trust", scanner::encodePublicKey(stranger.publicKey)}).exitCode, 0);
    EXPECT_EQ(inspect(scanner::signBadge({"A1", "Ana", "Silva", "Acme"}, stranger))["verdict"], "ok");
}

TEST_F(KeysCli, ASecondKeyReplacesTheSignerOnlyWhenAskedAndTheOldOneKeepsVerifying) {
    ASSERT_EQ(run({"keys", "generate", "--out", (m_dir / "first.json").string()}).exitCode, 0);
    auto again = run({"keys", "generate", "--out", (m_dir / "second.json").string()});
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_NE(again.err.find("signs its badges already"), std::string::npos) << again.err;
    EXPECT_NE(again.err.find("--replace"), std::string::npos) << again.err;
    EXPECT_FALSE(std::filesystem::exists(m_dir / "second.json"));
    const auto listed = run({"keys", "list"}).out;
    EXPECT_EQ(std::count(listed.begin(), listed.end(), '\n'), 1) << listed;

    auto replaced = run({"keys", "generate", "--replace", "--out", (m_dir / "second.json").string()});
    ASSERT_EQ(replaced.exitCode, 0) << replaced.err;
    EXPECT_NE(replaced.out.find("old key keeps verifying"), std::string::npos) << replaced.out;
    const auto first = scanner::readKeyPairFile(m_dir / "first.json");
    const auto second = scanner::readKeyPairFile(m_dir / "second.json");
    ASSERT_TRUE(first && second);

    std::map<std::string, bool> signing;
    std::istringstream lines(run({"keys", "list", "--json"}).out);
    for (std::string line; std::getline(lines, line);) {
        const auto key = nlohmann::json::parse(line);
        signing[key["public_key"]] = key["signing"];
    }
    ASSERT_EQ(signing.size(), 2U);
    EXPECT_FALSE(signing[scanner::encodePublicKey(first->publicKey)]);
    EXPECT_TRUE(signing[scanner::encodePublicKey(second->publicKey)]);
    const auto text = run({"keys", "list"}).out;
    EXPECT_NE(text.find(scanner::encodePublicKey(second->publicKey) + "  (signs this event's badges)"),
              std::string::npos)
        << text;

    EXPECT_EQ(inspect(scanner::signBadge({"A1", "Ana", "Silva", "Acme"}, *first))["verdict"], "ok");
    EXPECT_EQ(inspect(scanner::signBadge({"A1", "Ana", "Silva", "Acme"}, *second))["verdict"], "ok");
}

TEST_F(KeysCli, BadKeysAreRefused) {
    auto trust = run({"keys", "trust", "not-a-key"});
    EXPECT_EQ(trust.exitCode, 2);
    EXPECT_NE(trust.err.find("meetscan: error: not a MeetScan public key"), std::string::npos) << trust.err;
    auto pretix = run({"keys", "add-pretix", "bm90IGEgcGVt"});
    EXPECT_EQ(pretix.exitCode, 2);
    auto list = run({"keys", "list", "--json"});
    EXPECT_TRUE(list.out.empty());
}

TEST_F(KeysCli, PretixTicketsVerifyAgainstAddedKeys) {
    const auto pretixKeys = scanner::generateKeyPair();
    const auto ticket = scanner::makePretixTicket({"seed0123456789abcdef", 12, 0, 0, std::nullopt, std::nullopt}, pretixKeys);
    EXPECT_EQ(inspect(ticket)["verdict"], "forged"); // no pretix key trusted yet
    auto added = run({"keys", "add-pretix", scanner::pretixPublicKeyPem(pretixKeys.publicKey)});
    ASSERT_EQ(added.exitCode, 0) << added.err;
    auto read = inspect(ticket);
    EXPECT_EQ(read["kind"], "pretix");
    EXPECT_EQ(read["verdict"], "unknown"); // genuine, but this secret is not on the roster
}

TEST_F(KeysCli, InspectReportsEveryVerdict) {
    EXPECT_EQ(inspect("A1")["verdict"], "ok");
    EXPECT_EQ(inspect("ZZ-404")["verdict"], "unknown");
    EXPECT_EQ(inspect("\x01\x02garbage")["verdict"], "malformed");
    auto walkIn = inspect("BEGIN:VCARD\nVERSION:3.0\nN:Okafor;Chidi;;;\nEMAIL:chidi@example.ng\nEND:VCARD\n");
    EXPECT_EQ(walkIn["kind"], "vcard");
    EXPECT_EQ(walkIn["verdict"], "ok");
    EXPECT_EQ(walkIn["walk_in"], true);

    ASSERT_EQ(run({"init", "--event", "E", "--mode", "booth", "--exhibitor", "acme"}).exitCode, 0);
    auto refused = inspect("NC");
    EXPECT_EQ(refused["verdict"], "no_consent");
    EXPECT_FALSE(refused["reason"].get<std::string>().empty());
    EXPECT_EQ(inspect("ST")["verdict"], "ok"); // the booth's own staff may always sign in
}

} // namespace
} // namespace meetscan::test
