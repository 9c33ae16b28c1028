#pragma once
// A throw-away PostgreSQL cluster shared by a suite, a fresh database per test, an office
// database and stations made from it, each station syncing as its own role.
#include "core/store/store.hpp"
#include "core/sync/event_schema.hpp"
#include "core/sync/pg_connection.hpp"
#include "core/sync/server_schema.hpp"
#include "core/sync/station_login.hpp"
#include "core/sync/sync_client.hpp"
#include "support/pg_server.hpp"
#include "support/station_from_office.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Transaction.h>
#include <cctype>
#include <gtest/gtest.h>
#include <map>
#include <tuple>

namespace meetscan::core {

class SyncFixture : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string whyNot;
        s_server = test::PgServer::create(whyNot).release();
        if (s_server == nullptr)
            s_whyNot = whyNot;
    }
    static void TearDownTestSuite() {
        delete s_server;
        s_server = nullptr;
    }
    void SetUp() override {
        // PostgreSQL is a test dependency (deploy/install-deps.sh): its absence fails, never skips.
        ASSERT_NE(s_server, nullptr) << s_whyNot;
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_database = std::string("t_") + info->name();
        for (char& c : m_database)
            if (std::isalnum(static_cast<unsigned char>(c)) == 0)
                c = '_'; // a parameterised test's name holds a '/'
        m_conninfo = s_server->freshDatabase(m_database);
        auto connection = PgConnection::connect(m_conninfo);
        ASSERT_TRUE(connection) << connection.error().message;
        auto version = initServerSchema(*connection);
        ASSERT_TRUE(version) << version.error().message;
        auto opened = Store::open(m_dir / "office.db");
        ASSERT_TRUE(opened) << opened.error().message;
        m_office = std::move(opened).value();
        auto desk = m_office->events().station();
        desk.name = "desk";
        ASSERT_TRUE(m_office->events().saveStation(desk));
        ASSERT_TRUE(m_office->exhibitors().importAll({Exhibitor{"boothco", "Booth Co", "B1", {"demo"}, {}}}));
        m_schema = *eventSchemaName(m_office->events().event().id);
    }

    // A station of the office's event with its own login on the server.
    std::unique_ptr<Store> station(const std::string& name, Mode mode = Mode::Meet,
                                   const std::string& exhibitor = "") {
        const auto path = m_dir / (name + ".db");
        const auto id =
            test::stationFromOffice(m_office->path(), path, name, std::string(toString(mode)), exhibitor);
        auto admin = PgConnection::connect(m_conninfo);
        EXPECT_TRUE(admin);
        auto login = createStationLogin(*admin, m_office->events().event().id, id);
        EXPECT_TRUE(login) << login.error().message;
        auto store = Store::open(path);
        EXPECT_TRUE(store) << store.error().message;
        if (login) {
            m_logins[path.string()] = *login;
            saveStationLogin((*store)->database(), *login);
        }
        return std::move(store).value();
    }

    // The office syncs as the schema's owner; a station with its own role (over the unix
    // socket, where the test cluster trusts the role name; sync_rls_test checks passwords).
    std::string serverFor(Store& store) {
        auto found = m_logins.find(store.path().string());
        if (found == m_logins.end())
            return m_conninfo;
        return *conninfoWithLogin(m_conninfo, found->second.user, found->second.password);
    }

    static std::vector<Attendee> roster() {
        std::vector<Attendee> people;
        for (const auto& [code, first] : {std::tuple{"A1", "Ana"}, std::tuple{"B2", "Boris"},
                                          std::tuple{"C3", "Chen"}, std::tuple{"ST", "Sam"}}) {
            Attendee person;
            person.badgeCode = code;
            person.id = attendeeIdForCode(code);
            person.firstName = first;
            person.lastName = "Example";
            person.email = std::string(first) + "@example.org";
            person.consentExhibitors = true;
            if (std::string(code) == "ST")
                person.exhibitorId = "boothco";
            people.push_back(person);
        }
        return people;
    }

    static ScanRecord scanOf(Store& store, const std::string& code, Outcome outcome, TimeMs at) {
        ScanRecord record;
        record.id = newUlid(at);
        record.stationId = store.events().station().id;
        record.at = at;
        record.mode = "meet";
        record.rawText = code;
        record.format = "QRCode";
        record.attendeeId = attendeeIdForCode(code);
        record.outcome = outcome;
        return record;
    }

    // A meeting of two badges, saved with its two scans in one transaction as the session does.
    static void meet(Store& store, const std::string& a, const std::string& b, TimeMs at) {
        SQLite::Transaction transaction(store.database(), SQLite::TransactionBehavior::IMMEDIATE);
        auto first = scanOf(store, a, Outcome::FirstBadge, at);
        auto second = scanOf(store, b, Outcome::Connected, at + 1);
        store.scans().append(first);
        store.scans().append(second);
        store.meetings().add({newUlid(at + 1), store.events().station().id, at + 1, first.attendeeId,
                              second.attendeeId, first.id, second.id});
        transaction.commit();
    }

    SyncReport sync(Store& store, PullScope scope = PullScope::Station, int batch = 3) {
        SyncClient client(serverFor(store), SyncOptions{batch, 2000, scope});
        auto report = client.syncOnce(store.database());
        EXPECT_TRUE(report) << report.error().message;
        return report ? *report : SyncReport{};
    }

    std::string server(const std::string& sql) const { return s_server->scalar(sql, m_database); }
    // A table of this test's event schema.
    std::string in(const std::string& table) const { return m_schema + "." + table; }

    inline static test::PgServer* s_server = nullptr;
    inline static std::string s_whyNot;
    test::TempDir m_dir;
    std::string m_database;
    std::string m_conninfo;
    std::string m_schema;
    std::unique_ptr<Store> m_office;
    std::map<std::string, StationLogin> m_logins;
};

} // namespace meetscan::core
