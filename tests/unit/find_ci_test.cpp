// find_ci against the obvious byte-by-byte definition, on text built to hit the word-at-a-time
// search's edges: matches at every offset of a word, across word boundaries, at the very end,
// candidates that fail late, bytes that differ from a letter only in bit 0x20, and non-ASCII.
#include "text/find_ci.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

using sightline::find_ci;

namespace {

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

size_t naive_find_ci(const std::string& text, const std::string& needle, size_t from) {
    if (from > text.size()) return std::string::npos;
    for (size_t i = from; i + needle.size() <= text.size(); ++i) {
        bool same = true;
        for (size_t k = 0; k < needle.size() && same; ++k) same = fold(text[i + k]) == fold(needle[k]);
        if (same) return i;
    }
    return std::string::npos;
}

// A small alphabet so that random needles occur often: both cases of two letters, the
// non-letters that equal a letter OR 0x20 ('@' -> '`', '[' -> '{'), a digit and UTF-8 bytes.
std::string random_text(std::mt19937& rng, size_t length) {
    static const std::string alphabet = "aAbB@`[{1\xc3\xa9\x01";
    std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
    std::string out;
    for (size_t i = 0; i < length; ++i) out += alphabet[pick(rng)];
    return out;
}

} // namespace

TEST_CASE("find_ci finds what a byte-by-byte search finds, at every offset") {
    std::mt19937 rng(20261125);
    std::uniform_int_distribution<size_t> text_length(0, 120), needle_length(1, 20);
    for (int round = 0; round < 20000; ++round) {
        std::string text = random_text(rng, text_length(rng));
        std::string needle = random_text(rng, needle_length(rng));
        size_t from = text.empty() ? 0 : rng() % (text.size() + 2);
        INFO("text=\"" << text << "\" needle=\"" << needle << "\" from=" << from);
        REQUIRE(find_ci(text, needle, from) == naive_find_ci(text, needle, from));
    }
}

TEST_CASE("find_ci ignores ASCII case only") {
    CHECK(find_ci("Hello FALCON world", "falcon") == 6);
    CHECK(find_ci("Hello falcon world", "FaLcOn") == 6);
    CHECK(find_ci("xx@yy", "`") == std::string::npos); // '@' | 0x20 is '`', but they differ
    CHECK(find_ci("Ünïcode", "ünïcode") == std::string::npos); // no folding beyond ASCII
    CHECK(find_ci("Ünïcode", "Ünïcode") == 0);
    CHECK(find_ci("abc", "") == 0);
    CHECK(find_ci("abc", "", 3) == 3);
    CHECK(find_ci("abc", "", 4) == std::string::npos);
    CHECK(find_ci("0123456789abcdefXY", "xy") == 16); // last two bytes, after two full words
}
