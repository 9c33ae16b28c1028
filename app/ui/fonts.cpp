#include "ui/fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <string>

namespace meetscan::ui {
namespace {

// Latin Extended A/B, Greek, punctuation (dashes, quotes, ellipsis), the euro sign.
constexpr ImWchar kExtraRanges[] = {0x0100, 0x024F, 0x0370, 0x03FF, 0x2010, 0x205E, 0x20AC, 0x20AC, 0};

std::string findFontFile(const char* family) {
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    std::string path;
    FcChar8* file = nullptr;
    if (match != nullptr && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch)
        path = reinterpret_cast<const char*>(file);
    if (match != nullptr)
        FcPatternDestroy(match);
    FcPatternDestroy(pattern);
    // ImGui reads TrueType/OpenType files, not collections.
    if (path.size() > 4 && path.substr(path.size() - 4) == ".ttc")
        return {};
    return path;
}

} // namespace

bool FontAtlas::load(float pixelSize) {
    ImGuiIO& io = ImGui::GetIO();
    std::string file = findFontFile("Noto Sans");
    if (file.empty())
        file = findFontFile("DejaVu Sans");
    if (file.empty())
        return false;
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesCyrillic()); // Latin + Latin-1 + Cyrillic
    builder.AddRanges(kExtraRanges);
    builder.BuildRanges(&m_ranges);
    ImFontConfig config;
    config.OversampleH = 2;
    return io.Fonts->AddFontFromFileTTF(file.c_str(), pixelSize, &config, m_ranges.Data) != nullptr;
}

} // namespace meetscan::ui
