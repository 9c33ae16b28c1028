#pragma once
// Errors cross library boundaries as values (STYLE.md, "Errors"). C++20 has no std::expected,
// so this is the small subset we use: a value or an Error, never both.
#include <string>
#include <utility>
#include <variant>

namespace meetscan {

struct Error {
    // Bad input is the caller's to fix (exit 2); a world failure is the disk, camera or printer (exit 1).
    enum class Kind { BadInput, World };
    Kind kind = Kind::BadInput;
    std::string message;

    static Error badInput(std::string message) { return {Kind::BadInput, std::move(message)}; }
    static Error world(std::string message) { return {Kind::World, std::move(message)}; }
};

template <class T>
class Expected {
public:
    Expected(T value) : m_state(std::move(value)) {}
    Expected(Error error) : m_state(std::move(error)) {}

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that return nothing but may fail.
struct Done {};
using Status = Expected<Done>;

} // namespace meetscan
