#pragma once
// What the admin panel's Leads page sees of lead delivery and what it may ask of it. The kiosk
// runner owns the core::LeadDeliveryWorker; the page reads its status (copied once per frame)
// and sets LeadCommands, which the runner carries out after the frame, so no screen waits on a
// USB stick or an SMTP server.
#include "core/export/lead_delivery_worker.hpp"

#include <optional>
#include <string>

namespace meetscan::ui {

struct LeadCommands {
    bool open = false; // the page was opened: forget the last outcomes, count again
    std::optional<core::RemovableDrive> exportTo;
    bool mail = false;
};

struct LeadsView {
    core::LeadDeliveryStatus status;
    bool mailReady = false;       // the kiosk has working SMTP settings
    std::string mailProblem;      // why not, when they were given but cannot be used
    bool open = false;            // the Leads page covers the admin panel
    std::string chosenDrive;      // the mount point staff picked, when several drives are in
};

} // namespace meetscan::ui
