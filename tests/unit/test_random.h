// A fixed-seed generator (PCG-style LCG) for tests that build varied data: every run and
// platform sees the same values, so a failure can be reproduced.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sightline::testing {

class TestRandom {
public:
    explicit TestRandom(uint64_t seed) : state_(seed) {}
    uint32_t next() {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<uint32_t>(state_ >> 33);
    }
    size_t below(size_t n) { return next() % n; }
    bool percent(unsigned p) { return below(100) < p; }
    const std::string& pick(const std::vector<std::string>& from) { return from[below(from.size())]; }
    std::vector<std::string> some(const std::vector<std::string>& from, size_t max) {
        std::vector<std::string> out;
        for (size_t n = below(max + 1); n > 0; --n) out.push_back(pick(from));
        return out;
    }

private:
    uint64_t state_;
};

} // namespace sightline::testing
