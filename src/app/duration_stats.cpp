#include "app/duration_stats.h"

#include <algorithm>
#include <cmath>

namespace sightline {

void DurationStats::record(double ms) {
    if (samples_.size() < capacity_) {
        samples_.push_back(ms);
        return;
    }
    samples_[next_] = ms;
    next_ = (next_ + 1) % capacity_;
}

void DurationStats::reset() {
    samples_.clear();
    next_ = 0;
}

DurationSummary DurationStats::summary() const {
    DurationSummary out;
    out.count = samples_.size();
    if (samples_.empty()) return out;
    std::vector<double> sorted = samples_;
    std::sort(sorted.begin(), sorted.end());
    // Nearest-rank percentiles: every figure reported is a duration that was measured.
    auto rank = [&](double p) { return sorted[static_cast<size_t>(std::ceil(p * sorted.size())) - 1]; };
    out.median_ms = rank(0.5);
    out.p95_ms = rank(0.95);
    out.worst_ms = sorted.back();
    return out;
}

} // namespace sightline
