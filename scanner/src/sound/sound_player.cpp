#include "meetscan/scanner/sound_player.hpp"

#include "capture/gst_runtime.hpp"

#include <gst/gst.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace meetscan::scanner {
namespace {

// Two short sine notes per tone; audiotestsrc needs no sound files on disk.
struct Note {
    int frequency;
    int milliseconds;
};
struct ToneShape {
    Note first;
    Note second;
};

ToneShape shapeOf(Tone tone) {
    switch (tone) {
    case Tone::Success: return {{880, 90}, {1320, 140}};
    case Tone::Notice: return {{660, 110}, {660, 0}};
    case Tone::Refused: return {{330, 140}, {247, 200}};
    }
    return {{660, 100}, {660, 0}};
}

std::string noteBranch(const Note& note) {
    constexpr int kSampleRate = 44100;
    constexpr int kSamplesPerBuffer = 441; // 10 ms
    int buffers = note.milliseconds * kSampleRate / 1000 / kSamplesPerBuffer;
    return "audiotestsrc wave=sine volume=0.35 freq=" + std::to_string(note.frequency) +
           " samplesperbuffer=" + std::to_string(kSamplesPerBuffer) + " num-buffers=" + std::to_string(buffers);
}

std::string pipelineFor(Tone tone) {
    ToneShape shape = shapeOf(tone);
    std::string sink = " ! audioconvert ! audioresample ! autoaudiosink sync=true";
    if (shape.second.milliseconds == 0)
        return noteBranch(shape.first) + sink;
    // concat plays the two notes one after the other.
    return "concat name=c ! audioconvert ! audioresample ! autoaudiosink sync=true " + noteBranch(shape.first) +
           " ! c. " + noteBranch(shape.second) + " ! c.";
}

// Plays one tone to its end (or error) and tears the pipeline down. Any failure is silence.
void playNow(Tone tone, const std::stop_token& stop) {
    GError* error = nullptr;
    GstElement* pipeline = gst_parse_launch(pipelineFor(tone).c_str(), &error);
    if (error != nullptr) {
        g_error_free(error);
        if (pipeline != nullptr)
            gst_object_unref(pipeline);
        return;
    }
    if (pipeline == nullptr)
        return;
    if (gst_element_set_state(pipeline, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE) {
        GstBus* bus = gst_element_get_bus(pipeline);
        // Poll in small steps so a stop request is honoured quickly; a tone lasts < 0.5 s.
        for (int waited = 0; waited < 2000 && !stop.stop_requested(); waited += 50) {
            GstMessage* message = gst_bus_timed_pop_filtered(
                bus, 50 * GST_MSECOND, static_cast<GstMessageType>(GST_MESSAGE_EOS | GST_MESSAGE_ERROR));
            if (message != nullptr) {
                gst_message_unref(message);
                break;
            }
        }
        gst_object_unref(bus);
    }
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(pipeline);
}

} // namespace

struct SoundPlayer::Impl {
    std::mutex mutex;
    std::condition_variable_any wake;
    std::optional<Tone> next;
    std::jthread thread;
};

SoundPlayer::SoundPlayer(bool enabled) {
    if (!enabled)
        return;
    m_impl = std::make_unique<Impl>();
    m_impl->thread = std::jthread([impl = m_impl.get()](const std::stop_token& stop) {
        ensureGstInitialised();
        while (!stop.stop_requested()) {
            std::optional<Tone> tone;
            {
                std::unique_lock lock(impl->mutex);
                impl->wake.wait(lock, stop, [impl] { return impl->next.has_value(); });
                if (stop.stop_requested())
                    return;
                tone = impl->next;
                impl->next.reset();
            }
            try {
                playNow(*tone, stop);
            } catch (...) { // a sound must never take the kiosk down
            }
        }
    });
}

SoundPlayer::~SoundPlayer() {
    if (m_impl) {
        m_impl->thread.request_stop();
        m_impl->thread.join();
    }
}

void SoundPlayer::play(Tone tone) {
    if (!m_impl)
        return;
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->next = tone;
    }
    m_impl->wake.notify_one();
}

} // namespace meetscan::scanner
