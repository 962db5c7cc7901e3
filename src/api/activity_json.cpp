#include "api/activity_json.h"

#include "util/time_format.h"

namespace sightline {
namespace {

void write_text(JsonWriter& w, const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void write_list(JsonWriter& w, const char* key, const std::vector<std::string>& values) {
    w.Key(key);
    w.StartArray();
    for (const std::string& v : values) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    w.EndArray();
}

} // namespace

void write_activity_json(JsonWriter& w, const Activity& a, bool with_raw) {
    w.StartObject();
    write_text(w, "id", a.id);
    write_text(w, "time", format_iso8601_utc(a.time_ms));
    write_text(w, "app", a.app);
    write_text(w, "activity_type", a.activity_type);
    write_text(w, "action_type", a.action_type);
    write_text(w, "description", a.description);
    write_text(w, "user", a.user);
    write_text(w, "user_domain", a.user_domain);
    write_text(w, "ip", a.ip);
    write_text(w, "ip_category", a.ip_category);
    write_list(w, "ip_tags", a.ip_tags);
    write_text(w, "country", a.country);
    write_text(w, "city", a.city);
    write_text(w, "isp", a.isp);
    write_text(w, "user_agent", a.user_agent);
    write_list(w, "ua_tags", a.ua_tags);
    write_text(w, "device_type", a.device_type);
    write_text(w, "browser", a.browser);
    write_text(w, "os", a.os);
    write_list(w, "objects", a.objects);
    w.Key("admin");
    w.Bool(a.admin);
    w.Key("impersonated");
    w.Bool(a.impersonated);
    write_text(w, "result", a.result);
    write_text(w, "source", a.source);
    write_text(w, "file", a.file);
    write_list(w, "matched_policies", a.matched_policies);
    w.Key("starred");
    w.Bool(a.starred);
    write_list(w, "tags", a.tags);
    write_text(w, "comment", a.comment);
    if (with_raw) write_text(w, "raw", a.raw);
    w.EndObject();
}

std::string activity_to_json(const Activity& a, bool with_raw) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    write_activity_json(writer, a, with_raw);
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string json_string(std::string_view text) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
    return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace sightline
