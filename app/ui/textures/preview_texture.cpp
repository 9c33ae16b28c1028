#include "ui/textures/preview_texture.hpp"

#include <GL/gl.h>

namespace meetscan::ui {

PreviewTexture::~PreviewTexture() {
    if (m_texture != 0) {
        GLuint texture = m_texture;
        glDeleteTextures(1, &texture);
    }
}

void PreviewTexture::upload(const scanner::PreviewFrame& frame) {
    if (!frame.rgba || frame.width <= 0 || frame.height <= 0 ||
        frame.rgba->size() < static_cast<std::size_t>(frame.width) * static_cast<std::size_t>(frame.height) * 4U)
        return;
    if (m_texture == 0) {
        GLuint texture = 0;
        glGenTextures(1, &texture);
        m_texture = texture;
        glBindTexture(GL_TEXTURE_2D, m_texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    if (frame.width != m_width || frame.height != m_height) {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, frame.width, frame.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, frame.rgba->data());
        m_width = frame.width;
        m_height = frame.height;
    } else {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, frame.width, frame.height, GL_RGBA, GL_UNSIGNED_BYTE, frame.rgba->data());
    }
}

} // namespace meetscan::ui
