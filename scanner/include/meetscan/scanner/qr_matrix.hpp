#pragma once
// QR codes for printing (packet PDFs, badges) without exposing ZXing to the caller.
#include <string_view>
#include <vector>

namespace meetscan::scanner {

// The modules of a QR code for `text` (UTF-8, byte mode, error correction level M), row by
// row, true for dark, without the quiet zone. Empty when the text does not fit in a QR code.
[[nodiscard]] std::vector<std::vector<bool>> encodeQr(std::string_view text);

} // namespace meetscan::scanner
