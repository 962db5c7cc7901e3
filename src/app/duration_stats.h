// Durations of repeated work (the app's frames, the import's slices), summarised as the
// benchmark and the tests read them: how many, median, 95th percentile and worst, in ms.
// Keeps the most recent samples only, so a page left open for hours stays small.
#pragma once

#include <cstddef>
#include <vector>

namespace sightline {

struct DurationSummary {
    size_t count = 0;
    double median_ms = 0;
    double p95_ms = 0;
    double worst_ms = 0;
};

class DurationStats {
public:
    explicit DurationStats(size_t capacity = 8192) : capacity_(capacity) {}
    void record(double ms);
    void reset();
    DurationSummary summary() const;

private:
    size_t capacity_;
    size_t next_ = 0; // where the next sample goes once the buffer is full
    std::vector<double> samples_;
};

} // namespace sightline
