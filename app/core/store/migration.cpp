#include "core/store/migration.hpp"

#include <array>

namespace meetscan::core {

namespace migrations {
extern const Migration kM001;
extern const Migration kM002;
extern const Migration kM003;
extern const Migration kM004;
extern const Migration kM005;
extern const Migration kM006;
extern const Migration kM007;
extern const Migration kM008;
extern const Migration kM009;
extern const Migration kM010;
extern const Migration kM011;
} // namespace migrations

std::span<const Migration> allMigrations() {
    static const std::array kAll{migrations::kM001, migrations::kM002, migrations::kM003,
                                 migrations::kM004, migrations::kM005, migrations::kM006, migrations::kM007,
                                 migrations::kM008, migrations::kM009, migrations::kM010, migrations::kM011};
    return kAll;
}

} // namespace meetscan::core
