#pragma once
// A test fixture with a new, empty event database in a temporary folder for each test.
#include "core/store/store.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace meetscan::test {

class FreshStore : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = core::Store::open(m_dir / "event.db");
        ASSERT_TRUE(opened) << opened.error().message;
        m_store = std::move(opened).value();
    }

    TempDir m_dir;
    std::unique_ptr<core::Store> m_store;
};

} // namespace meetscan::test
