#pragma once
// The scan loop: a frame source, a latest-frame slot and one decode worker thread, with a results
// queue the UI thread drains once per frame. Nothing here that the UI calls waits on the camera
// or the decoder; they only take a short lock.
#include "meetscan/scanner/decoder.hpp"
#include "meetscan/scanner/frame_source.hpp"

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace meetscan::scanner {

struct ScanLoopOptions {
    DecoderOptions decoder;
    // The same text seen again within this window of its last sighting is the same scan.
    std::chrono::milliseconds debounce{2000};
    // Results not yet taken beyond this are dropped, oldest first (nobody is draining the queue).
    std::size_t maxPendingResults = 1024;
    // When frames come slower than this (a folder at 2 fps, a still image), a frame that reads as
    // nothing is tried again with the next strategy until a newer frame arrives; a fast camera
    // gets its strategies rotated across frames instead, keeping the decoder's CPU use bounded.
    std::chrono::milliseconds retrySlowerThan{100};
    // Replaces the decoder (tests use it to make a slow one); empty uses Decoder::decodeAll.
    std::function<std::vector<DecodedCode>(const GreyFrame&, std::uint64_t attempt)> decode;
};

struct ScanCounters {
    std::uint64_t framesSeen = 0;    // frames the source handed over
    std::uint64_t framesDecoded = 0; // frames the worker decoded
    std::uint64_t framesDropped = 0; // frames replaced in the slot before the worker took them
    std::uint64_t codesFound = 0;    // codes read, before debouncing
    std::uint64_t scans = 0;         // results queued after debouncing (injected text included)
};

// Where the last code was seen, for drawing an outline over the preview.
struct CodeOutline {
    std::array<Point, 4> corners{};
    int frameWidth = 0;
    int frameHeight = 0;
    std::chrono::steady_clock::time_point seenAt{};
};

class ScanLoop {
public:
    explicit ScanLoop(std::unique_ptr<FrameSource> source, ScanLoopOptions options = {});
    ~ScanLoop();
    ScanLoop(const ScanLoop&) = delete;
    ScanLoop& operator=(const ScanLoop&) = delete;

    // Starts the source and the decode worker. Calling it twice does nothing.
    void start();
    // Stops the source, then the worker, and joins both. Idempotent.
    void stop();

    // Everything recognised since the last call, oldest first.
    std::vector<DecodedCode> takeResults();
    // The newest preview frame, only when one arrived since the last call.
    std::optional<PreviewFrame> takePreview();
    // Text typed by a USB keyboard-wedge scanner joins the same queue (format "Keyboard"); it is
    // not debounced, as such a scanner only types when its trigger is pressed.
    void inject(std::string text);

    [[nodiscard]] SourceStatus status() const;
    [[nodiscard]] std::string sourceProblem() const;
    // The source ended (file:, dir:) and every frame it gave has been decoded.
    [[nodiscard]] bool finished() const;
    [[nodiscard]] ScanCounters counters() const;
    [[nodiscard]] std::optional<CodeOutline> lastOutline() const;

private:
    void work(std::stop_token stop);
    void onFrame(GreyFrame&& frame);
    void publish(std::vector<DecodedCode> codes, const GreyFrame& frame);
    [[nodiscard]] bool worthAnotherTry() const;

    std::unique_ptr<FrameSource> m_source;
    ScanLoopOptions m_options;
    Decoder m_decoder;

    mutable std::mutex m_slotMutex;
    std::condition_variable_any m_slotReady;
    std::optional<GreyFrame> m_slot;
    bool m_busy = false;
    std::uint64_t m_framesSeen = 0;
    std::uint64_t m_framesDropped = 0;
    std::chrono::steady_clock::time_point m_lastArrival{};
    std::chrono::steady_clock::duration m_arrivalGap{};

    mutable std::mutex m_resultMutex;
    std::vector<DecodedCode> m_results;
    std::map<std::string, std::chrono::steady_clock::time_point> m_lastSeen;
    std::optional<CodeOutline> m_outline;
    ScanCounters m_counters; // decoded, codes and scans; seen and dropped live with the slot

    mutable std::mutex m_previewMutex;
    std::optional<PreviewFrame> m_preview;

    bool m_started = false;
    std::jthread m_worker;
};

} // namespace meetscan::scanner
