#include "capture/paced_source.hpp"

#include "meetscan/scanner/image_file.hpp"

#include <chrono>

namespace meetscan::scanner {

PacedSource::PacedSource(Producer producer, double fps, bool preview)
    : m_producer(std::move(producer)), m_fps(fps > 0 ? fps : 1.0), m_preview(preview) {}

PacedSource::~PacedSource() {
    stop();
}

void PacedSource::start(FrameHandler onFrame, PreviewHandler onPreview) {
    if (m_thread.joinable())
        return;
    m_onFrame = std::move(onFrame);
    m_onPreview = std::move(onPreview);
    m_thread = std::jthread([this](std::stop_token stop) { run(std::move(stop)); });
}

void PacedSource::stop() {
    if (!m_thread.joinable())
        return;
    m_thread.request_stop();
    m_wake.notify_all();
    m_thread.join();
}

std::string PacedSource::lastProblem() const {
    std::lock_guard lock(m_mutex);
    return m_lastProblem;
}

void PacedSource::run(std::stop_token stop) {
    using Clock = std::chrono::steady_clock;
    const auto period =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / m_fps));
    const auto startedAt = Clock::now();
    // Waits until `when`, returning false when stop was requested meanwhile.
    auto waitUntil = [&](Clock::time_point when) {
        std::unique_lock lock(m_mutex);
        m_wake.wait_until(lock, stop, when, [] { return false; });
        return !stop.stop_requested();
    };
    try {
        for (std::uint64_t index = 0; !stop.stop_requested(); ++index) {
            Produced produced = m_producer(index);
            if (!produced.problem.empty()) {
                std::lock_guard lock(m_mutex);
                m_lastProblem = produced.problem;
            }
            if (produced.ended) {
                m_status = SourceStatus::Ended;
                return;
            }
            if (produced.frame && !produced.frame->empty()) {
                GreyFrame frame = std::move(*produced.frame);
                frame.capturedAt = Clock::now();
                frame.sequence = m_framesProduced.fetch_add(1) + 1;
                m_status = SourceStatus::Running;
                try {
                    if (m_preview && m_onPreview)
                        m_onPreview(makeGreyPreview(frame));
                    if (m_onFrame)
                        m_onFrame(std::move(frame));
                } catch (...) {
                    // A throwing handler loses this frame only.
                }
            }
            // Paced against the start, so slow frames do not make the stream drift.
            if (!waitUntil(startedAt + period * static_cast<Clock::rep>(index + 1)))
                return;
        }
    } catch (...) {
        std::lock_guard lock(m_mutex);
        m_lastProblem = "unexpected failure in the frame source";
        m_status = SourceStatus::Ended;
    }
}

std::unique_ptr<FrameSource> makeImageSequenceSource(std::vector<std::filesystem::path> images, double fps,
                                                     bool preview) {
    auto producer = [images = std::move(images)](std::uint64_t index) {
        Produced produced;
        if (index >= images.size()) {
            produced.ended = true;
            return produced;
        }
        auto loaded = loadGreyImage(images[index]);
        if (loaded)
            produced.frame = std::move(loaded.value());
        else
            produced.problem = loaded.error().message;
        return produced;
    };
    return std::make_unique<PacedSource>(std::move(producer), fps, preview);
}

} // namespace meetscan::scanner
