// The send pipeline on its own: composing workers, the bounded queue, the outbox marks, and every
// way a run ends (done, a worker that cannot start, Ctrl-C). Named *Thread* so CI's TSan stage
// runs it.
#include "core/mail/mail_run.hpp"
#include "support/fresh_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <set>

namespace meetscan::core {
namespace {

class CountingWorker final : public MailWorker {
public:
    explicit CountingWorker(std::atomic<int>& composed) : m_composed(composed) {}
    Expected<std::string> compose(std::size_t index) override {
        ++m_composed;
        if (index % 10 == 7)
            return Error::badInput("job " + std::to_string(index) + " cannot be composed");
        return "Subject: " + std::to_string(index) + "\r\n\r\nbody\r\n";
    }

private:
    std::atomic<int>& m_composed;
};

class CountingComposer final : public MailComposer {
public:
    explicit CountingComposer(bool startFails = false) : m_startFails(startFails) {}
    Expected<std::unique_ptr<MailWorker>> startWorker() const override {
        ++started;
        if (m_startFails)
            return Error::world("no database for this worker");
        return std::unique_ptr<MailWorker>(std::make_unique<CountingWorker>(composed));
    }
    mutable std::atomic<int> started{0};
    mutable std::atomic<int> composed{0};

private:
    bool m_startFails;
};

class MailRunThreads : public test::FreshStore {
protected:
    std::vector<MailJob> jobs(std::size_t count, bool queued) {
        std::vector<MailJob> list;
        for (std::size_t i = 0; i < count; ++i) {
            MailJob job;
            job.label = "job " + std::to_string(i);
            job.fileStem = "job-" + std::to_string(i);
            job.recipients = {"p" + std::to_string(i) + "@example.org"};
            if (queued) {
                OutboxEntry entry;
                entry.subjectId = std::to_string(i);
                entry.recipients = job.recipients;
                job.outboxId = *m_store->mailOutbox().queue(entry, std::nullopt);
            }
            list.push_back(std::move(job));
        }
        return list;
    }
    MailRunOptions dryRun(unsigned threads) {
        MailRunOptions options;
        options.dryRunDir = m_dir / "out";
        options.envelopeFrom = "events@example.org";
        options.threads = threads;
        return options;
    }
};

TEST_F(MailRunThreads, FourWorkersComposeEveryMessageOnceAndFailuresStayAlone) {
    const auto list = jobs(200, false);
    CountingComposer composer;
    std::vector<std::size_t> progress;
    auto options = dryRun(4);
    options.progress = [&](const MailProgress& p) { progress.push_back(p.done); };
    auto result = runMail(*m_store, list, composer, options);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(composer.started.load(), 4);
    EXPECT_EQ(composer.composed.load(), 200);
    EXPECT_EQ(result->sent, 180U);
    EXPECT_EQ(result->failures.size(), 20U);
    EXPECT_EQ(result->leftQueued, 0U);
    EXPECT_EQ(progress.size(), 200U);
    EXPECT_EQ(progress.back(), 200U);
    std::set<std::string> written;
    for (const auto& entry : std::filesystem::directory_iterator(m_dir / "out"))
        written.insert(entry.path().filename().string());
    EXPECT_EQ(written.size(), 180U);
    EXPECT_EQ(written.count("job-7.eml"), 0U);
    EXPECT_EQ(written.count("job-8.eml"), 1U);
}

TEST_F(MailRunThreads, WorkersThatCannotStartFailEveryMessageAndTheRunEnds) {
    const auto list = jobs(30, true);
    CountingComposer composer(true);
    auto result = runMail(*m_store, list, composer, dryRun(3));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->sent, 0U);
    ASSERT_EQ(result->failures.size(), 30U);
    EXPECT_EQ(result->failures[0].reply, "no database for this worker");
    for (const auto& entry : m_store->mailOutbox().all())
        EXPECT_EQ(entry.state, MailState::Failed);
}

TEST_F(MailRunThreads, AStopEndsTheRunWithTheRestQueuedAndNoWorkerLeft) {
    const auto list = jobs(500, true);
    CountingComposer composer;
    std::atomic<bool> stop{false};
    auto options = dryRun(2);
    options.stop = &stop;
    options.progress = [&](const MailProgress& p) {
        if (p.done == 25)
            stop = true;
    };
    auto result = runMail(*m_store, list, composer, options);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_TRUE(result->interrupted);
    EXPECT_EQ(result->sent + result->failures.size(), 25U);
    EXPECT_EQ(result->leftQueued, 475U);
    EXPECT_LT(composer.composed.load(), 500) << "workers stop composing once the run ends";
    int queued = 0;
    for (const auto& entry : m_store->mailOutbox().all())
        queued += entry.state == MailState::Queued ? 1 : 0;
    EXPECT_GE(queued, 475);
}

} // namespace
} // namespace meetscan::core
