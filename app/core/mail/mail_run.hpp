#pragma once
// One `send` run: messages composed on every core, handed to the SMTP server one after another
// over one connection (or written as .eml files for --dry-run), each step recorded in the
// outbox before the next begins:
//   queued -> sending (just before the hand-over) -> sent | failed (with the server's reply).
// A refused or deferred message fails alone and the run goes on. A refused login or a server
// that stops answering ends the run: the message in hand goes back to queued (a server takes a
// message only when it acknowledges its data), the rest were never touched, and a re-run picks
// them all up. Ctrl-C (`stop`) ends the run after the message in hand.
#include "core/mail/smtp_client.hpp"
#include "core/store/store.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace meetscan::core {

struct MailJob {
    std::optional<std::int64_t> outboxId; // none in a dry run, which records nothing
    std::string label;                    // who it is for, in reports: "Ana Costa <ana@example.org>"
    std::string fileStem;                 // --dry-run: DIR/<fileStem>.eml (a plain file name)
    std::vector<std::string> recipients;
};

// Composes on one worker thread; made on that thread, so it may hold thread-bound things (its own
// Store, a font scope).
class MailWorker {
public:
    virtual ~MailWorker() = default;
    // The message's bytes (renderMail) for jobs[index].
    virtual Expected<std::string> compose(std::size_t index) = 0;
};

class MailComposer {
public:
    virtual ~MailComposer() = default;
    [[nodiscard]] virtual Expected<std::unique_ptr<MailWorker>> startWorker() const = 0;
};

struct MailProgress {
    std::size_t done = 0; // sent, failed or written
    std::size_t total = 0;
    std::size_t failed = 0;
};

struct MailRunOptions {
    std::optional<SmtpServer> server; // none: --dry-run
    std::filesystem::path dryRunDir;
    std::string envelopeFrom;         // the sender's address
    double perMinute = 0;             // --rate; 0: as fast as the server takes them
    unsigned threads = 0;             // composing threads; 0: every core
    const std::atomic<bool>* stop = nullptr;
    std::function<void(const MailProgress&)> progress; // on the calling thread, after each message
};

struct MailFailure {
    std::string label;
    std::string reply;
};

struct MailRunResult {
    std::size_t total = 0;
    std::size_t sent = 0; // or written, in a dry run
    std::vector<MailFailure> failures;
    std::size_t leftQueued = 0;
    std::size_t undecided = 0;      // the line broke after the whole message went: left `sending`
    std::size_t takenElsewhere = 0; // another run was sending it
    std::string stoppedBecause; // a refused login or an unreachable server; empty otherwise
    bool interrupted = false;
};

// `store` is the caller's, used on the calling thread for the outbox.
[[nodiscard]] Expected<MailRunResult> runMail(Store& store, const std::vector<MailJob>& jobs,
                                              const MailComposer& composer, const MailRunOptions& options);

} // namespace meetscan::core
