#include "meetscan/scanner/qr_matrix.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <string>

namespace meetscan::scanner {

std::vector<std::vector<bool>> encodeQr(std::string_view text) {
    std::vector<std::vector<bool>> modules;
    try {
        // Size 0: one pixel per module, so the matrix is the module grid itself.
        const auto matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                .setMargin(0)
                                .setEccLevel(4) // ZXing's 0..8 scale: 4 is level M
                                .setEncoding(ZXing::CharacterSet::UTF8)
                                .encode(std::string(text), 0, 0);
        modules.assign(static_cast<std::size_t>(matrix.height()), std::vector<bool>(static_cast<std::size_t>(matrix.width())));
        for (int y = 0; y < matrix.height(); ++y)
            for (int x = 0; x < matrix.width(); ++x)
                modules[static_cast<std::size_t>(y)][static_cast<std::size_t>(x)] = matrix.get(x, y);
    } catch (const std::exception&) {
        modules.clear(); // too long for a QR code
    }
    return modules;
}

} // namespace meetscan::scanner
