// Numbers as the UI writes them: 1,000,000 rather than 1000000.
#pragma once

#include <cstdint>
#include <string>

namespace sightline {

inline std::string format_count(int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

} // namespace sightline
