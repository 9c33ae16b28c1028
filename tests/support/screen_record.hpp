#pragma once
// What a scripted kiosk screenshot recorded: the screen's name, every text drawn, the buttons'
// boxes, and the PNG's size. `meetscan kiosk --script` writes NAME.json beside NAME.png.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stb/stb_image.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace meetscan::test {

struct ScreenRecord {
    std::string screen;
    std::vector<std::string> texts;
    std::map<std::string, std::array<float, 4>> boxes; // button label -> left, top, right, bottom
    int width = 0;
    int height = 0;

    [[nodiscard]] bool says(const std::string& text) const {
        return std::any_of(texts.begin(), texts.end(),
                           [&](const std::string& t) { return t.find(text) != std::string::npos; });
    }
};

// A missing or unreadable record is a test failure, and reads as an empty record.
inline ScreenRecord loadScreenRecord(const std::filesystem::path& dir, const std::string& name) {
    ScreenRecord record;
    std::ifstream in(dir / (name + ".json"));
    EXPECT_TRUE(in.good()) << "no " << name << ".json";
    if (!in)
        return record;
    const auto json = nlohmann::json::parse(in);
    record.screen = json["screen"];
    record.texts = json["texts"].get<std::vector<std::string>>();
    if (json.contains("boxes"))
        record.boxes = json["boxes"].get<std::map<std::string, std::array<float, 4>>>();
    int channels = 0;
    EXPECT_NE(stbi_info((dir / (name + ".png")).c_str(), &record.width, &record.height, &channels), 0)
        << name << ".png";
    return record;
}

} // namespace meetscan::test
