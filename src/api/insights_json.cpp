#include "api/insights_json.h"

#include "api/activity_json.h"
#include "util/time_format.h"

namespace sightline {

void write_value_counts(JsonWriter& w, const std::vector<ValueCount>& counts) {
    w.StartArray();
    for (const ValueCount& c : counts) {
        w.StartObject();
        w.Key("value");
        w.String(c.value);
        w.Key("count");
        w.Int64(c.count);
        w.EndObject();
    }
    w.EndArray();
}

namespace {

void write_counts(JsonWriter& w, const char* key, const std::vector<ValueCount>& counts) {
    w.Key(key);
    write_value_counts(w, counts);
}

std::string day_text(int64_t ms) { return format_iso8601_utc(ms).substr(0, 10); }

void write_window(JsonWriter& w, const InsightWindow& window) {
    w.Key("window");
    w.StartObject();
    w.Key("days");
    w.Int(kInsightDays);
    w.Key("start");
    window.empty ? w.Null() : w.String(format_iso8601_utc(window.start_ms));
    w.Key("end");
    window.empty ? w.Null() : w.String(format_iso8601_utc(window.end_ms));
    w.EndObject();
}

// A subject counts itself once when it was seen (an IP's `ips`, a user's `users`).
int64_t distinct(const std::vector<ValueCount>& list, bool is_subject, int64_t activities) {
    if (is_subject) return activities > 0 ? 1 : 0;
    return static_cast<int64_t>(list.size());
}

} // namespace

std::string insights_to_json(const EntityInsights& in) {
    const bool user = in.subject == InsightSubject::User;
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key(user ? "user" : "ip");
    w.String(in.spelling);
    write_window(w, in.window);
    w.Key("open_alerts");
    w.Int64(in.open_alerts);
    w.Key("matches");
    w.Int64(in.matches);
    w.Key("activities");
    w.Int64(in.activities);
    w.Key("countries");
    w.Int64(static_cast<int64_t>(in.countries.size()));
    w.Key("isps");
    w.Int64(static_cast<int64_t>(in.isps.size()));
    w.Key("ips");
    w.Int64(distinct(in.ips, !user, in.activities));
    w.Key("users");
    w.Int64(distinct(in.users, user, in.activities));
    w.Key("admin_activities");
    w.Int64(in.admin_activities);
    w.Key("daily");
    w.StartArray();
    for (const DayCount& d : in.daily) {
        w.StartObject();
        w.Key("day");
        w.String(day_text(d.day_ms));
        w.Key("count");
        w.Int64(d.count);
        w.EndObject();
    }
    w.EndArray();
    w.Key("lists");
    w.StartObject();
    write_counts(w, "countries", in.countries);
    write_counts(w, "isps", in.isps);
    write_counts(w, user ? "ips" : "users", user ? in.ips : in.users);
    w.Key("locations");
    w.StartArray();
    for (const PlaceCount& p : in.locations) {
        w.StartObject();
        w.Key("country");
        w.String(p.country);
        w.Key("city");
        w.String(p.city);
        w.Key("count");
        w.Int64(p.count);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndObject();
    return buffer.GetString();
}

} // namespace sightline
