#include "core/export/packet_fonts.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fontconfig/fontconfig.h>
#include <hb-subset.h>
#include <hb.h>
#include <map>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>
#include <set>
#include <system_error>
#include <tuple>

namespace meetscan::core {

namespace {

struct FontFile {
    std::string file;
    int index = 0;
    auto operator<=>(const FontFile&) const = default;
};

// What a fallback choice is, whichever file holds it.
struct FontIdentity {
    std::string family, style;
    int weight = 0;
    bool operator==(const FontIdentity&) const = default;
};

struct Choice {
    FontFile file;
    FontIdentity identity;
};

std::string patternString(FcPattern* pattern, const char* object) {
    FcChar8* value = nullptr;
    return FcPatternGetString(pattern, object, 0, &value) == FcResultMatch
               ? reinterpret_cast<const char*>(value)
               : "";
}

Choice choiceOf(PangoFont* font) {
    Choice choice;
    if (font == nullptr || !PANGO_IS_FC_FONT(font))
        return choice;
    FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    choice.file.file = patternString(pattern, FC_FILE);
    FcPatternGetInteger(pattern, FC_INDEX, 0, &choice.file.index);
    choice.identity.family = patternString(pattern, FC_FAMILY);
    choice.identity.style = patternString(pattern, FC_STYLE);
    FcPatternGetInteger(pattern, FC_WEIGHT, 0, &choice.identity.weight);
    return choice;
}

// Which font pango's fallback picks for each character, at the two weights packetPdf uses.
using Routing = std::map<std::pair<gunichar, int>, Choice>;

Routing route(PangoFontMap* map, const std::string& sample) {
    Routing routing;
    PangoContext* context = pango_font_map_create_context(map);
    PangoLayout* layout = pango_layout_new(context);
    pango_layout_set_text(layout, sample.c_str(), -1);
    for (const int weight : {PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_BOLD}) {
        PangoFontDescription* font = pango_font_description_from_string("Sans 11");
        pango_font_description_set_weight(font, static_cast<PangoWeight>(weight));
        pango_layout_set_font_description(layout, font);
        pango_font_description_free(font);
        PangoLayoutIter* iter = pango_layout_get_iter(layout);
        do {
            PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
            if (run == nullptr)
                continue;
            const Choice choice = choiceOf(run->item->analysis.font);
            const char* text = sample.c_str() + run->item->offset;
            for (const char* p = text; p < text + run->item->length; p = g_utf8_next_char(p))
                routing[{g_utf8_get_char(p), weight}] = choice;
        } while (pango_layout_iter_next_run(iter));
        pango_layout_iter_free(iter);
    }
    g_object_unref(layout);
    g_object_unref(context);
    return routing;
}

bool hasTable(hb_face_t* face, hb_tag_t tag) {
    hb_blob_t* table = hb_face_reference_table(face, tag);
    const bool present = hb_blob_get_length(table) > 0;
    hb_blob_destroy(table);
    return present;
}

bool cutFont(const FontFile& font, const std::set<gunichar>& characters, const std::filesystem::path& out) {
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(font.file.c_str());
    if (blob == nullptr)
        return false;
    hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(font.index));
    hb_blob_destroy(blob);
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    bool ok = false;
    if (input != nullptr) {
        hb_set_t* unicodes = hb_subset_input_unicode_set(input);
        if (hasTable(face, HB_TAG('g', 'l', 'y', 'f'))) {
            // A TrueType font loses only its hinting programs, which PDF viewers and printers
            // ignore and which were a third of every embedded subset's bytes. It keeps every
            // character: fontconfig prefers fonts that cover the reader's language, so a cut to
            // the event's characters would lose to another style of its own family.
            hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
            hb_face_collect_unicodes(face, unicodes);
        } else {
            // A CFF font keeps its hints: dropping them undoes its subroutines, and cairo then
            // embeds far bigger outlines.
            for (const gunichar c : characters)
                hb_set_add(unicodes, c);
        }
        if (hb_face_t* cut = hb_subset_or_fail(face, input)) {
            hb_blob_t* bytes = hb_face_reference_blob(cut);
            unsigned length = 0;
            const char* data = hb_blob_get_data(bytes, &length);
            if (std::FILE* file = std::fopen(out.c_str(), "wb")) {
                ok = length > 0 && std::fwrite(data, 1, length, file) == length;
                ok = std::fclose(file) == 0 && ok;
            }
            hb_blob_destroy(bytes);
            hb_face_destroy(cut);
        }
        hb_subset_input_destroy(input);
    }
    hb_face_destroy(face);
    return ok;
}

std::string xmlEscaped(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// The system configuration with the big files set aside and the cuts added.
FcConfig* configWithCuts(const std::set<std::string>& setAside, const std::vector<std::string>& cuts) {
    FcConfig* config = FcInitLoadConfig();
    if (config == nullptr)
        return nullptr;
    std::string xml = "<?xml version=\"1.0\"?><fontconfig><selectfont><rejectfont>";
    for (const auto& file : setAside)
        xml += "<glob>" + xmlEscaped(file) + "</glob>";
    xml += "</rejectfont></selectfont></fontconfig>";
    bool ok = FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(xml.c_str()), FcTrue) &&
              FcConfigBuildFonts(config);
    for (const auto& cut : cuts)
        ok = ok && FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(cut.c_str()));
    if (!ok) {
        FcConfigDestroy(config);
        return nullptr;
    }
    return config;
}

PangoFontMap* fontMapFor(FcConfig* config) {
    PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (map != nullptr)
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    return map;
}

} // namespace

struct PacketFonts::Impl {
    FcConfig* config = nullptr;
    std::filesystem::path dir;

    ~Impl() {
        if (config != nullptr)
            FcConfigDestroy(config);
        std::error_code ignored;
        if (!dir.empty())
            std::filesystem::remove_all(dir, ignored);
    }
};

PacketFonts::PacketFonts(std::unique_ptr<Impl> impl, std::vector<std::string> cuts)
    : m_impl(std::move(impl)), m_cuts(std::move(cuts)) {}

PacketFonts::~PacketFonts() = default;

std::unique_ptr<PacketFonts> PacketFonts::prepare(const std::vector<std::string>& texts) {
    // Every character the PDFs may show: the event's texts, and the fixed wording (ASCII, dashes, dots).
    std::set<gunichar> characters;
    for (gunichar c = 0x20; c < 0x7F; ++c)
        characters.insert(c);
    characters.insert({0x00B7, 0x2014, 0x2026, 0xFFFD});
    for (const auto& text : texts) {
        if (!g_utf8_validate(text.c_str(), static_cast<gssize>(text.size()), nullptr))
            continue; // shown as U+FFFD, which is in already
        for (const char* p = text.c_str(); *p != '\0'; p = g_utf8_next_char(p))
            characters.insert(g_utf8_get_char(p));
    }
    std::string sample;
    for (const gunichar c : characters) {
        if (c < 0x20 || g_unichar_iszerowidth(c))
            continue; // a lone control or combining mark says nothing about its font
        char utf8[8] = {};
        sample.append(utf8, static_cast<std::size_t>(g_unichar_to_utf8(c, utf8)));
    }

    PangoFontMap* systemMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    const Routing original = route(systemMap, sample);
    g_object_unref(systemMap);

    std::map<FontFile, std::set<gunichar>> wanted; // every font used, and what is asked of it
    for (const auto& [key, choice] : original)
        if (!choice.file.file.empty())
            wanted[choice.file].insert(key.first);
    if (wanted.empty())
        return nullptr;

    auto impl = std::make_unique<Impl>();
    std::string pattern = (std::filesystem::temp_directory_path() / "meetscan-fonts-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        return nullptr;
    impl->dir = pattern;
    std::vector<std::string> cuts;
    std::set<std::string> setAside;
    for (const auto& [font, wantedCharacters] : wanted) {
        // A font that cannot be cut, or named in a glob (a path with glob characters), stays as it is.
        if (font.file.find_first_of("*?[]") != std::string::npos)
            continue;
        const auto out = impl->dir / ("cut-" + std::to_string(cuts.size()) + ".otf");
        if (!cutFont(font, wantedCharacters, out))
            continue;
        cuts.push_back(out.string());
        setAside.insert(font.file);
    }
    if (cuts.empty())
        return nullptr;
    impl->config = configWithCuts(setAside, cuts);
    if (impl->config == nullptr)
        return nullptr;

    // The cuts must be chosen exactly where the originals were (the same family, style and
    // weight for every character), or the PDFs would change: then no cuts at all.
    PangoFontMap* cutMap = fontMapFor(impl->config);
    const Routing changed = route(cutMap, sample);
    g_object_unref(cutMap);
    const std::set<std::string> cutFiles(cuts.begin(), cuts.end());
    for (const auto& [key, choice] : original) {
        const auto now = changed.find(key);
        if (now == changed.end() || now->second.identity != choice.identity)
            return nullptr;
        if (setAside.count(choice.file.file) != 0 && cutFiles.count(now->second.file.file) == 0)
            return nullptr;
    }
    return std::unique_ptr<PacketFonts>(new PacketFonts(std::move(impl), std::move(cuts)));
}

PacketFonts::ThreadScope::ThreadScope(const PacketFonts* fonts) {
    if (fonts == nullptr)
        return;
    PangoFontMap* map = fontMapFor(fonts->m_impl->config);
    if (map == nullptr)
        return;
    // Pango's default font map is per thread: this changes only the calling worker.
    pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(map));
    g_object_unref(map);
    m_active = true;
}

PacketFonts::ThreadScope::~ThreadScope() {
    if (m_active)
        pango_cairo_font_map_set_default(nullptr);
}

} // namespace meetscan::core
