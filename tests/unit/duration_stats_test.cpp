#include "app/duration_stats.h"

#include <doctest/doctest.h>

using sightline::DurationStats;

TEST_CASE("DurationStats summarises with nearest-rank percentiles") {
    DurationStats stats;
    CHECK(stats.summary().count == 0);
    for (int ms = 1; ms <= 100; ++ms) stats.record(ms);
    auto s = stats.summary();
    CHECK(s.count == 100);
    CHECK(s.median_ms == 50);
    CHECK(s.p95_ms == 95);
    CHECK(s.worst_ms == 100);
    stats.reset();
    stats.record(7);
    CHECK(stats.summary().median_ms == 7);
    CHECK(stats.summary().p95_ms == 7);
}

TEST_CASE("DurationStats keeps only the most recent samples") {
    DurationStats stats(3);
    for (double ms : {100.0, 1.0, 2.0, 3.0}) stats.record(ms);
    auto s = stats.summary();
    CHECK(s.count == 3);
    CHECK(s.worst_ms == 3); // the 100 ms sample was the oldest and is gone
}
