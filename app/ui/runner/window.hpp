#pragma once
// The GLFW window, its GL context and the ImGui context with the GLFW/OpenGL3 back-ends.
// Created in that order and torn down in the reverse one.
#include "meetscan/scanner/expected.hpp"

#include <memory>

struct GLFWwindow;

namespace meetscan::ui {

class Window {
public:
    // Fullscreen on the primary monitor, or a 1920x1080 window; vsync on.
    static Expected<std::unique_ptr<Window>> open(bool windowed);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    [[nodiscard]] GLFWwindow* handle() const { return m_window; }
    [[nodiscard]] bool shouldClose() const;
    void framebufferSize(int& width, int& height) const;
    void beginFrame(); // polls events, starts the back-ends' frame (ImGui::NewFrame is the caller's)
    void render();     // renders ImGui's draw data into the back buffer
    void present();    // swaps buffers

private:
    explicit Window(GLFWwindow* window) : m_window(window) {}
    GLFWwindow* m_window = nullptr;
};

} // namespace meetscan::ui
