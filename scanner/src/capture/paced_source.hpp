#pragma once
// A source that makes its own frames on its own thread at a fixed rate: folders of images, still
// images and generated badges. The producer is a function, so no virtual call can race the
// destructor.
#include "meetscan/scanner/frame_source.hpp"

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace meetscan::scanner {

struct Produced {
    std::optional<GreyFrame> frame; // empty: nothing this tick (e.g. an unreadable image, skipped)
    bool ended = false;             // no more frames will come
    std::string problem;            // why a tick had no frame
};

class PacedSource final : public FrameSource {
public:
    // Called with 0, 1, 2, ... on the source's thread, once per 1/fps seconds.
    using Producer = std::function<Produced(std::uint64_t index)>;

    PacedSource(Producer producer, double fps, bool preview);
    ~PacedSource() override;

    void start(FrameHandler onFrame, PreviewHandler onPreview) override;
    void stop() override;
    [[nodiscard]] SourceStatus status() const override { return m_status.load(); }
    [[nodiscard]] std::string lastProblem() const override;
    [[nodiscard]] std::uint64_t framesProduced() const override { return m_framesProduced.load(); }

private:
    void run(std::stop_token stop);

    Producer m_producer;
    double m_fps;
    bool m_preview;
    FrameHandler m_onFrame;
    PreviewHandler m_onPreview;
    std::atomic<SourceStatus> m_status{SourceStatus::Starting};
    std::atomic<std::uint64_t> m_framesProduced{0};
    mutable std::mutex m_mutex;
    std::string m_lastProblem;
    std::condition_variable_any m_wake;
    std::jthread m_thread;
};

// dir: and file: (still image) sources: the images in the given order, one per 1/fps, then Ended.
std::unique_ptr<FrameSource> makeImageSequenceSource(std::vector<std::filesystem::path> images, double fps,
                                                     bool preview);

// synthetic: generated badge frames cycling through `texts`; never ends.
std::unique_ptr<FrameSource> makeSyntheticSource(const SourceOptions& options);

} // namespace meetscan::scanner
