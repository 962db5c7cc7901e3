// The word-at-a-time byte search against plain loops, on bytes chosen to trip the classic
// "has zero byte" trick (a byte one above the sought one, right after a match).
#include "util/byte_scan.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <random>
#include <string>

using namespace sightline;

TEST_CASE("byte_scan::equal_bytes marks exactly the equal bytes") {
    std::mt19937 rng(7);
    const std::string alphabet = std::string("\n\x0b\"#\x00\x01\x80\xff", 8);
    for (int round = 0; round < 20000; ++round) {
        char bytes[8];
        for (char& b : bytes) b = alphabet[rng() % alphabet.size()];
        const char sought = alphabet[rng() % alphabet.size()];
        const uint64_t mask = byte_scan::equal_bytes(byte_scan::load8(bytes), byte_scan::repeated(static_cast<unsigned char>(sought)));
        for (int k = 0; k < 8; ++k) {
            INFO("round " << round << " byte " << k);
            REQUIRE(((mask >> (8 * k + 7)) & 1) == (bytes[k] == sought ? 1u : 0u));
        }
        CHECK((mask & ~0x8080808080808080ULL) == 0);
    }
}

TEST_CASE("byte_scan::find finds the first occurrence from any start") {
    std::mt19937 rng(11);
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        for (size_t n = rng() % 40; n > 0; --n) text += "ab\"\n#"[rng() % 5];
        const size_t from = text.empty() ? 0 : rng() % (text.size() + 1);
        size_t expected = text.find('"', from);
        if (expected == std::string::npos) expected = text.size();
        REQUIRE(byte_scan::find(text.data(), from, text.size(), '"') == expected);
    }
}

TEST_CASE("byte_scan::find_any finds the first of three bytes from any start") {
    std::mt19937 rng(13);
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        for (size_t n = rng() % 40; n > 0; --n) text += "ab,\r\n\"-\x80"[rng() % 8];
        const size_t from = text.empty() ? 0 : rng() % (text.size() + 1);
        size_t expected = text.find_first_of(",\r\n", from);
        if (expected == std::string::npos) expected = text.size();
        REQUIRE(byte_scan::find_any(text.data(), from, text.size(), ',', '\r', '\n') == expected);
    }
}

TEST_CASE("byte_scan::count counts every occurrence") {
    std::mt19937 rng(17);
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        for (size_t n = rng() % 70; n > 0; --n) text += "\n\x0b\x09x\xff"[rng() % 5];
        const size_t expected = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
        REQUIRE(byte_scan::count(text.data(), text.size(), '\n') == expected);
    }
}
