#pragma once
// The camera preview as a GL texture; re-uploaded only when a new frame came.
#include "meetscan/scanner/frame.hpp"

#include <cstdint>

namespace meetscan::ui {

class PreviewTexture {
public:
    PreviewTexture() = default;
    ~PreviewTexture();
    PreviewTexture(const PreviewTexture&) = delete;
    PreviewTexture& operator=(const PreviewTexture&) = delete;

    void upload(const scanner::PreviewFrame& frame);
    [[nodiscard]] std::uint32_t texture() const { return m_texture; }
    [[nodiscard]] int width() const { return m_width; }
    [[nodiscard]] int height() const { return m_height; }

private:
    std::uint32_t m_texture = 0;
    int m_width = 0;
    int m_height = 0;
};

} // namespace meetscan::ui
