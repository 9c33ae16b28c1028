#pragma once
// Small cuts of the big CJK fonts for a big packet export.
//
// Why: Noto Sans CJK keeps all its outlines in one 16 MB CFF table, and cairo copies and parses
// that table twice in every PDF that shows a single Han, kana or Hangul character: about 10 ms
// of CPU per summary.pdf, most of an export's time. Before a big export the characters the
// event's texts actually use are cut out of those fonts once (HarfBuzz's subsetter, outlines
// and shaping rules unchanged), and the export's worker threads lay out with a fontconfig
// configuration that finds the small cuts in place of the originals. The PDFs show the same
// text in the same fonts; only the embedded subsets are made from a smaller file.
#include <memory>
#include <string>
#include <vector>

namespace meetscan::core {

class PacketFonts {
public:
    // Cuts for the characters of `texts` (names, companies, booths, ... of the whole event). Null
    // when there is nothing to gain (no big CFF font is used) or when the cuts would not be
    // chosen exactly where the originals are: the caller then keeps the system fonts as they are.
    [[nodiscard]] static std::unique_ptr<PacketFonts> prepare(const std::vector<std::string>& texts);

    ~PacketFonts();
    PacketFonts(const PacketFonts&) = delete;
    PacketFonts& operator=(const PacketFonts&) = delete;

    // While alive, pango layouts made on this thread with the default font map
    // (pango_cairo_create_layout, as packetPdf does) use the cuts. One per worker thread.
    class ThreadScope {
    public:
        explicit ThreadScope(const PacketFonts* fonts);
        ~ThreadScope();
        ThreadScope(const ThreadScope&) = delete;
        ThreadScope& operator=(const ThreadScope&) = delete;

    private:
        bool m_active = false;
    };

    [[nodiscard]] std::size_t cutCount() const { return m_cuts.size(); }

private:
    struct Impl;
    explicit PacketFonts(std::unique_ptr<Impl> impl, std::vector<std::string> cuts);

    std::unique_ptr<Impl> m_impl;
    std::vector<std::string> m_cuts; // files of the cut fonts
};

} // namespace meetscan::core
