#pragma once
// While a file is mapped into memory (core::MappedText), a read of a page the file no longer has
// (another program shortened it, a USB stick was pulled out, a network share went away) raises
// SIGBUS, which would end the process with no word. Within a guard's lifetime it ends it with a
// clear message and exit code 1 instead. Nothing of the import is committed before its last row
// is read, so SQLite rolls the unfinished transaction back the next time the database is opened.

#include <csignal>

namespace meetscan::cli {

class SigbusGuard {
public:
    SigbusGuard();
    ~SigbusGuard();
    SigbusGuard(const SigbusGuard&) = delete;
    SigbusGuard& operator=(const SigbusGuard&) = delete;

private:
    struct sigaction m_previous {};
};

} // namespace meetscan::cli
