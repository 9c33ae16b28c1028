#include "core/doctor/doctor.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <initializer_list>

namespace meetscan::core {

namespace {

struct Script {
    const char* name;
    std::initializer_list<FcChar32> sample; // characters a font must have to count
    const char* package;                    // the Debian package that covers it
    bool required;                          // without it the kiosk cannot show its own screens
};

// Names on badges come in every script; these are the ones the roster importers meet most.
const Script kScripts[] = {
    {"Latin", {0x0041, 0x007A, 0x00E9, 0x0153}, "fonts-noto-core", true},
    {"Cyrillic", {0x0416, 0x044F}, "fonts-noto-core", false},
    {"Arabic", {0x0627, 0x0644, 0x0639}, "fonts-noto-core", false},
    {"CJK", {0x4E2D, 0x6587, 0x3042, 0xAC00}, "fonts-noto-cjk", false},
};

// The family of the first font (in fontconfig's order) covering every sample character, or "".
std::string coveringFamily(FcConfig* config, const Script& script) {
    FcCharSet* chars = FcCharSetCreate();
    for (FcChar32 c : script.sample)
        FcCharSetAddChar(chars, c);
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddCharSet(pattern, FC_CHARSET, chars);
    FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, nullptr);
    FcFontSet* fonts = FcFontList(config, pattern, objects);
    std::string family;
    FcChar8* name = nullptr;
    if (fonts != nullptr && fonts->nfont > 0 && FcPatternGetString(fonts->fonts[0], FC_FAMILY, 0, &name) == FcResultMatch)
        family = reinterpret_cast<const char*>(name);
    if (fonts != nullptr)
        FcFontSetDestroy(fonts);
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    FcCharSetDestroy(chars);
    return family;
}

} // namespace

CheckResult checkFonts() {
    CheckResult result{"fonts", CheckResult::Level::Ok, "", ""};
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (config == nullptr) {
        result.level = CheckResult::Level::Fail;
        result.detail = "fontconfig has no configuration";
        result.fix = "`sudo apt-get install fontconfig fonts-noto-core`";
        return result;
    }
    std::vector<std::string> found;
    std::vector<std::string> missing;
    std::vector<std::string> packages;
    for (const auto& script : kScripts) {
        const std::string family = coveringFamily(config, script);
        if (!family.empty()) {
            found.push_back(fmt::format("{}: {}", script.name, family));
            continue;
        }
        missing.push_back(script.name);
        if (std::find(packages.begin(), packages.end(), script.package) == packages.end())
            packages.emplace_back(script.package);
        if (script.required)
            result.level = CheckResult::Level::Fail;
        else if (result.level == CheckResult::Level::Ok)
            result.level = CheckResult::Level::Warn;
    }
    FcConfigDestroy(config);
    result.detail = found.empty() ? std::string("no font") : fmt::format("{}", fmt::join(found, ", "));
    if (!missing.empty()) {
        result.detail += fmt::format("; no font for {}", fmt::join(missing, ", "));
        result.fix = fmt::format("names in {} would show as boxes: `sudo apt-get install {}`", fmt::join(missing, ", "),
                                 fmt::join(packages, " "));
    }
    return result;
}

} // namespace meetscan::core
