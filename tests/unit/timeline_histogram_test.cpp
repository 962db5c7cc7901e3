// Tests of the timeline: bucket width choice, UTC alignment, counts per bucket through a filter,
// the axis staying put while the filter changes, and dragged spans becoming date conditions.
#include "filter/filter_json.h"
#include "filter/filter_sql.h"
#include "query/activity_query.h"
#include "query/timeline_histogram.h"
#include "store/activity_store.h"
#include "util/time_format.h"

#include <doctest/doctest.h>

#include <numeric>
#include <string>
#include <vector>

using namespace sightline;

namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

int64_t at(const char* iso) { return parse_iso8601(iso).value(); }

Activity activity(int n, int64_t time_ms, std::string type) {
    Activity a;
    a.id = "t-" + std::to_string(n);
    a.time_ms = time_ms;
    a.activity_type = std::move(type);
    a.user = "user" + std::to_string(n % 3) + "@contoso.example";
    return a;
}

void load(ActivityStore& store, const std::vector<Activity>& activities) {
    ActivityWriter writer(store);
    for (const Activity& a : activities) writer.insert(a);
    writer.commit();
}

ActivityFilter filter(const char* json) { return parse_filter_json(json).filter.value(); }

} // namespace

TEST_CASE("timeline bucket width: the smallest nice width that keeps buckets within the target") {
    const int64_t t0 = at("2026-11-01T00:00:00Z");
    CHECK(choose_timeline_bucket_ms(t0, t0, 120) == kMinute);
    CHECK(choose_timeline_bucket_ms(t0, t0 + 119 * kMinute, 120) == kMinute);
    CHECK(choose_timeline_bucket_ms(t0, t0 + 120 * kMinute, 120) == 5 * kMinute);
    CHECK(choose_timeline_bucket_ms(t0, t0 + 2 * kDay, 120) == kHour);
    CHECK(choose_timeline_bucket_ms(t0, t0 + 35 * kDay, 120) == 12 * kHour);
    CHECK(choose_timeline_bucket_ms(t0, t0 + 100 * kDay, 120) == kDay);
    CHECK(choose_timeline_bucket_ms(t0, t0 + 2 * 365 * kDay, 120) == 7 * kDay);
    SUBCASE("spans longer than 120 weeks use whole multiples of a week") {
        int64_t size = choose_timeline_bucket_ms(t0, t0 + 10 * 365 * kDay, 120);
        CHECK(size % (7 * kDay) == 0);
        CHECK(size > 7 * kDay);
    }
    CHECK(choose_timeline_bucket_ms(t0 + kDay, t0, 120) == 15 * kMinute);  // ends in either order
    CHECK_THROWS_AS(choose_timeline_bucket_ms(t0, t0, 0), std::invalid_argument);
}

TEST_CASE("timeline buckets align to UTC: days at midnight, weeks on Monday") {
    CHECK(align_to_bucket(at("2026-11-25T13:47:12Z"), kHour) == at("2026-11-25T13:00:00Z"));
    CHECK(align_to_bucket(at("2026-11-25T13:47:12Z"), 3 * kHour) == at("2026-11-25T12:00:00Z"));
    CHECK(align_to_bucket(at("2026-11-25T13:47:12Z"), 15 * kMinute) == at("2026-11-25T13:45:00Z"));
    CHECK(align_to_bucket(at("2026-11-25T13:47:12Z"), kDay) == at("2026-11-25T00:00:00Z"));
    // 2026-11-25 is a Wednesday; its week began on Monday 2026-11-23.
    CHECK(align_to_bucket(at("2026-11-25T13:47:12Z"), 7 * kDay) == at("2026-11-23T00:00:00Z"));
    CHECK(align_to_bucket(at("2026-11-23T00:00:00Z"), 7 * kDay) == at("2026-11-23T00:00:00Z"));
    SUBCASE("times before 1970 round down, not toward zero") {
        CHECK(align_to_bucket(-1, kHour) == -kHour);
        CHECK(align_to_bucket(at("1969-12-31T23:59:59Z"), kDay) == at("1969-12-31T00:00:00Z"));
    }
}

TEST_CASE("build_timeline counts filtered activities per bucket, with empty buckets as zero") {
    ActivityStore store;
    const int64_t t0 = at("2026-11-20T10:15:00Z");
    // 3 days of data -> hourly buckets (73 of them from 10:00 on day 1 to 10:00 on day 4).
    load(store, {activity(0, t0, "Log on"), activity(1, t0 + 10 * kMinute, "Log on"),
                 activity(2, t0 + 50 * kMinute, "Failed log on"), activity(3, t0 + 5 * kHour, "Download file"),
                 activity(4, t0 + 3 * kDay, "Log on")});

    TimelineHistogram all = build_timeline(store, ActivityFilter{});
    CHECK(all.bucket_ms == kHour);
    CHECK(all.start_ms == at("2026-11-20T10:00:00Z"));
    REQUIRE(all.counts.size() == 73);
    CHECK(all.end_ms() == at("2026-11-23T11:00:00Z"));
    CHECK(all.counts[0] == 2);   // 10:15, 10:25
    CHECK(all.counts[1] == 1);   // 11:05
    CHECK(all.counts[5] == 1);   // 15:15
    CHECK(all.counts[72] == 1);  // day 4, 10:15
    CHECK(all.total == 5);
    CHECK(all.max_count == 2);
    CHECK(std::accumulate(all.counts.begin(), all.counts.end(), int64_t{0}) == 5);

    SUBCASE("a filter changes the bars but not the axis") {
        TimelineHistogram log_ons = build_timeline(store, filter(R"({"all":[{"field":"activity_type","op":"eq","values":["Log on"]}]})"));
        CHECK(log_ons.start_ms == all.start_ms);
        CHECK(log_ons.bucket_ms == all.bucket_ms);
        CHECK(log_ons.counts.size() == all.counts.size());
        CHECK(log_ons.counts[0] == 2);
        CHECK(log_ons.counts[1] == 0);
        CHECK(log_ons.total == 3);
        CHECK(log_ons.total == count_matching(store, filter(R"({"all":[{"field":"activity_type","op":"eq","values":["Log on"]}]})")));
    }
    SUBCASE("a filter matching nothing gives all-zero buckets") {
        TimelineHistogram none = build_timeline(store, filter(R"({"all":[{"field":"user","op":"eq","values":["nobody"]}]})"));
        CHECK(none.counts.size() == 73);
        CHECK(none.total == 0);
        CHECK(none.max_count == 0);
    }
    SUBCASE("an explicit range zooms in and counts whole edge buckets") {
        TimelineRange range{t0 + 20 * kMinute, t0 + 30 * kMinute};  // 10:35..10:45 -> minute buckets
        TimelineHistogram zoom = build_timeline(store, ActivityFilter{}, range);
        CHECK(zoom.bucket_ms == kMinute);
        CHECK(zoom.start_ms == at("2026-11-20T10:35:00Z"));
        CHECK(zoom.counts.size() == 11);
        CHECK(zoom.total == 0);
        TimelineHistogram day = build_timeline(store, ActivityFilter{}, {t0, t0 + 2 * kHour}, 3);
        CHECK(day.bucket_ms == kHour);
        CHECK(day.counts == std::vector<int64_t>{2, 1, 0});
    }
    SUBCASE("last_days is anchored to the newest activity, as everywhere else") {
        TimelineHistogram recent = build_timeline(store, filter(R"({"all":[{"field":"time","op":"last_days","values":["1"]}]})"));
        CHECK(recent.total == 1);
        CHECK(recent.counts[72] == 1);
    }
}

TEST_CASE("build_timeline on an empty store is empty unless the range is given") {
    ActivityStore store;
    CHECK(build_timeline(store, ActivityFilter{}).empty());
    CHECK(build_timeline(store, ActivityFilter{}, {0, std::nullopt}).empty());
    TimelineHistogram given = build_timeline(store, ActivityFilter{}, {0, 59 * kMinute});
    CHECK(given.counts == std::vector<int64_t>(60, 0));
    CHECK_THROWS_AS(build_timeline(store, ActivityFilter{}, {}, 0), std::invalid_argument);
}

TEST_CASE("a dragged pixel span becomes a between condition over whole buckets") {
    TimelineHistogram h;
    h.bucket_ms = kHour;
    h.start_ms = at("2026-11-20T00:00:00Z");
    h.counts.assign(24, 1);  // one day in hours, drawn 240 px wide: 10 px per bucket

    auto c = timeline_span_condition(h, 25, 62, 240);
    REQUIRE(c);
    CHECK(c->field == "time");
    CHECK(c->op == FilterOp::Between);
    CHECK(c->values == std::vector<std::string>{"2026-11-20T02:00:00.000Z", "2026-11-20T06:59:59.999Z"});
    CHECK(timeline_span_condition(h, 62, 25, 240)->values == c->values);  // dragged right to left

    SUBCASE("a click selects one bucket; pixels outside the plot are clamped") {
        CHECK(timeline_span_condition(h, 5, 5, 240)->values ==
              std::vector<std::string>{"2026-11-20T00:00:00.000Z", "2026-11-20T00:59:59.999Z"});
        CHECK(timeline_span_condition(h, -50, 999, 240)->values ==
              std::vector<std::string>{"2026-11-20T00:00:00.000Z", "2026-11-20T23:59:59.999Z"});
    }
    SUBCASE("no condition without bars or width") {
        CHECK_FALSE(timeline_span_condition(TimelineHistogram{}, 0, 10, 240));
        CHECK_FALSE(timeline_span_condition(h, 0, 10, 0));
    }
    SUBCASE("the condition passes the filter rules and selects exactly the bars") {
        ActivityStore store;
        std::vector<Activity> rows;
        for (int i = 0; i < 48; ++i) rows.push_back(activity(i, h.start_ms + i * 30 * kMinute, "Log on"));
        load(store, rows);
        ActivityFilter selected = with_time_span(ActivityFilter{}, *c);
        auto reparsed = parse_filter_json(filter_to_json(selected));
        REQUIRE(reparsed.filter);
        CHECK(count_matching(store, *reparsed.filter) == 10);  // 5 hours x 2
    }
}

TEST_CASE("with_time_span replaces an earlier span and keeps the other conditions") {
    ActivityFilter f = filter(R"({"all":[{"field":"activity_type","op":"eq","values":["Log on"]},
                                         {"field":"time","op":"between","values":["2026-01-01","2026-01-02"]},
                                         {"field":"time","op":"after","values":["2025-01-01"]}]})");
    FilterCondition span{"time", FilterOp::Between, {"2026-02-01T00:00:00.000Z", "2026-02-01T00:59:59.999Z"}};
    ActivityFilter moved = with_time_span(f, span);
    CHECK(filter_to_json(moved) ==
          R"({"all":[{"field":"activity_type","op":"eq","values":["Log on"]},)"
          R"({"field":"time","op":"after","values":["2025-01-01"]},)"
          R"({"field":"time","op":"between","values":["2026-02-01T00:00:00.000Z","2026-02-01T00:59:59.999Z"]}]})");
    SUBCASE("an `any` root is kept whole") {
        ActivityFilter any = filter(R"({"any":[{"field":"admin","op":"is_true","values":[]},
                                               {"field":"impersonated","op":"is_true","values":[]}]})");
        ActivityFilter both = with_time_span(any, span);
        REQUIRE(both.root.kind == FilterNode::Kind::All);
        REQUIRE(both.root.children.size() == 2);
        CHECK(both.root.children[0].kind == FilterNode::Kind::Any);
    }
}
