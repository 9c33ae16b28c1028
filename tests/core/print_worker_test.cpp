// The kiosk's PrintWorker against a real, private cupsd (tests/support/cups_server.hpp): jobs
// printed, a stopped printer and an empty paper tray reported while the job waits, failures
// kept with their error until retried, and no print service at all.
#include "core/print/print_worker.hpp"
#include "core/store/store.hpp"
#include "support/cups_server.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <cups/cups.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <thread>

namespace meetscan::core {
namespace {

using namespace std::chrono_literals;

Attendee attendee(const std::string& code, const std::string& first, const std::string& last) {
    Attendee a;
    a.badgeCode = code;
    a.id = attendeeIdForCode(code);
    a.firstName = first;
    a.lastName = last;
    a.email = code + "@example.org";
    return a;
}

class PrintWorkerTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto store = Store::open(m_dir / "station.db");
        ASSERT_TRUE(store.ok());
        m_ana = attendee("AN01", "Ana", "Silva");
        const auto boris = attendee("BO02", "Борис", "Иванов");
        ASSERT_TRUE((*store)->attendees().importAll({m_ana, boris}).ok());
        const auto station = (*store)->events().station().id;
        const TimeMs at = nowMs();
        (*store)->meetings().add({newUlid(at), station, at, m_ana.id, boris.id, newUlid(at), newUlid(at)});
    }

    void TearDown() override {
        m_worker.reset(); // before cupsd goes away
        unsetenv("CUPS_SERVER");
    }

    bool startCups(std::string& whyNot) {
        m_cups = test::CupsServer::start(whyNot);
        if (!m_cups)
            return false;
        setenv("CUPS_SERVER", m_cups->socket().c_str(), 1);
        std::string error;
        if (!m_cups->addPdfPrinter("kiosk", error)) {
            whyNot = error;
            return false;
        }
        return true;
    }

    void startWorker() {
        auto worker = PrintWorker::start(m_dir / "station.db");
        ASSERT_TRUE(worker.ok()) << worker.error().message;
        m_worker = std::move(worker).value();
    }

    // Polls the snapshot until `done` holds for job `id`, returning the job's last state.
    PrintJob waitFor(int id, const std::function<bool(const PrintJob&)>& done, std::chrono::seconds limit = 60s) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        PrintJob last;
        while (std::chrono::steady_clock::now() < deadline) {
            const auto snapshot = m_worker->snapshot();
            if (const PrintJob* job = findJob(snapshot, id)) {
                last = *job;
                if (done(last))
                    return last;
            }
            std::this_thread::sleep_for(100ms);
        }
        return last;
    }

    static bool is(const PrintJob& job, JobState state) { return job.status.state == state; }

    test::TempDir m_dir;
    Attendee m_ana;
    std::unique_ptr<test::CupsServer> m_cups;
    std::unique_ptr<PrintWorker> m_worker;
};

TEST_F(PrintWorkerTest, PrintsASummaryAndATestPageOnTheChosenPrinter) {
    std::string whyNot;
    if (!startCups(whyNot))
        GTEST_SKIP() << whyNot;
    startWorker();
    m_worker->choosePrinter({"kiosk", Paper::Receipt80});
    const int summary = m_worker->printSummary(m_ana.id);
    const int test = m_worker->printTestPage();
    auto printed = waitFor(summary, [](const PrintJob& j) { return isFinal(j.status.state); });
    EXPECT_EQ(printed.status.state, JobState::Done) << printed.status.message;
    EXPECT_EQ(printed.printer, "kiosk");
    EXPECT_GT(printed.cupsJobId, 0);
    const auto pdf = m_cups->waitForPdf("kiosk", printed.cupsJobId);
    ASSERT_FALSE(pdf.empty());
    const auto text = test::runProcess({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"}).out;
    EXPECT_NE(text.find("Борис Иванов"), std::string::npos) << text;
    auto page = waitFor(test, [](const PrintJob& j) { return isFinal(j.status.state); });
    EXPECT_EQ(page.status.state, JobState::Done) << page.status.message;

    const auto snapshot = m_worker->snapshot();
    EXPECT_EQ(snapshot.activePrinter, "kiosk");
    EXPECT_EQ(snapshot.paper, Paper::Receipt80);
    EXPECT_TRUE(snapshot.serviceError.empty()) << snapshot.serviceError;
    ASSERT_NE(findPrinter(snapshot, "kiosk"), nullptr);

    // The choice is the station's: a new worker on the same database starts with it.
    m_worker.reset();
    startWorker();
    EXPECT_EQ(m_worker->snapshot().choice.printer, "kiosk");
    EXPECT_EQ(m_worker->snapshot().paper, Paper::Receipt80);
}

TEST_F(PrintWorkerTest, AStoppedPrinterAndAnEmptyTrayAreReportedWhileTheJobWaits) {
    std::string whyNot;
    if (!startCups(whyNot))
        GTEST_SKIP() << whyNot;
    startWorker();
    m_worker->choosePrinter({"kiosk", Paper::A4});
    ASSERT_EQ(m_cups->tool({"cupsdisable", "-r", "Lid open", "kiosk"}).exitCode, 0);
    const int id = m_worker->printSummary(m_ana.id);
    auto stopped = waitFor(id, [](const PrintJob& j) { return is(j, JobState::PrinterStopped); });
    ASSERT_EQ(stopped.status.state, JobState::PrinterStopped) << stopped.status.message;
    EXPECT_NE(stopped.status.message.find("Lid open"), std::string::npos);

    // What a receipt printer's backend reports when the roll runs out (printer-state-reasons).
    cupsSetServer(m_cups->socket().c_str());
    ipp_t* request = ippNewRequest(IPP_OP_CUPS_ADD_MODIFY_PRINTER);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, "ipp://localhost/printers/kiosk");
    ippAddString(request, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "printer-state-reasons", nullptr, "media-empty-error");
    ippDelete(cupsDoRequest(CUPS_HTTP_DEFAULT, request, "/admin/"));
    ASSERT_LE(cupsLastError(), IPP_STATUS_OK_EVENTS_COMPLETE) << cupsLastErrorString();
    auto empty = waitFor(id, [](const PrintJob& j) { return is(j, JobState::OutOfPaper); });
    EXPECT_EQ(empty.status.state, JobState::OutOfPaper) << empty.status.message;
    EXPECT_EQ(empty.status.message, "kiosk is out of paper");
    const auto* printer = findPrinter(m_worker->snapshot(), "kiosk");
    ASSERT_NE(printer, nullptr);

    // Paper back in, printer resumed: the same job prints.
    ASSERT_EQ(m_cups->tool({"cupsenable", "kiosk"}).exitCode, 0);
    request = ippNewRequest(IPP_OP_CUPS_ADD_MODIFY_PRINTER);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, "ipp://localhost/printers/kiosk");
    ippAddString(request, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "printer-state-reasons", nullptr, "none");
    ippDelete(cupsDoRequest(CUPS_HTTP_DEFAULT, request, "/admin/"));
    auto done = waitFor(id, [](const PrintJob& j) { return isFinal(j.status.state); });
    EXPECT_EQ(done.status.state, JobState::Done) << done.status.message;
    cupsSetServer(nullptr);
}

TEST_F(PrintWorkerTest, AFailedJobIsKeptWithItsErrorUntilRetried) {
    std::string whyNot;
    if (!startCups(whyNot))
        GTEST_SKIP() << whyNot;
    startWorker();
    m_worker->choosePrinter({"hall", Paper::A4}); // not there yet
    const int id = m_worker->printSummary(m_ana.id);
    auto failed = waitFor(id, [](const PrintJob& j) { return isFinal(j.status.state); });
    ASSERT_EQ(failed.status.state, JobState::Failed);
    EXPECT_NE(failed.status.message.find("printer \"hall\" does not exist"), std::string::npos) << failed.status.message;
    // Still there later, for staff to see.
    std::this_thread::sleep_for(1500ms);
    ASSERT_NE(findJob(m_worker->snapshot(), id), nullptr);

    std::string error;
    ASSERT_TRUE(m_cups->addPdfPrinter("hall", error)) << error;
    m_worker->retry(id);
    auto retried = waitFor(id, [](const PrintJob& j) { return j.attempts > 1 && isFinal(j.status.state); });
    EXPECT_EQ(retried.status.state, JobState::Done) << retried.status.message;
    EXPECT_EQ(retried.attempts, 2);
    m_worker->dismiss(id);
    std::this_thread::sleep_for(600ms);
    EXPECT_EQ(findJob(m_worker->snapshot(), id), nullptr);
}

TEST_F(PrintWorkerTest, NoPrintServiceFailsClearlyAndTheWorkerGoesOn) {
    setenv("CUPS_SERVER", (m_dir / "no-cupsd.sock").c_str(), 1);
    startWorker();
    const int id = m_worker->printTestPage();
    auto failed = waitFor(id, [](const PrintJob& j) { return isFinal(j.status.state); }, 20s);
    EXPECT_EQ(failed.status.state, JobState::Failed);
    EXPECT_NE(failed.status.message.find("cannot reach the print service"), std::string::npos) << failed.status.message;
    const auto snapshot = m_worker->snapshot();
    EXPECT_TRUE(snapshot.listed);
    EXPECT_NE(snapshot.serviceError.find("cannot reach the print service"), std::string::npos);
    EXPECT_TRUE(snapshot.printers.empty());
    // It still takes work: a second job fails the same way rather than hanging.
    const int again = m_worker->printSummary(m_ana.id);
    EXPECT_EQ(waitFor(again, [](const PrintJob& j) { return isFinal(j.status.state); }, 20s).status.state,
              JobState::Failed);
}

} // namespace
} // namespace meetscan::core
