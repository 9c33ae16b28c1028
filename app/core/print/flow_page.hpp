#pragma once
// A one-page PDF and its length: receipts are as long as their content, and the printer is
// told that length (print_document.cpp). No cairo here, so any code may include it.
#include <string>

namespace meetscan::core {

struct FlowPage {
    std::string pdf;
    double height = 0.0; // points
};

} // namespace meetscan::core
