#include "support/temp_dir.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace meetscan::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "meetscan-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("cannot create a temporary directory");
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& content) const {
    auto path = m_path / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << content;
    return path;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::filesystem::path sharedDir() {
    if (const char* fromEnv = std::getenv("MEETSCAN_SHARED_DIR"); fromEnv != nullptr && *fromEnv != '\0')
        return fromEnv;
    std::filesystem::path dir = MEETSCAN_SHARED_DIR;
    return std::filesystem::is_directory(dir) ? dir : std::filesystem::path{};
}

} // namespace meetscan::test
