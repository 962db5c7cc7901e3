// Finding and counting bytes eight at a time in a 64-bit word (SWAR), for the CSV reader, the
// text decoder and free-text search (text/find_ci.h, which also has a 16-byte vector loop). Plain integer code that any
// target runs fast: the CSV reader's inner loops (quoted fields, which in exports often hold
// JSON with a doubled quote every few bytes) spent more time calling memchr than scanning.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace sightline::byte_scan {

static_assert(std::endian::native == std::endian::little, "byte k of a loaded word is its k-th lowest byte");

inline constexpr uint64_t repeated(unsigned char c) { return 0x0101010101010101ULL * c; }

inline uint64_t load8(const char* p) {
    uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

// High bit set in exactly the bytes of `word` equal to the byte in `pattern` (repeated()):
// the additions cannot carry from one byte into the next, so there are no false marks.
inline uint64_t equal_bytes(uint64_t word, uint64_t pattern) {
    constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
    const uint64_t x = word ^ pattern;
    return ~(((x & kLow7) + kLow7) | x | kLow7);
}

// Index of the first marked byte of a non-zero mask.
inline size_t first_marked(uint64_t mask) { return static_cast<size_t>(std::countr_zero(mask)) / 8; }

// Marked bytes before byte k (k < 8).
inline uint64_t marks_before(uint64_t mask, size_t k) { return mask & ((uint64_t{1} << (8 * k)) - 1); }

inline void store8(char* p, uint64_t word) { std::memcpy(p, &word, sizeof word); }

// Position of the first `c` in p[from, n), or n.
inline size_t find(const char* p, size_t from, size_t n, char c) {
    const uint64_t pattern = repeated(static_cast<unsigned char>(c));
    size_t i = from;
    for (; i + 8 <= n; i += 8)
        if (uint64_t m = equal_bytes(load8(p + i), pattern)) return i + first_marked(m);
    while (i < n && p[i] != c) ++i;
    return i;
}

// Position of the first byte of p[from, n) that is `a`, `b` or `c`, or n.
inline size_t find_any(const char* p, size_t from, size_t n, char a, char b, char c) {
    const uint64_t pa = repeated(static_cast<unsigned char>(a)), pb = repeated(static_cast<unsigned char>(b)),
                   pc = repeated(static_cast<unsigned char>(c));
    size_t i = from;
    for (; i + 8 <= n; i += 8) {
        const uint64_t word = load8(p + i);
        if (uint64_t m = equal_bytes(word, pa) | equal_bytes(word, pb) | equal_bytes(word, pc))
            return i + first_marked(m);
    }
    while (i < n && p[i] != a && p[i] != b && p[i] != c) ++i;
    return i;
}

// How many bytes of p[0, n) are `c`.
inline size_t count(const char* p, size_t n, char c) {
    const uint64_t pattern = repeated(static_cast<unsigned char>(c));
    size_t found = 0, i = 0;
    for (; i + 8 <= n; i += 8) found += static_cast<size_t>(std::popcount(equal_bytes(load8(p + i), pattern)));
    for (; i < n; ++i) found += p[i] == c;
    return found;
}

} // namespace sightline::byte_scan
