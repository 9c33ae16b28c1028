#include "ui/runner/frame_timings.hpp"

#include <ctime>
#include <fstream>

namespace meetscan::ui {

double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1.0e6;
}

void FrameTimings::begin() {
    m_current = Row{};
    m_last = threadCpuMs();
}

void FrameTimings::mark(Phase phase) {
    const double now = threadCpuMs();
    m_current.phases[static_cast<std::size_t>(phase)] += now - m_last;
    m_last = now;
}

void FrameTimings::skip() { m_last = threadCpuMs(); }

void FrameTimings::end(bool presented, double swapWallMs) {
    m_current.presented = presented;
    m_current.swapWallMs = swapWallMs;
    m_rows.push_back(m_current);
}

bool FrameTimings::write(const std::filesystem::path& path, double startupMs) const {
    std::ofstream out(path);
    out << "startup_ms " << startupMs << '\n';
    out << "frame_cpu_ms input text_upload drain preview build render swap_cpu swap_wall presented\n";
    // The first frame loads everything once; start-up time covers it.
    for (std::size_t i = 1; i < m_rows.size(); ++i) {
        const Row& row = m_rows[i];
        double frame = 0.0;
        for (std::size_t phase = 0; phase < static_cast<std::size_t>(Phase::Swap); ++phase)
            frame += row.phases[phase];
        out << frame;
        for (double ms : row.phases)
            out << ' ' << ms;
        out << ' ' << row.swapWallMs << ' ' << (row.presented ? 1 : 0) << '\n';
    }
    return static_cast<bool>(out);
}

} // namespace meetscan::ui
