// The activity drawer's User and IP address insights, as Defender for Cloud Apps shows them:
// what one user did, or what came from one IP address, over the 30 days before the newest
// loaded activity. The window is the `last_days 30` filter's: time >= newest - 30 days, so that a
// filter of the subject plus `last_days 30` selects exactly the activities counted here.
//
// A user is the acting user (the `user` field, as "Filter by this user" filters it), compared
// without case as the eq filter compares it; a user seen only as an activity's object has no
// activity of its own here. IP addresses compare without case too (IPv6 hex digits).
#pragma once

#include "query/value_tally.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sightline {

inline constexpr int kInsightDays = 30;
inline constexpr int64_t kInsightDayMs = 86400000;

enum class InsightSubject { User, Ip };

struct InsightWindow {
    int64_t start_ms = 0; // included: newest - 30 days
    int64_t end_ms = 0;   // the newest loaded activity, included
    bool empty = true;    // nothing is loaded: every count is 0
};
InsightWindow insight_window(std::optional<int64_t> newest_time_ms);

struct DayCount {
    int64_t day_ms = 0; // UTC midnight starting the day
    int64_t count = 0;
};

// A place activities came from: a city of a country, or a country without a city.
struct PlaceCount {
    std::string country; // ISO 3166-1 alpha-2, may be empty
    std::string city;    // may be empty
    int64_t count = 0;
};

struct EntityInsights {
    InsightSubject subject = InsightSubject::User;
    std::string asked;    // the value insights were asked for
    std::string spelling; // the subject's spelling seen most often in the window (asked when none)
    InsightWindow window;
    // 0 here: the saved policies' counts are added above the query layer (app/insight_policy_counts.h).
    int64_t open_alerts = 0;
    int64_t matches = 0;
    int64_t activities = 0;
    int64_t admin_activities = 0;
    // The lists behind the counts, most frequent first; empty values are left out. Users and
    // IPs merge their case variants (query/case_variants.h).
    std::vector<ValueCount> countries;
    std::vector<ValueCount> isps;
    std::vector<ValueCount> ips;   // a user's insights: where it connected from
    std::vector<ValueCount> users; // an IP's insights: who was seen from it
    std::vector<PlaceCount> locations;
    // One entry per UTC day the window touches, oldest first (31 when the window starts
    // within a day: the first entry then counts from the window's start only). Sums to activities.
    std::vector<DayCount> daily;
};

} // namespace sightline
