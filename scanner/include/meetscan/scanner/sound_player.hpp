#pragma once
// Short feedback tones for the kiosk (a chirp for yes, a low buzz for no). Playing never blocks
// the caller: tones are queued to the player's own thread, which plays them through GStreamer.
// With no audio device (or no GStreamer audio sink) the player silently does nothing.
#include <memory>

namespace meetscan::scanner {

enum class Tone {
    Success, // accepted: connected, lead captured, summary shown
    Notice,  // half-way: first badge, waiting, reopened
    Refused, // unknown, forged, no consent, error
};

class SoundPlayer {
public:
    // `enabled` false makes every play() a no-op (tests, benchmarks, --mute).
    explicit SoundPlayer(bool enabled = true);
    ~SoundPlayer(); // drops queued tones, stops and joins the thread
    SoundPlayer(const SoundPlayer&) = delete;
    SoundPlayer& operator=(const SoundPlayer&) = delete;

    // Queues a tone; a newer tone replaces one not yet started, so sounds never pile up.
    void play(Tone tone);

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace meetscan::scanner
