#pragma once
// Where the UI thread's time goes, frame by frame, for the benchmark (hidden `--timings FILE`).
// Times are the UI thread's own CPU time (CLOCK_THREAD_CPUTIME_ID): waits for vsync, for the
// X server or for Mesa's rasteriser threads do not count, only work done on this thread.
#include <array>
#include <filesystem>
#include <vector>

namespace meetscan::ui {

enum class Phase {
    Input,      // glfwPollEvents, the back-ends' NewFrame, injected input, ImGui::NewFrame
    TextUpload, // text textures the worker finished, uploaded to GL
    Drain,      // scans, decisions, the session snapshot, timeouts
    Preview,    // the camera preview's texture upload
    Build,      // the screen's ImGui draw lists (text lookups included)
    Render,     // ImGui::Render and the GL draw calls (the frame is submitted here)
    Swap,       // glfwSwapBuffers: not part of the frame's CPU time, shown apart
    Count
};

// Thread CPU time in milliseconds.
[[nodiscard]] double threadCpuMs();

class FrameTimings {
public:
    // Starts a frame; each mark() charges the time since the previous mark to a phase.
    void begin();
    void mark(Phase phase);
    // Lets time pass without charging it to any phase (screenshots for tests).
    void skip();
    // Ends the frame's accounting; `presented` is false for a frame held back (see KioskApp).
    void end(bool presented, double swapWallMs);

    // "startup_ms N", a header line, then one line per frame (the first frame is left out).
    bool write(const std::filesystem::path& path, double startupMs) const;

private:
    struct Row {
        std::array<double, static_cast<std::size_t>(Phase::Count)> phases{};
        double swapWallMs = 0.0;
        bool presented = true;
    };
    Row m_current;
    double m_last = 0.0;
    std::vector<Row> m_rows;
};

} // namespace meetscan::ui
