// The demo generator's random numbers: xoshiro256** seeded through splitmix64.
// Hand-written because the demo data must be byte-identical on every platform, and the
// standard <random> distributions are free to differ between standard libraries. Only
// integer arithmetic is used, so native and wasm builds draw the same numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace sightline::demo {

// One splitmix64 step: a good 64-bit mix, also used on its own for stable per-item hashes.
inline uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// A hash of two numbers that does not depend on any generator's position, for choices that
// must stay fixed per (user, day) however many other draws happened before.
inline uint64_t stable_hash(uint64_t a, uint64_t b) {
    uint64_t state = a * 0xD1B54A32D192ED03ull + b;
    splitmix64(state);
    return splitmix64(state);
}

class DemoRandom {
public:
    explicit DemoRandom(uint64_t seed) {
        for (uint64_t& word : state_) word = splitmix64(seed);
    }

    uint64_t next() {
        const uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    // Uniform in [0, n). The modulo bias is below 2^-40 for the small n used here.
    uint64_t below(uint64_t n) { return n == 0 ? 0 : next() % n; }
    int64_t between(int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo + 1))); }
    bool percent(int p) { return static_cast<int>(below(100)) < p; }

    template <typename T>
    const T& pick(std::span<const T> items) { return items[below(items.size())]; }

    // Index drawn with probability proportional to its weight (weights >= 0, not all zero).
    size_t weighted(std::span<const int> weights) {
        uint64_t total = 0;
        for (int w : weights) total += static_cast<uint64_t>(w);
        uint64_t r = below(total);
        for (size_t i = 0; i < weights.size(); ++i) {
            if (r < static_cast<uint64_t>(weights[i])) return i;
            r -= static_cast<uint64_t>(weights[i]);
        }
        return weights.size() - 1;
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t state_[4];
};

} // namespace sightline::demo
