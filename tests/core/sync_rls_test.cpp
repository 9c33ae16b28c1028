// Row-level security on the event's schema: a station's own role, logged in over TCP with the
// password createStationLogin gave it, tries every write it must not make, and each is refused;
// what it owns it may write. Also: a station's sync sends only the rows it owns.
#include "core/sync/outbox.hpp"
#include "sync_fixture.hpp"

#include <SQLiteCpp/Statement.h>

namespace meetscan::core {
namespace {

class SyncRls : public SyncFixture {
protected:
    void SetUp() override {
        SyncFixture::SetUp();
        if (HasFatalFailure())
            return;
        ASSERT_TRUE(m_office->attendees().importAll(roster()));
        sync(*m_office);
        m_lounge = station("lounge");
        m_booth = station("booth", Mode::Booth, "boothco");
        sync(*m_lounge);
        sync(*m_booth);
        meet(*m_booth, "A1", "B2", 5'000);
        sync(*m_booth);
    }

    // The lounge's role over TCP, where the cluster checks passwords.
    PgConnection asLounge(const std::string& password = "") {
        const auto& login = m_logins.at(m_lounge->path().string());
        auto conninfo = conninfoWithLogin(s_server->tcpAddress(m_database), login.user,
                                          password.empty() ? login.password : password);
        EXPECT_TRUE(conninfo);
        auto connection = PgConnection::connect(*conninfo);
        EXPECT_TRUE(connection) << connection.error().message;
        return std::move(connection).value();
    }

    // Runs `sql` as the lounge; the server's one-line refusal, or "" when it was allowed.
    std::string refusal(const std::string& sql) {
        auto lounge = asLounge();
        try {
            lounge.exec(sql);
            return "";
        } catch (const PgError& e) {
            return e.what();
        }
    }
    // Runs an UPDATE as the lounge and returns how many rows it changed.
    std::size_t updated(const std::string& sql) {
        auto lounge = asLounge();
        return lounge.exec(sql + " RETURNING 1").size();
    }

    std::string loungeId() { return m_lounge->events().station().id; }
    std::string boothId() { return m_booth->events().station().id; }

    std::unique_ptr<Store> m_lounge;
    std::unique_ptr<Store> m_booth;
};

TEST_F(SyncRls, TheLoginNeedsItsPasswordAndKeepsNoOfficeCredentials) {
    const auto& login = m_logins.at(m_lounge->path().string());
    EXPECT_EQ(login.user.rfind("ms_", 0), 0U);
    EXPECT_EQ(login.password.size(), 64U);
    EXPECT_EQ(login.server.find("user"), std::string::npos) << login.server;
    EXPECT_EQ(
        server("SELECT station_id FROM " + in("station_login") + " WHERE role_name = '" + login.user + "'"),
        loungeId());
    EXPECT_EQ(
        server("SELECT rolinherit::text || rolcreaterole::text || rolsuper::text || rolbypassrls::text FROM "
               "pg_roles WHERE rolname = '" +
               login.user + "'"),
        "falsefalsefalsefalse");
    auto conninfo = conninfoWithLogin(s_server->tcpAddress(m_database), login.user, "not-the-password");
    auto refused = PgConnection::connect(*conninfo);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("password authentication failed"), std::string::npos)
        << refused.error().message;
    EXPECT_EQ(refused.error().message.find('\n'), std::string::npos);
    // It sees only its own mapping.
    EXPECT_EQ(asLounge().exec("SELECT station_id FROM " + in("station_login")).size(), 1U);
}

TEST_F(SyncRls, AStationCannotWriteAnotherStationsRows) {
    const auto scanColumns =
        "(id, station_id, at, mode, raw_text, format, kind, attendee_id, outcome, detail)";
    auto forged = refusal("INSERT INTO " + in("scan") + " " + scanColumns + " VALUES ('" + newUlid() +
                          "', '" + boothId() + "', 1, 'meet', 'A1', '', '', NULL, 'first_badge', '')");
    EXPECT_NE(forged.find("row-level security"), std::string::npos) << forged;
    EXPECT_EQ(forged.find('\n'), std::string::npos);
    EXPECT_EQ(refusal("INSERT INTO " + in("scan") + " " + scanColumns + " VALUES ('" + newUlid() + "', '" +
                      loungeId() + "', 1, 'meet', 'A1', '', '', NULL, 'first_badge', '')"),
              "")
        << "its own scan is fine";

    // Another kiosk's mode, the booth's meeting, its own scans: no change, no delete.
    EXPECT_EQ(updated("UPDATE " + in("station") + " SET mode = 'summary' WHERE id = '" + boothId() + "'"),
              0U);
    EXPECT_EQ(server("SELECT mode FROM " + in("station") + " WHERE id = '" + boothId() + "'"), "booth");
    EXPECT_EQ(
        updated("UPDATE " + in("station") + " SET name = 'lounge east' WHERE id = '" + loungeId() + "'"), 1U)
        << "its own station row is its own";
    // ... but not the change order every station pulls by: the server draws `seq` itself.
    EXPECT_EQ(updated("UPDATE " + in("station") + " SET seq = 9000000000000000000 WHERE id = '" + loungeId() + "'"),
              1U);
    EXPECT_NE(server("SELECT seq FROM " + in("station") + " WHERE id = '" + loungeId() + "'"), "9000000000000000000");
    EXPECT_NE(refusal("UPDATE " + in("meeting") + " SET at = 0").find("permission denied"),
              std::string::npos);
    EXPECT_NE(refusal("DELETE FROM " + in("scan")).find("permission denied"), std::string::npos);
    EXPECT_NE(refusal("DELETE FROM " + in("station") + " WHERE id = '" + loungeId() + "'")
                  .find("permission denied"),
              std::string::npos);
    EXPECT_EQ(server("SELECT count(*) FROM " + in("meeting")), "1");
    EXPECT_NE(
        refusal("UPDATE " + in("station") + " SET id = '" + boothId() + "' WHERE id = '" + loungeId() + "'"),
        "")
        << "nor may it take another station's id";
}

TEST_F(SyncRls, AStationCannotWriteWhatTheOfficeOwns) {
    const auto ana = attendeeIdForCode("A1");
    EXPECT_EQ(updated("UPDATE " + in("attendee") + " SET consent_exhibitors = 0 WHERE id = '" + ana + "'"),
              0U);
    EXPECT_EQ(server("SELECT consent_exhibitors FROM " + in("attendee") + " WHERE id = '" + ana + "'"), "1");
    auto erasure = refusal("INSERT INTO " + in("erasure") + " (attendee_id, station_id, at) VALUES ('" + ana +
                           "', '" + loungeId() + "', 1)");
    EXPECT_NE(erasure.find("permission denied"), std::string::npos) << erasure;
    EXPECT_NE(refusal("UPDATE " + in("event") + " SET name = 'hijacked'").find("permission denied"),
              std::string::npos);
    EXPECT_NE(refusal("INSERT INTO " + in("exhibitor") +
                      " (id, name, booth, tags, questions, updated_at) VALUES "
                      "('evil', 'Evil', '', '[]', '[]', 1)")
                  .find("permission denied"),
              std::string::npos);
    EXPECT_NE(refusal("INSERT INTO " + in("trusted_key") +
                      " (public_key, kind, added_at) VALUES ('k', 'meetscan', 1)")
                  .find("permission denied"),
              std::string::npos);
    EXPECT_NE(refusal("DELETE FROM " + in("attendee_code")).find("permission denied"), std::string::npos);
    auto roster = refusal(
        "INSERT INTO " + in("attendee") +
        " (id, badge_code, first_name, last_name, company, title, email, phone, country, ticket_type, "
        "role, exhibitor_id, consent_exhibitors, consent_networking, source, station_id, erased_at, "
        "updated_at) VALUES ('x', 'X', 'Mallory', '', '', '', '', '', '', '', '', '', 1, 1, 'roster', '" +
        loungeId() + "', NULL, 1)");
    EXPECT_NE(roster.find("row-level security"), std::string::npos) << "only walk-ins: " << roster;
    EXPECT_NE(
        refusal("INSERT INTO " + in("station_login") + " VALUES ('ms_x', 'x')").find("permission denied"),
        std::string::npos);
}

TEST_F(SyncRls, AStationCannotReadAnotherEvent) {
    // A second office, another event, on the same server.
    auto other = Store::open(m_dir / "other-office.db");
    ASSERT_TRUE(other);
    SyncClient client(m_conninfo);
    ASSERT_TRUE(client.syncOnce((*other)->database()));
    const auto otherSchema = *eventSchemaName((*other)->events().event().id);
    ASSERT_NE(otherSchema, m_schema);
    auto read = refusal("SELECT count(*) FROM " + otherSchema + ".attendee");
    EXPECT_NE(read.find("permission denied for schema " + otherSchema), std::string::npos) << read;
    EXPECT_NE(refusal("SELECT * FROM meetscan_event").find("permission denied"), std::string::npos);
    EXPECT_NE(refusal("CREATE TABLE public.mine (x int)").find("permission denied"), std::string::npos);

    // And its own sync against the other event's schema is refused, not half-done.
    m_lounge->database().exec("UPDATE meta SET value = '" + (*other)->events().event().id +
                              "' WHERE key = 'event_id'");
    SyncClient lounge(serverFor(*m_lounge));
    auto refused = lounge.syncOnce(m_lounge->database());
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("permission denied"), std::string::npos)
        << refused.error().message;
}

// A station that changed a roster row locally (or holds another station's lead after a fold)
// does not send it: its sync succeeds, and the server keeps the owner's version.
TEST_F(SyncRls, AStationPushesOnlyTheRowsItOwns) {
    const auto ana = attendeeIdForCode("A1");
    m_lounge->database().exec(
        "UPDATE attendee SET first_name = 'Changed', updated_at = updated_at + 1000 WHERE id = '" + ana +
        "'");
    m_lounge->database().exec(
        "UPDATE station SET mode = 'summary', updated_at = updated_at + 1000 WHERE id = '" + boothId() + "'");
    meet(*m_lounge, "B2", "C3", 9'000);
    const auto batch = Outbox(m_lounge->database()).next(1000);
    auto sent = [&batch](const char* table) {
        auto found = batch.rows.find(table);
        return found == batch.rows.end() ? 0U : found->second.size();
    };
    EXPECT_EQ(sent("attendee"), 0U);
    EXPECT_EQ(sent("station"), 0U);
    EXPECT_EQ(sent("scan"), 2U);
    EXPECT_EQ(sent("meeting"), 1U);
    auto report = sync(*m_lounge);
    EXPECT_EQ(report.queued, 0);
    EXPECT_EQ(server("SELECT first_name FROM " + in("attendee") + " WHERE id = '" + ana + "'"), "Ana");
    EXPECT_EQ(server("SELECT mode FROM " + in("station") + " WHERE id = '" + boothId() + "'"), "booth");
    EXPECT_EQ(server("SELECT count(*) FROM " + in("meeting")), "2");

    // A walk-in is the lounge's own: it goes to the server, and from there to the booth.
    Attendee walkIn;
    walkIn.badgeCode = "contact:eve@example.org";
    walkIn.firstName = "Eve";
    ASSERT_TRUE(m_lounge->attendees().addWalkIn(walkIn));
    sync(*m_lounge);
    EXPECT_EQ(server("SELECT source || '|' || station_id FROM " + in("attendee") + " WHERE first_name = 'Eve'"),
              "walk_in|" + loungeId());
    sync(*m_booth);
    ASSERT_TRUE(m_booth->attendees().byCode("contact:eve@example.org"));
    // Nor may the lounge change the booth's walk-in, though it may change its own.
    Attendee fay;
    fay.badgeCode = "contact:fay@example.org";
    fay.firstName = "Fay";
    ASSERT_TRUE(m_booth->attendees().addWalkIn(fay));
    sync(*m_booth);
    EXPECT_EQ(updated("UPDATE " + in("attendee") + " SET first_name = 'Mallory' WHERE first_name = 'Fay'"), 0U);
    EXPECT_EQ(updated("UPDATE " + in("attendee") + " SET title = 'Guest' WHERE first_name = 'Eve'"), 1U);
}

} // namespace
} // namespace meetscan::core
