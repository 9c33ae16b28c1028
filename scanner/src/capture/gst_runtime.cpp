#include "capture/gst_runtime.hpp"

#include <gst/gst.h>
#include <mutex>

namespace meetscan::scanner {

void ensureGstInitialised() {
    static std::once_flag once;
    std::call_once(once, [] { gst_init(nullptr, nullptr); });
}

Status checkPipelineDescription(const std::string& description) {
    ensureGstInitialised();
    GError* error = nullptr;
    // The source appends its own converter and sinks, so a description ending in caps is valid.
    const std::string closed = description + " ! fakesink";
    GstElement* pipeline = gst_parse_launch(closed.c_str(), &error);
    std::string message;
    if (error != nullptr)
        message = error->message;
    else if (pipeline == nullptr)
        message = "cannot build the pipeline";
    g_clear_error(&error);
    if (pipeline != nullptr)
        gst_object_unref(pipeline);
    if (!message.empty())
        return Error::badInput("pipeline: " + message);
    return Done{};
}

} // namespace meetscan::scanner
