#include "ui/runner/window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <string>

namespace meetscan::ui {

Expected<std::unique_ptr<Window>> Window::open(bool windowed) {
    if (glfwInit() == GLFW_FALSE)
        return Error::world("no display: cannot start the window system (is $DISPLAY set?)");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWwindow* window = nullptr;
    if (windowed) {
        glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
        window = glfwCreateWindow(1920, 1080, "MeetScan", nullptr, nullptr);
    } else {
        // A fullscreen GLFW window minimises itself when it loses the focus (Alt+Tab on X11):
        // the kiosk stays up whatever the keyboard does.
        glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
        if (mode != nullptr)
            window = glfwCreateWindow(mode->width, mode->height, "MeetScan", monitor, nullptr);
        else
            window = glfwCreateWindow(1920, 1080, "MeetScan", nullptr, nullptr);
    }
    if (window == nullptr) {
        glfwTerminate();
        return Error::world("cannot open an OpenGL 3 window");
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    if (!windowed)
        glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    return std::unique_ptr<Window>(new Window(window));
}

Window::~Window() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(m_window);
    glfwTerminate();
}

bool Window::shouldClose() const { return glfwWindowShouldClose(m_window) != 0; }

void Window::framebufferSize(int& width, int& height) const { glfwGetFramebufferSize(m_window, &width, &height); }

void Window::beginFrame() {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
}

void Window::render() {
    int width = 0;
    int height = 0;
    framebufferSize(width, height);
    glViewport(0, 0, width, height);
    glClearColor(0.05F, 0.07F, 0.11F, 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::present() { glfwSwapBuffers(m_window); }

} // namespace meetscan::ui
