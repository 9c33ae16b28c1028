#include "capture/gst_source.hpp"

#include "capture/gst_runtime.hpp"
#include "capture/v4l2_devices.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fmt/core.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/video/video.h>
#include <vector>

namespace meetscan::scanner {
namespace {

using Clock = std::chrono::steady_clock;

// A camera may take a while to hand over its first frame after opening.
constexpr double kFirstFrameGraceSeconds = 3.0;
constexpr GstClockTime kBusPoll = 100 * GST_MSECOND;

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// Keeps a sample (and so its buffer) mapped for as long as a GreyFrame points into it.
struct MappedSample {
    GstSample* sample = nullptr;
    GstVideoFrame frame{};
    ~MappedSample() {
        if (sample == nullptr)
            return; // never mapped
        gst_video_frame_unmap(&frame);
        gst_sample_unref(sample);
    }
    MappedSample() = default;
    MappedSample(const MappedSample&) = delete;
    MappedSample& operator=(const MappedSample&) = delete;
};

// Acquire on entry to a callback, release on the way out (see GstFrameSource::m_handoff).
class Handoff {
public:
    explicit Handoff(std::atomic<std::uint64_t>& counter) : m_counter(counter) {
        (void)m_counter.load(std::memory_order_acquire);
    }
    ~Handoff() { m_counter.fetch_add(1, std::memory_order_release); }
    Handoff(const Handoff&) = delete;
    Handoff& operator=(const Handoff&) = delete;

private:
    std::atomic<std::uint64_t>& m_counter;
};

GstFlowReturn onGreySample(GstAppSink* sink, gpointer self) {
    if (GstSample* sample = gst_app_sink_pull_sample(sink))
        static_cast<GstFrameSource*>(self)->deliverGrey(sample);
    return GST_FLOW_OK;
}

GstFlowReturn onPreviewSample(GstAppSink* sink, gpointer self) {
    if (GstSample* sample = gst_app_sink_pull_sample(sink))
        static_cast<GstFrameSource*>(self)->deliverPreview(sample);
    return GST_FLOW_OK;
}

void attachSink(GstElement* pipeline, const char* name, GstFlowReturn (*callback)(GstAppSink*, gpointer),
                void* self) {
    GstElement* element = gst_bin_get_by_name(reinterpret_cast<GstBin*>(pipeline), name);
    if (element == nullptr)
        return;
    GstAppSinkCallbacks callbacks{};
    callbacks.new_sample = callback;
    gst_app_sink_set_callbacks(reinterpret_cast<GstAppSink*>(element), &callbacks, self, nullptr);
    gst_object_unref(element);
}

std::string messageText(GstMessage* message) {
    GError* error = nullptr;
    gchar* debug = nullptr;
    gst_message_parse_error(message, &error, &debug);
    std::string text = error != nullptr ? error->message : "pipeline error";
    g_clear_error(&error);
    g_free(debug);
    return text;
}

} // namespace

GstFrameSource::GstFrameSource(GstSourceKind kind, std::string target, SourceOptions options)
    : m_kind(kind), m_target(std::move(target)), m_options(std::move(options)) {
    ensureGstInitialised();
}

GstFrameSource::~GstFrameSource() {
    stop();
}

void GstFrameSource::start(FrameHandler onFrame, PreviewHandler onPreview) {
    if (m_supervisor.joinable())
        return;
    m_onFrame = std::move(onFrame);
    m_onPreview = std::move(onPreview);
    m_status = SourceStatus::Starting;
    m_supervisor = std::jthread([this](std::stop_token stop) { supervise(std::move(stop)); });
}

void GstFrameSource::stop() {
    if (!m_supervisor.joinable())
        return;
    m_supervisor.request_stop();
    m_wake.notify_all();
    m_supervisor.join();
}

std::string GstFrameSource::lastProblem() const {
    std::lock_guard lock(m_mutex);
    return m_lastProblem;
}

void GstFrameSource::setProblem(std::string problem) {
    std::lock_guard lock(m_mutex);
    m_lastProblem = std::move(problem);
}

void GstFrameSource::waitFor(std::stop_token stop, double seconds) {
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, stop, std::chrono::duration<double>(seconds), [] { return false; });
}

std::string GstFrameSource::describePipeline(const std::string& device) const {
    std::string head;
    switch (m_kind) {
    case GstSourceKind::Camera:
        // MJPEG first: USB cameras give 1080p/720p at full rate only compressed.
        head = fmt::format(
            "v4l2src name=meetscan_src device={} ! capsfilter caps=\"image/jpeg,width=1920,height=1080;"
            "image/jpeg,width=1280,height=720;video/x-raw,width=1280,height=720;"
            "video/x-raw,width=1920,height=1080;image/jpeg;video/x-raw\" ! decodebin",
            device);
        break;
    case GstSourceKind::File:
        head = "filesrc name=meetscan_src ! decodebin";
        break;
    case GstSourceKind::Pipeline:
        head = m_target;
        break;
    }
    // A camera is live: hand frames over as soon as they come. Files and test pipelines play at
    // their own frame rate, as a camera would.
    const char* sync = m_kind == GstSourceKind::Camera ? "false" : "true";
    // Any format whose first plane is 8-bit luma passes through videoconvert untouched, and the
    // decoder reads that plane in place: no copy for a camera's MJPEG (decoded to I420).
    const std::string grey =
        fmt::format("videoconvert ! video/x-raw,format=(string){{GRAY8,I420,YV12,NV12,NV21,Y42B,Y444}} ! "
                    "appsink name=meetscan_grey max-buffers=1 drop=true sync={}",
                    sync);
    if (!m_options.preview)
        return fmt::format("{} ! {}", head, grey);
    // The preview is scaled and converted by GStreamer on its own queue thread, so neither the
    // streaming thread feeding the decoder nor the UI thread pays for it. A camera's queues are
    // leaky (a late frame is dropped, never waited for); a file's are not, or a file decoded
    // faster than it plays would lose nearly every frame.
    const char* leaky = m_kind == GstSourceKind::Camera ? "leaky=downstream" : "";
    return fmt::format(
        "{} ! tee name=meetscan_tee "
        "meetscan_tee. ! queue {} max-size-buffers=1 max-size-bytes=0 max-size-time=0 ! {} "
        "meetscan_tee. ! queue {} max-size-buffers=1 max-size-bytes=0 max-size-time=0 ! "
        "videoscale ! video/x-raw,width={},pixel-aspect-ratio=1/1 ! videoconvert ! video/x-raw,format=RGBA ! "
        "appsink name=meetscan_preview max-buffers=1 drop=true sync={}",
        head, leaky, grey, leaky, PreviewFrame::kMaxWidth, sync);
}

void GstFrameSource::supervise(std::stop_token stop) {
    try {
        double backoff = m_options.retryInitialSeconds;
        while (!stop.stop_requested()) {
            std::string device;
            if (m_kind == GstSourceKind::Camera) {
                device = pickCaptureDevice(m_target);
                if (device.empty()) {
                    setProblem("no camera found");
                    m_status = SourceStatus::NoCamera;
                    waitFor(stop, backoff);
                    backoff = std::min(backoff * 2, m_options.retryMaxSeconds);
                    continue;
                }
            }
            const auto before = m_framesProduced.load();
            const RunEnd end = runOnce(stop, describePipeline(device));
            if (end == RunEnd::Stopped)
                break;
            if (end == RunEnd::Ended) {
                m_status = SourceStatus::Ended;
                break;
            }
            if (m_framesProduced.load() != before)
                backoff = m_options.retryInitialSeconds; // it had been working: try again soon
            m_status = SourceStatus::Reconnecting;
            waitFor(stop, backoff);
            backoff = std::min(backoff * 2, m_options.retryMaxSeconds);
        }
    } catch (const std::exception& e) {
        setProblem(e.what());
        m_status = SourceStatus::Ended;
    } catch (...) {
        setProblem("unexpected failure in the frame source");
        m_status = SourceStatus::Ended;
    }
}

GstFrameSource::RunEnd GstFrameSource::runOnce(std::stop_token stop, const std::string& description) {
    const RunEnd failed = m_kind == GstSourceKind::File ? RunEnd::Ended : RunEnd::Lost;
    GError* error = nullptr;
    GstElement* pipeline = gst_parse_launch(description.c_str(), &error);
    if (pipeline == nullptr || error != nullptr) {
        setProblem(error != nullptr ? error->message : "cannot build the pipeline");
        g_clear_error(&error);
        if (pipeline != nullptr)
            gst_object_unref(pipeline);
        return failed;
    }
    if (m_kind != GstSourceKind::Pipeline) {
        if (GstElement* src = gst_bin_get_by_name(reinterpret_cast<GstBin*>(pipeline), "meetscan_src")) {
            if (m_kind == GstSourceKind::File)
                g_object_set(src, "location", m_target.c_str(), nullptr);
            gst_object_unref(src);
        }
    }
    attachSink(pipeline, "meetscan_grey", &onGreySample, this);
    attachSink(pipeline, "meetscan_preview", &onPreviewSample, this);

    GstBus* bus = gst_element_get_bus(pipeline);
    RunEnd end = RunEnd::Stopped;
    m_lastFrameNs = 0;
    const std::int64_t startedNs = nowNs();
    m_handoff.fetch_add(1, std::memory_order_release); // see m_handoff
    if (gst_element_set_state(pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
        GstMessage* message = gst_bus_pop_filtered(bus, GST_MESSAGE_ERROR);
        setProblem(message != nullptr ? messageText(message) : "the pipeline would not start");
        if (message != nullptr)
            gst_message_unref(message);
        end = failed;
    } else {
        while (!stop.stop_requested()) {
            GstMessage* message = gst_bus_timed_pop_filtered(
                bus, kBusPoll, static_cast<GstMessageType>(GST_MESSAGE_ERROR | GST_MESSAGE_EOS));
            if (message != nullptr) {
                const bool isError = GST_MESSAGE_TYPE(message) == GST_MESSAGE_ERROR;
                if (isError)
                    setProblem(messageText(message));
                else if (m_kind != GstSourceKind::File)
                    setProblem("the stream ended");
                gst_message_unref(message);
                end = (!isError && m_kind == GstSourceKind::File) ? RunEnd::Ended : failed;
                break;
            }
            const std::int64_t last = m_lastFrameNs.load();
            const double silentFor = static_cast<double>(nowNs() - (last != 0 ? last : startedNs)) / 1e9;
            const double limit = m_options.stallSeconds + (last != 0 ? 0.0 : kFirstFrameGraceSeconds);
            if (silentFor > limit) {
                setProblem(fmt::format("no frame for {:.1f} s", silentFor));
                end = failed;
                break;
            }
        }
    }
    // Going to NULL joins the streaming threads, so no callback runs after this returns.
    gst_element_set_state(pipeline, GST_STATE_NULL);
    (void)m_handoff.load(std::memory_order_acquire);
    gst_object_unref(bus);
    gst_object_unref(pipeline);
    return end;
}

void GstFrameSource::deliverGrey(void* rawSample) {
    const Handoff handoff(m_handoff);
    auto* sample = static_cast<GstSample*>(rawSample);
    try {
        auto mapped = std::make_shared<MappedSample>();
        GstVideoInfo info;
        GstCaps* caps = gst_sample_get_caps(sample);
        GstBuffer* buffer = gst_sample_get_buffer(sample);
        if (caps == nullptr || buffer == nullptr || gst_video_info_from_caps(&info, caps) == FALSE ||
            gst_video_frame_map(&mapped->frame, &info, buffer, GST_MAP_READ) == FALSE) {
            gst_sample_unref(sample);
            return;
        }
        mapped->sample = sample;
        GreyFrame frame;
        frame.width = GST_VIDEO_INFO_WIDTH(&info);
        frame.height = GST_VIDEO_INFO_HEIGHT(&info);
        frame.stride = GST_VIDEO_FRAME_PLANE_STRIDE(&mapped->frame, 0);
        frame.data = static_cast<const std::uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(&mapped->frame, 0));
        frame.capturedAt = Clock::now();
        frame.sequence = m_framesProduced.fetch_add(1) + 1;
        frame.owner = std::move(mapped);
        m_lastFrameNs = nowNs();
        m_status = SourceStatus::Running;
        if (m_onFrame)
            m_onFrame(std::move(frame));
    } catch (...) {
        // A handler that throws loses this frame only; the stream goes on.
    }
}

void GstFrameSource::deliverPreview(void* rawSample) {
    const Handoff handoff(m_handoff);
    auto* sample = static_cast<GstSample*>(rawSample);
    try {
        GstVideoInfo info;
        GstVideoFrame frame{};
        GstCaps* caps = gst_sample_get_caps(sample);
        GstBuffer* buffer = gst_sample_get_buffer(sample);
        if (caps != nullptr && buffer != nullptr && gst_video_info_from_caps(&info, caps) != FALSE &&
            gst_video_frame_map(&frame, &info, buffer, GST_MAP_READ) != FALSE) {
            PreviewFrame preview;
            preview.width = GST_VIDEO_INFO_WIDTH(&info);
            preview.height = GST_VIDEO_INFO_HEIGHT(&info);
            const int stride = GST_VIDEO_FRAME_PLANE_STRIDE(&frame, 0);
            const auto* src = static_cast<const std::uint8_t*>(GST_VIDEO_FRAME_PLANE_DATA(&frame, 0));
            const auto rowBytes = static_cast<std::size_t>(preview.width) * 4U;
            auto rgba = std::make_shared<std::vector<std::uint8_t>>(rowBytes *
                                                                    static_cast<std::size_t>(preview.height));
            for (int y = 0; y < preview.height; ++y)
                std::memcpy(rgba->data() + rowBytes * static_cast<std::size_t>(y),
                            src + static_cast<std::ptrdiff_t>(y) * stride, rowBytes);
            gst_video_frame_unmap(&frame);
            preview.rgba = std::move(rgba);
            preview.capturedAt = Clock::now();
            preview.sequence = m_framesProduced.load();
            if (m_onPreview)
                m_onPreview(std::move(preview));
        }
    } catch (...) {
        // A lost preview frame is invisible; the next one comes within a frame time.
    }
    gst_sample_unref(sample);
}

} // namespace meetscan::scanner
