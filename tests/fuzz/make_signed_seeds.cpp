// Writes the seeds that are made, not typed: MS1 badges signed with the fuzz key into
// corpus/fuzz_badge/, pretix tickets into corpus/fuzz_badge/ (as QR text) and corpus/fuzz_pretix/
// (as the binary inside it, which is what fuzz_pretix mutates), and a small rendered badge photo
// (PGM) into corpus/fuzz_image/. Usage: make_signed_seeds CORPUS_DIR
#include "fuzz_key.hpp"
#include "meetscan/scanner/base64.hpp"
#include "meetscan/scanner/pretix_ticket.hpp"
#include "meetscan/scanner/synthetic_badge.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

bool write(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return static_cast<bool>(out);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: make_signed_seeds CORPUS_DIR\n", stderr);
        return 2;
    }
    using namespace meetscan::scanner;
    const std::filesystem::path corpus = argv[1];
    const KeyPair keys = meetscan::fuzz::fuzzKeyPair();
    bool ok = true;
    ok &= write(corpus / "fuzz_badge" / "ms1_full.txt",
                signBadge({"MS-0001", "Ada", "Lovelace", "Analytical Engines"}, keys));
    ok &= write(corpus / "fuzz_badge" / "ms1_code_only.txt", signBadge({"MS-0002", "", "", ""}, keys));
    ok &= write(corpus / "fuzz_badge" / "ms1_unicode.txt", signBadge({"MS-0003", "Zoë", "王", "Ünïcödé"}, keys));

    const PretixTicket full{"abcdefghijklmnopqrstuvwx", 12, 3, 4, 1700000000, 1800000000};
    const PretixTicket plain{"zyxwvutsrqponm", 7, 0, 0, std::nullopt, std::nullopt};
    int n = 0;
    for (const auto& ticket : {full, plain}) {
        const std::string text = makePretixTicket(ticket, keys);
        std::string reversed(text.rbegin(), text.rend());
        const auto raw = decodeBase64(reversed);
        ok &= raw.has_value();
        ++n;
        ok &= write(corpus / "fuzz_badge" / ("pretix_" + std::to_string(n) + ".txt"), text);
        ok &= write(corpus / "fuzz_pretix" / ("ticket_" + std::to_string(n) + ".bin"), raw.value_or(""));
    }
    ok &= write(corpus / "fuzz_pretix" / "key_pem_base64.txt", pretixPublicKeyPem(keys.publicKey));

    BadgeScene scene;
    scene.width = 96;
    scene.height = 72;
    scene.cardHeight = 0.9;
    scene.text = "A-2201";
    const GreyFrame photo = renderBadgeFrame(scene);
    std::string pgm = "P5\n" + std::to_string(photo.width) + " " + std::to_string(photo.height) + "\n255\n";
    for (int y = 0; y < photo.height; ++y)
        pgm.append(reinterpret_cast<const char*>(photo.row(y)), static_cast<std::size_t>(photo.width));
    ok &= write(corpus / "fuzz_image" / "badge.pgm", pgm);
    return ok ? 0 : 1;
}
