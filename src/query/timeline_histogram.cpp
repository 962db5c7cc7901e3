#include "query/timeline_histogram.h"

#include "filter/filter_sql.h"
#include "query/activity_query.h"
#include "util/time_format.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace sightline {
namespace {

constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kHourMs = 60 * kMinuteMs;
constexpr int64_t kDayMs = 24 * kHourMs;
constexpr int64_t kWeekMs = 7 * kDayMs;
// 1970-01-01 was a Thursday; weeks are counted from Monday 1970-01-05 as ISO 8601 does.
constexpr int64_t kFirstMondayMs = 4 * kDayMs;

int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int64_t bucket_count(int64_t first_ms, int64_t last_ms, int64_t bucket_ms) {
    return (align_to_bucket(last_ms, bucket_ms) - align_to_bucket(first_ms, bucket_ms)) / bucket_ms + 1;
}

std::optional<std::pair<int64_t, int64_t>> loaded_time_span(const ActivityStore& store) {
    // Two subqueries, not min(), max() in one: SQLite answers a lone min or max from the time index.
    Statement st = prepare(store.db(), "SELECT (SELECT min(time) FROM activities), (SELECT max(time) FROM activities)");
    step_row(store.db(), st.get());
    if (sqlite3_column_type(st.get(), 0) == SQLITE_NULL) return std::nullopt;
    return std::pair{sqlite3_column_int64(st.get(), 0), sqlite3_column_int64(st.get(), 1)};
}

// The chart's span: the given ends, unset ones filled from the loaded data (nullopt when an
// end is unset and nothing is loaded). Also returns the newest loaded time, `last_days`' anchor,
// so the data is scanned for it once.
struct ResolvedRange {
    int64_t first_ms = 0, last_ms = 0;
    std::optional<int64_t> newest_loaded_ms;
};

std::optional<ResolvedRange> resolve_range(const ActivityStore& store, const TimelineRange& range) {
    auto loaded = loaded_time_span(store);
    if (!loaded && !(range.first_ms && range.last_ms)) return std::nullopt;
    ResolvedRange out;
    if (loaded) out.newest_loaded_ms = loaded->second;
    out.first_ms = range.first_ms ? *range.first_ms : loaded->first;
    out.last_ms = range.last_ms ? *range.last_ms : loaded->second;
    if (out.first_ms > out.last_ms) std::swap(out.first_ms, out.last_ms);
    return out;
}

void finish_counts(TimelineHistogram& h) {
    for (int64_t n : h.counts) {
        h.max_count = std::max(h.max_count, n);
        h.total += n;
    }
}

// Counts whole buckets (not just [first, last]) so the edge bars are as true as the inner ones.
// The buckets are tallied here rather than by GROUP BY (a.time - start) / width: SQLite sorts
// for that GROUP BY in a temporary b-tree, and reading times in one pass measured 4-5x faster
// (200,000 rows: 66 ms against 280 ms unindexed, 12 ms against 65 ms with the time index).
// From the column copy when it can answer the filter (query/column_filter.h): no SQL at all.
// The matches are the table's, kept in the store (query/activity_query.h): "last N days" counts
// back from the copy's newest time, which is the newest loaded time the SQL path uses.
bool count_from_columns(const ActivityStore& store, const ActivityFilter& filter, TimelineHistogram& h) {
    const ActivityColumns* columns = store.columns();
    if (!columns) return false;
    std::optional<std::vector<uint8_t>> matches = column_matches(store, filter);
    if (!matches) return false;
    const std::vector<int64_t>& times = columns->times();
    for (size_t p = 0; p < times.size(); ++p) {
        if (!(*matches)[p] || times[p] < h.start_ms || times[p] >= h.end_ms()) continue;
        ++h.counts[static_cast<size_t>((times[p] - h.start_ms) / h.bucket_ms)];
    }
    return true;
}

void count_into(const ActivityStore& store, const ActivityFilter& filter, std::optional<int64_t> newest_loaded_ms,
                TimelineHistogram& h) {
    FilterContext context;
    context.newest_time_ms = newest_loaded_ms;
    if (count_from_columns(store, filter, h)) return finish_counts(h);
    SqlFragment where = compile_filter_to_sql(filter, context);
    std::string sql = "SELECT a.time FROM activities a WHERE a.time >= ? AND a.time < ? AND (" + where.sql + ")";
    std::vector<SqlValue> params = {h.start_ms, h.end_ms()};
    params.insert(params.end(), where.params.begin(), where.params.end());
    Statement st = prepare(store.db(), sql);
    bind_all(st.get(), params);
    while (step_row(store.db(), st.get())) {
        int64_t index = (sqlite3_column_int64(st.get(), 0) - h.start_ms) / h.bucket_ms;
        if (index >= 0 && index < static_cast<int64_t>(h.counts.size())) ++h.counts[static_cast<size_t>(index)];
    }
    finish_counts(h);
}

} // namespace

const std::vector<int64_t>& timeline_bucket_sizes_ms() {
    static const std::vector<int64_t> sizes = {kMinuteMs,   5 * kMinuteMs, 15 * kMinuteMs, kHourMs, 3 * kHourMs,
                                               6 * kHourMs, 12 * kHourMs,  kDayMs,         kWeekMs};
    return sizes;
}

int64_t align_to_bucket(int64_t time_ms, int64_t bucket_ms) {
    // Widths of a week or more count from a Monday; shorter ones divide a day, so midnight works.
    int64_t origin = bucket_ms % kWeekMs == 0 ? kFirstMondayMs : 0;
    return origin + floor_div(time_ms - origin, bucket_ms) * bucket_ms;
}

int64_t choose_timeline_bucket_ms(int64_t first_ms, int64_t last_ms, int target_buckets) {
    if (target_buckets < 1) throw std::invalid_argument("a timeline needs at least one bucket");
    if (first_ms > last_ms) std::swap(first_ms, last_ms);
    for (int64_t size : timeline_bucket_sizes_ms())
        if (bucket_count(first_ms, last_ms, size) <= target_buckets) return size;
    int64_t weeks = std::max<int64_t>(1, bucket_count(first_ms, last_ms, kWeekMs) / target_buckets);
    while (bucket_count(first_ms, last_ms, weeks * kWeekMs) > target_buckets) ++weeks;
    return weeks * kWeekMs;
}

TimelineHistogram build_timeline(const ActivityStore& store, const ActivityFilter& filter, TimelineRange range,
                                 int target_buckets) {
    if (target_buckets < 1) throw std::invalid_argument("a timeline needs at least one bucket");
    TimelineHistogram h;
    auto span = resolve_range(store, range);
    if (!span) return h;
    h.bucket_ms = choose_timeline_bucket_ms(span->first_ms, span->last_ms, target_buckets);
    h.start_ms = align_to_bucket(span->first_ms, h.bucket_ms);
    h.counts.assign(static_cast<size_t>(bucket_count(span->first_ms, span->last_ms, h.bucket_ms)), 0);
    count_into(store, filter, span->newest_loaded_ms, h);
    return h;
}

std::optional<FilterCondition> timeline_span_condition(const TimelineHistogram& histogram, double from_px,
                                                       double to_px, double plot_width_px) {
    if (histogram.empty() || !(plot_width_px > 0)) return std::nullopt;
    const int64_t n = static_cast<int64_t>(histogram.counts.size());
    auto bucket_at = [&](double px) {
        double fraction = std::clamp(px / plot_width_px, 0.0, 1.0);
        return std::min<int64_t>(n - 1, static_cast<int64_t>(std::floor(fraction * static_cast<double>(n))));
    };
    int64_t first = bucket_at(std::min(from_px, to_px));
    int64_t last = bucket_at(std::max(from_px, to_px));
    FilterCondition c;
    c.field = "time";
    c.op = FilterOp::Between;
    c.values = {format_iso8601_utc(histogram.bucket_start_ms(static_cast<size_t>(first))),
                format_iso8601_utc(histogram.bucket_start_ms(static_cast<size_t>(last + 1)) - 1)};
    return c;
}

ActivityFilter with_time_span(const ActivityFilter& filter, const FilterCondition& span) {
    FilterNode span_node;
    span_node.kind = FilterNode::Kind::Condition;
    span_node.condition = span;
    ActivityFilter out;
    if (filter.root.kind != FilterNode::Kind::All) {
        out.root.children = {filter.root, span_node};
        return out;
    }
    for (const FilterNode& child : filter.root.children) {
        bool is_span = child.kind == FilterNode::Kind::Condition && child.condition.field == "time" &&
                       child.condition.op == FilterOp::Between;
        if (!is_span) out.root.children.push_back(child);
    }
    out.root.children.push_back(std::move(span_node));
    return out;
}

} // namespace sightline
