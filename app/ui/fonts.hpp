#pragma once
// ImGui's own font (used by its text fields: the lead note, free-text answers, the station name),
// found through fontconfig among the Debian font packages. Everything else is drawn by Pango.
#include <imgui.h>

namespace meetscan::ui {

class FontAtlas {
public:
    // Adds Noto Sans (DejaVu Sans if absent) for Latin, Cyrillic and Greek at `pixelSize`.
    // Returns false when no font file was found (ImGui's built-in font stays).
    bool load(float pixelSize);

private:
    ImVector<ImWchar> m_ranges; // must outlive the atlas build
};

} // namespace meetscan::ui
