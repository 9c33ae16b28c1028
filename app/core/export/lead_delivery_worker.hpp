#pragma once
// The admin panel's lead delivery on its own thread, so the kiosk never waits on a USB stick or
// an SMTP server: it lists the mounted drives, counts the leads new since the last export and
// e-mail, writes the lead list onto a drive, and e-mails it (send_runs.hpp, `sendLeads` for the
// one exhibitor). It opens its own Store (one SQLite connection per thread).
//
// Errors: start() returns an Expected; what fails later is kept in the status as the error's
// message, for the panel to show; exceptions end at the thread's loop.
#include "core/export/lead_delivery.hpp"
#include "core/mail/packet_mail.hpp"
#include "core/mail/smtp_client.hpp"
#include "core/system/removable_drives.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace meetscan::core {

// How this kiosk sends e-mail. It comes from the kiosk's environment at start-up
// (MEETSCAN_SMTP_URL, MEETSCAN_SMTP_FROM, MEETSCAN_SMTP_USER, MEETSCAN_SMTP_PASSWORD) and is
// never stored in the event database, which travels in packs, merges and syncs.
struct KioskMail {
    std::optional<SmtpServer> server; // none: e-mail is off
    MailSender sender;
    std::string problem;              // why it is off when the URL was given but cannot be used
};

// The settings from those four values (empty when unset). No URL: off, no problem. A URL that
// is not smtp:// or smtps://, or no sender address (MEETSCAN_SMTP_FROM, else the user when it
// is an address): off, with the problem.
[[nodiscard]] KioskMail kioskMailFrom(const std::string& url, const std::string& from, const std::string& user,
                                      const std::string& password);

struct LeadDeliveryOptions {
    std::filesystem::path database;
    std::filesystem::path removableRoot; // removable_drives.hpp; empty: the system's drives
    KioskMail mail;
};

enum class DeliveryState { Idle, Working, Done, Failed };

struct LeadDeliveryStatus {
    std::string exhibitorId;          // whose counts these are (empty before the first refresh)
    std::optional<LeadDeliveryCounts> counts;
    std::string countsError;
    std::vector<RemovableDrive> drives;
    bool drivesListed = false;

    DeliveryState exportState = DeliveryState::Idle;
    RemovableDrive exportDrive;       // the drive of the running or last export
    std::optional<DriveExport> exported;
    std::string exportError;

    DeliveryState mailState = DeliveryState::Idle;
    std::vector<std::string> mailedTo; // the running or last e-mail's recipients
    std::size_t mailedLeads = 0;
    std::string mailError;             // the server's reply, or why the run stopped
};

class LeadDeliveryWorker {
public:
    static Expected<std::unique_ptr<LeadDeliveryWorker>> start(LeadDeliveryOptions options);
    ~LeadDeliveryWorker(); // finishes the job under way (a file or a message), then joins
    LeadDeliveryWorker(const LeadDeliveryWorker&) = delete;
    LeadDeliveryWorker& operator=(const LeadDeliveryWorker&) = delete;

    [[nodiscard]] const KioskMail& mail() const;
    [[nodiscard]] LeadDeliveryStatus status() const;

    // Lists the drives and counts this exhibitor's leads again (the panel asks while it is open).
    void refresh(const std::string& exhibitorId);
    // Writes the lead list onto the drive, then counts again.
    void exportTo(const std::string& exhibitorId, const RemovableDrive& drive);
    // E-mails the lead list to the exhibitor's contact addresses now, even when nothing is new.
    void sendMail(const std::string& exhibitorId);
    // Forgets the last export's and e-mail's outcome (the panel was closed).
    void clearOutcomes();

    struct Impl;

private:
    explicit LeadDeliveryWorker(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace meetscan::core
