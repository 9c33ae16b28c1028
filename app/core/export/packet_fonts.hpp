#pragma once
// Small cuts of the fonts for a big packet export.
//
// Why: cairo embeds a subset of every font a summary.pdf uses, made from the font file, in each
// PDF. Two things in those files cost every packet again:
// - Noto Sans CJK keeps all its outlines in one 16 MB CFF table, which cairo copies and parses
//   twice in every PDF that shows a single Han, kana or Hangul character: about 10 ms of CPU;
// - TrueType fonts such as Noto Sans carry hinting programs (fpgm, prep, cvt and instructions in
//   every glyph) that PDF viewers and printers ignore: a third of each subset's bytes, and of the
//   deflating, in every PDF and so in every follow-up e-mail.
// Before a big export the characters the event's texts actually use are cut out of the fonts
// once (HarfBuzz's subsetter: outlines and shaping rules unchanged, hinting dropped), and the
// export's worker threads lay out with a fontconfig configuration that finds the small cuts in
// place of the originals. The PDFs show the same text in the same fonts.
#include <memory>
#include <string>
#include <vector>

namespace meetscan::core {

class PacketFonts {
public:
    // Cuts for the characters of `texts` (names, companies, booths, ... of the whole event). A font
    // that cannot be cut stays as it is. Null when nothing could be cut, or when the cuts would
    // not be chosen exactly where the originals are: the caller then keeps the system fonts.
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
