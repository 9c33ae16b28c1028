// meetscan decode PATH... [--json]: read the codes in still images, each image once, with every
// decoding strategy. Needs no database and starts no camera pipeline.
#include "cli/commands.hpp"
#include "meetscan/scanner/decoder.hpp"
#include "meetscan/scanner/image_file.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <system_error>

namespace meetscan::cli {
namespace {

namespace fs = std::filesystem;

// Every path given, folders expanded to their images in name order. A path that is missing or
// cannot be listed is the user's to fix, and is reported before anything is decoded.
std::vector<fs::path> collectImages(const std::vector<std::string>& paths) {
    std::vector<fs::path> images;
    for (const auto& text : paths) {
        const fs::path path(text);
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (!fs::exists(status))
            throw CliError::badInput(fmt::format("{}: no such file or folder", text));
        if (fs::is_directory(status)) {
            auto listed = scanner::listImages(path);
            if (!listed)
                throw CliError::badInput(listed.error().message);
            images.insert(images.end(), listed->begin(), listed->end());
        } else {
            images.push_back(path);
        }
    }
    return images;
}

std::string jsonLine(const nlohmann::json& object) {
    // Codes may carry bytes that are not UTF-8; replace them rather than fail the whole run.
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

void addDecodeCommand(CLI::App& app, CliContext& /*context*/) {
    auto paths = std::make_shared<std::vector<std::string>>();
    auto json = std::make_shared<bool>(false);
    auto* command = app.add_subcommand("decode", "Decode the codes in image files or folders of images");
    command->add_option("paths", *paths, "Image files or folders (their images in name order)")->required();
    command->add_flag("--json", *json, "One JSON object a line: file, ok, format, text");
    command->footer("Exit 0 when at least one image held a code, 1 when none did, 2 for a path that is not there.");
    command->callback([paths, json] {
        const auto started = std::chrono::steady_clock::now();
        const auto images = collectImages(*paths);
        const scanner::Decoder decoder(scanner::DecoderOptions::all());
        std::size_t decoded = 0;
        for (const auto& image : images) {
            const std::string file = image.string();
            auto frame = scanner::loadGreyImage(image);
            if (!frame) {
                if (*json)
                    fmt::print("{}\n", jsonLine({{"file", file},
                                                 {"ok", false},
                                                 {"format", ""},
                                                 {"text", ""},
                                                 {"error", frame.error().message}}));
                else
                    fmt::print("{}: error: {}\n", file, frame.error().message);
                continue;
            }
            const auto codes = decoder.decodeHard(*frame);
            if (!codes.empty())
                ++decoded;
            const std::string format = codes.empty() ? std::string() : codes.front().format;
            const std::string text = codes.empty() ? std::string() : codes.front().text;
            if (*json) {
                nlohmann::json line{
                    {"file", file}, {"ok", !codes.empty()}, {"format", format}, {"text", text}};
                // An image may hold several codes (a double badge, a ticket with two); the first
                // is the answer, the rest ride along.
                for (std::size_t i = 1; i < codes.size(); ++i)
                    line["others"].push_back({{"format", codes[i].format}, {"text", codes[i].text}});
                fmt::print("{}\n", jsonLine(line));
            } else if (codes.empty())
                fmt::print("{}: no code found\n", file);
            else
                fmt::print("{}: {} {}\n", file, format, jsonLine(text));
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::fflush(stdout);
        // Reading nothing at all is a failure a script must see: exit 1, with the count as its one line.
        if (decoded == 0)
            throw CliError::world(fmt::format("decoded 0 of {} in {:.2f} s: no code found", images.size(), seconds));
        fmt::print(stderr, "decoded {} of {} in {:.2f} s\n", decoded, images.size(), seconds);
    });
}

} // namespace meetscan::cli
