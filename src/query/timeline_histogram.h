// The timeline over the activity table: how many filtered activities fall in each time bucket,
// with a bucket size picked from a short list of calendar-friendly widths, and the helpers that
// turn a span dragged across the chart into a `between` date condition of the filter.
#pragma once

#include "filter/activity_filter.h"
#include "store/activity_store.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace sightline {

// The time span the chart covers, both ends inclusive. An end left unset takes the oldest or
// newest time of ALL loaded activities, not of the filtered ones, so that the axis stays
// still while the analyst changes filters and bars grow or shrink in place.
struct TimelineRange {
    std::optional<int64_t> first_ms;
    std::optional<int64_t> last_ms;
};

struct TimelineHistogram {
    int64_t bucket_ms = 0;        // width of one bucket; 0 when there is nothing to chart
    int64_t start_ms = 0;         // start of counts[0], a multiple of bucket_ms in UTC
    std::vector<int64_t> counts;  // counts[i] covers [start_ms + i*bucket_ms, start_ms + (i+1)*bucket_ms)
    int64_t max_count = 0;        // the tallest bar, for scaling the chart
    int64_t total = 0;            // sum of counts

    bool empty() const { return counts.empty(); }
    int64_t end_ms() const { return start_ms + bucket_ms * static_cast<int64_t>(counts.size()); }  // exclusive
    int64_t bucket_start_ms(size_t index) const { return start_ms + bucket_ms * static_cast<int64_t>(index); }
};

// The bucket widths the chart uses, smallest first: 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h,
// 1 day, 1 week. Spans too long even for weekly buckets use whole multiples of a week.
const std::vector<int64_t>& timeline_bucket_sizes_ms();

// The smallest listed width that covers [first_ms, last_ms] in at most target_buckets aligned buckets.
int64_t choose_timeline_bucket_ms(int64_t first_ms, int64_t last_ms, int target_buckets);

// Start of the UTC-aligned bucket holding time_ms. Days start at 00:00 UTC, weeks on Monday.
int64_t align_to_bucket(int64_t time_ms, int64_t bucket_ms);

// One pass over the matching times. Throws std::invalid_argument for target_buckets < 1.
TimelineHistogram build_timeline(const ActivityStore& store, const ActivityFilter& filter,
                                 TimelineRange range = {}, int target_buckets = 120);

// The `between` condition on time for a span dragged across a chart plot_width_px wide,
// widened to whole buckets so that the rows the filter then keeps are the bars selected.
// Pixel order does not matter; a click without a drag selects one bucket. nullopt when the
// histogram is empty or the width is not positive.
std::optional<FilterCondition> timeline_span_condition(const TimelineHistogram& histogram, double from_px,
                                                       double to_px, double plot_width_px);

// The filter with its top-level `time between` conditions replaced by `span`, so a second
// drag moves the selection rather than intersecting it with the first. A root that is not an
// `all` group is kept whole inside a new `all` next to the span.
ActivityFilter with_time_span(const ActivityFilter& filter, const FilterCondition& span);

} // namespace sightline
