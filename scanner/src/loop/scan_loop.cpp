#include "meetscan/scanner/scan_loop.hpp"

#include <algorithm>
#include <utility>

namespace meetscan::scanner {

using Clock = std::chrono::steady_clock;

ScanLoop::ScanLoop(std::unique_ptr<FrameSource> source, ScanLoopOptions options)
    : m_source(std::move(source)), m_options(std::move(options)), m_decoder(m_options.decoder) {}

ScanLoop::~ScanLoop() {
    stop();
}

void ScanLoop::start() {
    if (m_started)
        return;
    m_started = true;
    m_worker = std::jthread([this](std::stop_token stop) { work(std::move(stop)); });
    if (m_source) {
        m_source->start([this](GreyFrame&& frame) { onFrame(std::move(frame)); },
                        [this](PreviewFrame&& preview) {
                            std::lock_guard lock(m_previewMutex);
                            m_preview = std::move(preview);
                        });
    }
}

void ScanLoop::stop() {
    // Source first, so no frame arrives for a worker that is gone; shutdown mirrors start-up.
    if (m_source)
        m_source->stop();
    if (m_worker.joinable()) {
        m_worker.request_stop();
        m_slotReady.notify_all();
        m_worker.join();
    }
}

void ScanLoop::onFrame(GreyFrame&& frame) {
    {
        std::lock_guard lock(m_slotMutex);
        ++m_framesSeen;
        const auto now = Clock::now();
        if (m_lastArrival != Clock::time_point{})
            m_arrivalGap = now - m_lastArrival;
        m_lastArrival = now;
        if (m_slot)
            ++m_framesDropped; // the worker is behind: the older frame is of no use any more
        m_slot = std::move(frame);
    }
    m_slotReady.notify_one();
}

void ScanLoop::work(std::stop_token stop) {
    std::uint64_t attempt = 0;
    while (!stop.stop_requested()) {
        GreyFrame frame;
        {
            std::unique_lock lock(m_slotMutex);
            if (!m_slotReady.wait(lock, stop, [this] { return m_slot.has_value(); }))
                return;
            frame = std::move(*m_slot);
            m_slot.reset();
            m_busy = true;
        }
        std::vector<DecodedCode> codes;
        for (int tries = 0; tries < Decoder::strategyCount() && !stop.stop_requested(); ++tries) {
            try {
                codes =
                    m_options.decode ? m_options.decode(frame, attempt) : m_decoder.decodeAll(frame, attempt);
            } catch (...) {
                codes.clear(); // a frame that cannot be decoded reads as empty; the next one comes soon
            }
            ++attempt;
            if (!codes.empty() || !worthAnotherTry())
                break;
        }
        try {
            publish(std::move(codes), frame);
        } catch (...) {
            // Out of memory while queueing: this frame's codes are lost, the loop goes on.
        }
        // Release the frame (and its camera buffer) before saying we are idle.
        frame = GreyFrame{};
        std::lock_guard lock(m_slotMutex);
        m_busy = false;
    }
}

bool ScanLoop::worthAnotherTry() const {
    std::lock_guard lock(m_slotMutex);
    return !m_slot.has_value() && m_arrivalGap > m_options.retrySlowerThan;
}

void ScanLoop::publish(std::vector<DecodedCode> codes, const GreyFrame& frame) {
    const auto now = Clock::now();
    std::lock_guard lock(m_resultMutex);
    ++m_counters.framesDecoded;
    std::erase_if(m_lastSeen, [&](const auto& entry) { return now - entry.second > m_options.debounce; });
    for (auto& code : codes) {
        ++m_counters.codesFound;
        m_outline = CodeOutline{code.corners, frame.width, frame.height, now};
        auto [it, isNew] = m_lastSeen.try_emplace(code.text, now);
        it->second = now; // a badge held up keeps extending its own window
        if (!isNew)
            continue;
        ++m_counters.scans;
        m_results.push_back(std::move(code));
    }
    if (m_results.size() > m_options.maxPendingResults)
        m_results.erase(m_results.begin(),
                        m_results.begin() +
                            static_cast<std::ptrdiff_t>(m_results.size() - m_options.maxPendingResults));
}

std::vector<DecodedCode> ScanLoop::takeResults() {
    std::vector<DecodedCode> taken;
    std::lock_guard lock(m_resultMutex);
    taken.swap(m_results);
    return taken;
}

std::optional<PreviewFrame> ScanLoop::takePreview() {
    std::lock_guard lock(m_previewMutex);
    return std::exchange(m_preview, std::nullopt);
}

void ScanLoop::inject(std::string text) {
    DecodedCode code;
    code.bytes.assign(text.begin(), text.end());
    code.text = std::move(text);
    code.format = "Keyboard";
    code.capturedAt = Clock::now();
    code.decodedAt = code.capturedAt;
    std::lock_guard lock(m_resultMutex);
    ++m_counters.scans;
    m_results.push_back(std::move(code));
}

SourceStatus ScanLoop::status() const {
    return m_source ? m_source->status() : SourceStatus::Ended;
}

std::string ScanLoop::sourceProblem() const {
    return m_source ? m_source->lastProblem() : std::string();
}

bool ScanLoop::finished() const {
    // Status first: a source marks itself Ended only after handing over its last frame.
    if (status() != SourceStatus::Ended)
        return false;
    std::lock_guard lock(m_slotMutex);
    return !m_slot.has_value() && !m_busy;
}

ScanCounters ScanLoop::counters() const {
    ScanCounters counters;
    {
        std::lock_guard lock(m_resultMutex);
        counters = m_counters;
    }
    std::lock_guard lock(m_slotMutex);
    counters.framesSeen = m_framesSeen;
    counters.framesDropped = m_framesDropped;
    return counters;
}

std::optional<CodeOutline> ScanLoop::lastOutline() const {
    std::lock_guard lock(m_resultMutex);
    return m_outline;
}

} // namespace meetscan::scanner
