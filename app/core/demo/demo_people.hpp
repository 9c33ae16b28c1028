#pragma once
// Private to app/core/demo: the fictional people, companies and exhibitors of the demo event.
#include "core/domain/attendee.hpp"
#include "core/domain/exhibitor.hpp"

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace meetscan::core::demo {

// std::mt19937_64's output is fixed by the standard, the distributions are not; reducing the raw
// output ourselves keeps a seed's roster the same with every standard library.
class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) : m_engine(seed) {}
    std::size_t below(std::size_t bound) { return static_cast<std::size_t>(m_engine() % bound); }
    bool percent(unsigned chance) { return below(100) < chance; }
    template <class T> const T& pick(std::span<const T> items) { return items[below(items.size())]; }

private:
    std::mt19937_64 m_engine;
};

// A name as written by its owner, and the ASCII form their e-mail address uses.
struct Name {
    std::string_view native;
    std::string_view ascii;
};

struct Company {
    std::string_view name;
    std::string_view domain;
};

// People of one country. Where surnames change with gender (Иванов / Иванова), the two family
// lists run in parallel; otherwise both point at the same list.
struct Culture {
    std::string_view country; // ISO 3166-1 alpha-2, as registration systems export it
    std::string_view phone;   // pattern, '#' is a random digit
    int weight;               // relative share of the roster
    std::span<const Name> women;
    std::span<const Name> men;
    std::span<const Name> familyOfWomen;
    std::span<const Name> familyOfMen;
    std::span<const Company> localCompanies;
};

std::span<const Culture> cultures();
std::span<const Company> internationalCompanies();
std::span<const std::string_view> jobTitles();

struct DemoExhibitor {
    Exhibitor exhibitor;
    std::string domain; // staff e-mail addresses
};

std::vector<DemoExhibitor> demoExhibitors();

inline constexpr std::string_view kDemoCodePrefix = "MSD-";

// `count` people, badge codes MSD-0001..., with roles: two staff per exhibitor, a few organiser
// staff, speakers, and a few attendees who declined exhibitor scans or networking.
std::vector<Attendee> makeDemoRoster(int count, const std::vector<DemoExhibitor>& exhibitors,
                                     DemoRandom& random);

} // namespace meetscan::core::demo
