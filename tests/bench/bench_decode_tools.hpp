#pragma once
// Helpers for bench_decode (header-only: every .cpp in tests/bench is its own executable).
// The corpus comparison runs the three command-line readers exactly as a user would.
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fmt/core.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace bench {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

inline double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

inline long residentKiB() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

inline void appendUtf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// ZXingReader -1 escapes control characters as <CR>, <LF>, ... and other non-graphical ones as <U+XXXX>.
inline std::string unescapeZXing(const std::string& text) {
    static const char* const kNames[] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
                                         "BS",  "HT",  "LF",  "VT",  "FF",  "CR",  "SO",  "SI",
                                         "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
                                         "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto close = text[i] == '<' ? text.find('>', i) : std::string::npos;
        if (close != std::string::npos) {
            const std::string name = text.substr(i + 1, close - i - 1);
            if (name.rfind("U+", 0) == 0 && name.size() > 2) {
                appendUtf8(out, std::stoul(name.substr(2), nullptr, 16));
                i = close;
                continue;
            }
            const auto* it = std::find(std::begin(kNames), std::end(kNames), name);
            if (it != std::end(kNames)) {
                out += static_cast<char>(it - std::begin(kNames));
                i = close;
                continue;
            }
            if (name == "DEL") {
                out += '\x7f';
                i = close;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

struct CorpusImage {
    fs::path path;
    std::string expected;
};

struct ToolFigures {
    std::string name;
    int correct = 0;
    double perFileSeconds = 0; // one process per image
    double batchSeconds = -1;  // one process for all images (-1: not measured)
};

inline double timed(const std::vector<std::string>& argv, meetscan::test::ProcessResult& result) {
    const auto started = Clock::now();
    result = meetscan::test::runProcess(argv);
    return std::chrono::duration<double>(Clock::now() - started).count();
}

// Texts a tool printed for one image, per tool's output format.
inline std::vector<std::string>
textsFrom(const std::string& tool, const meetscan::test::ProcessResult& result, const std::string& file) {
    std::vector<std::string> texts;
    if (tool == "meetscan") {
        std::istringstream in(result.out);
        for (std::string line; std::getline(in, line);) {
            const auto json = nlohmann::json::parse(line, nullptr, false);
            if (json.is_discarded() || !json.value("ok", false))
                continue;
            texts.push_back(json.value("text", ""));
            for (const auto& other : json.value("others", nlohmann::json::array()))
                texts.push_back(other.value("text", ""));
        }
    } else if (tool == "ZXingReader") {
        // "<file> <Format> \"<escaped text>\"", one line per code.
        std::istringstream in(result.out);
        for (std::string line; std::getline(in, line);) {
            if (line.rfind(file + " ", 0) != 0)
                continue;
            const auto open = line.find('"');
            if (open != std::string::npos && line.size() > open + 1 && line.back() == '"')
                texts.push_back(unescapeZXing(line.substr(open + 1, line.size() - open - 2)));
        }
    } else if (result.exitCode == 0) { // zbarimg --raw: the text, newline-terminated
        std::string text = result.out;
        if (!text.empty() && text.back() == '\n')
            text.pop_back();
        texts.push_back(text);
    }
    return texts;
}

inline void benchCorpus() {
    const auto root = meetscan::test::sharedDir() / "corpus" / "qr-photos";
    fmt::print("== Corpus: codes read correctly, and seconds ==\n");
    if (meetscan::test::sharedDir().empty() || !fs::is_directory(root)) {
        fmt::print("(skipped: ../shared/corpus/qr-photos is not here)\n");
        return;
    }
    std::vector<CorpusImage> images;
    for (const char* folder : {"qrcode-1", "qrcode-2"})
        for (const auto& entry : fs::directory_iterator(root / folder)) {
            const auto ext = entry.path().extension();
            auto expected = entry.path();
            expected.replace_extension(".txt");
            if ((ext == ".png" || ext == ".jpg") && fs::exists(expected))
                images.push_back({entry.path(), meetscan::test::readFile(expected)});
        }
    std::sort(images.begin(), images.end(), [](const auto& a, const auto& b) { return a.path < b.path; });

    const std::map<std::string, std::vector<std::string>> prefixes = {
        {"meetscan", {MEETSCAN_BINARY, "decode", "--json"}},
        {"ZXingReader", {"ZXingReader", "-1"}},
        {"zbarimg", {"zbarimg", "-q", "--raw"}},
    };
    std::vector<ToolFigures> figures;
    for (const auto& tool : {"meetscan", "ZXingReader", "zbarimg"}) {
        ToolFigures row{tool};
        meetscan::test::ProcessResult result;
        for (const auto& image : images) {
            auto argv = prefixes.at(tool);
            argv.push_back(image.path.string());
            row.perFileSeconds += timed(argv, result);
            const auto texts = textsFrom(tool, result, image.path.string());
            if (std::find(texts.begin(), texts.end(), image.expected) != texts.end())
                ++row.correct;
        }
        if (std::string(tool) != "zbarimg") { // zbarimg --raw cannot tell which file a code came from
            auto argv = prefixes.at(tool);
            for (const auto& image : images)
                argv.push_back(image.path.string());
            row.batchSeconds = timed(argv, result);
        }
        figures.push_back(row);
    }
    fmt::print("{} images (qrcode-1 + qrcode-2)\n", images.size());
    fmt::print("{:<12} {:>8} {:>16} {:>16}\n", "reader", "correct", "per-file s", "one batch s");
    for (const auto& row : figures)
        fmt::print("{:<12} {:>4}/{:<3} {:>16.2f} {:>16}\n", row.name, row.correct, images.size(),
                   row.perFileSeconds,
                   row.batchSeconds < 0 ? std::string("-") : fmt::format("{:.2f}", row.batchSeconds));
}

} // namespace bench
