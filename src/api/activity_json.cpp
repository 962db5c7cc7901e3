#include "api/activity_json.h"

#include "store/computed_fields.h"
#include "util/time_format.h"

namespace sightline {
namespace {

void write_value(JsonWriter& w, const std::string& text) {
    w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}
void write_value(JsonWriter& w, int64_t time_ms) { write_value(w, format_iso8601_utc(time_ms)); }
void write_value(JsonWriter& w, bool flag) { w.Bool(flag); }
void write_value(JsonWriter& w, const std::vector<std::string>& values) {
    w.StartArray();
    for (const std::string& v : values) write_value(w, v);
    w.EndArray();
}

// Every field of the table (model/field_table.h), in its order, under its canonical name.
void write_activity_fields(JsonWriter& w, const Activity& a, bool with_raw) {
    visit_fields(a, [&]<typename Tag>(Tag, const auto& value) {
        w.Key(Tag::info.name.data(), static_cast<rapidjson::SizeType>(Tag::info.name.size()));
        write_value(w, value);
    });
    if (with_raw) {
        w.Key("raw");
        write_value(w, a.raw);
    }
}

} // namespace

void write_activity_json(JsonWriter& w, const Activity& a, bool with_raw) {
    w.StartObject();
    write_activity_fields(w, a, with_raw);
    w.EndObject();
}

std::string activity_detail_json(const Activity& a) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    write_activity_fields(w, a, true);
    w.Key("computed");
    w.StartArray();
    for (const std::string_view name : computed_field_names(a.computed))
        w.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
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
