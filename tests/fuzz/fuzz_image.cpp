// Image files as `meetscan decode` and `dir:` sources read them (stb_image: PNG, JPEG, BMP,
// PGM/PPM, GIF, TGA), then the decoder on what loads: huge, tiny, truncated and wrong files must
// end in a clear error or an empty result, never a crash.
#include "fuzz_key.hpp"
#include "meetscan/scanner/decoder.hpp"
#include "meetscan/scanner/image_file.hpp"

#include <cstdint>
#include <cstdlib>
#include <vector>

namespace {

// Loading and decoding cost time per pixel, not coverage: an image of up to the real limit
// (100 megapixels) takes over a minute under ASan, so images are refused above 4 megapixels
// (the same check, at a lower bound) and only loaded above 250,000.
constexpr long long kMaxLoadedPixels = 4'000'000;
constexpr long long kMaxDecodedPixels = 250'000;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<unsigned char> bytes(data, data + size);
    const auto frame = meetscan::scanner::decodeGreyImage(bytes, "fuzz.img", kMaxLoadedPixels);
    if (!frame.ok()) {
        if (frame.error().message.rfind("fuzz.img: ", 0) != 0)
            std::abort();
        return 0;
    }
    if (frame->empty())
        std::abort();
    if (static_cast<long long>(frame->width) * frame->height > kMaxDecodedPixels)
        return 0;
    static const meetscan::scanner::Decoder decoder(meetscan::scanner::DecoderOptions::all());
    const auto attempt = static_cast<std::uint64_t>(size) % static_cast<std::uint64_t>(
                                                                meetscan::scanner::Decoder::strategyCount());
    (void)decoder.decodeAll(*frame, attempt);
    return 0;
}
