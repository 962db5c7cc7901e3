#include "app/ip_range_json.h"

#include "util/stored_list_json.h"

namespace sightline {
namespace {

constexpr int kFormatVersion = 1;
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

bool read_text(const rapidjson::Value& object, const char* key, std::string& out, std::string& error) {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || it->value.IsNull()) return true;
    if (!it->value.IsString()) {
        error = std::string(key) + " must be a string";
        return false;
    }
    out.assign(it->value.GetString(), it->value.GetStringLength());
    return true;
}

// A list of strings; one string alone is taken as a list of one (`cidrs: "10.0.0.0/8"`).
bool read_texts(const rapidjson::Value& object, const char* key, std::vector<std::string>& out, std::string& error) {
    auto it = object.FindMember(key);
    if (it == object.MemberEnd() || it->value.IsNull()) return true;
    if (it->value.IsString()) {
        out.emplace_back(it->value.GetString(), it->value.GetStringLength());
        return true;
    }
    if (!it->value.IsArray()) {
        error = std::string(key) + " must be an array of strings";
        return false;
    }
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
        const rapidjson::Value& item = it->value[i];
        if (!item.IsString()) {
            error = std::string(key) + "[" + std::to_string(i) + "] must be a string";
            return false;
        }
        out.emplace_back(item.GetString(), item.GetStringLength());
    }
    return true;
}

void write_string(JsonWriter& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void write_strings(JsonWriter& w, const char* key, const std::vector<std::string>& list) {
    w.Key(key);
    w.StartArray();
    for (const std::string& s : list) write_string(w, s);
    w.EndArray();
}

} // namespace

std::optional<IpRangeDefinition> ip_range_from_json(const rapidjson::Value& value, std::string& error) {
    if (!value.IsObject()) {
        error = "an IP range must be an object {name, cidrs, category, tags, isp, country}";
        return std::nullopt;
    }
    IpRangeDefinition range;
    if (read_text(value, "name", range.name, error) && read_texts(value, "cidrs", range.cidrs, error) &&
        read_text(value, "category", range.category, error) && read_texts(value, "tags", range.tags, error) &&
        read_text(value, "isp", range.isp, error) && read_text(value, "country", range.country, error))
        return range;
    return std::nullopt;
}

void write_ip_range(JsonWriter& w, const IpRangeDefinition& range) {
    w.StartObject();
    w.Key("name");
    write_string(w, range.name);
    write_strings(w, "cidrs", range.cidrs);
    w.Key("category");
    write_string(w, range.category);
    write_strings(w, "tags", range.tags);
    w.Key("isp");
    write_string(w, range.isp);
    w.Key("country");
    write_string(w, range.country);
    if (range.builtin) {
        w.Key("builtin");
        w.Bool(true);
        w.Key("note");
        write_string(w, range.note);
    }
    w.EndObject();
}

std::string ip_ranges_to_json_array(const IpRangeTable& table) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartArray();
    for (const IpRangeDefinition& range : table.all()) write_ip_range(w, range);
    w.EndArray();
    return {buffer.GetString(), buffer.GetSize()};
}

std::string ip_ranges_to_storage_json(const IpRangeTable& table) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("version");
    w.Int(kFormatVersion);
    w.Key("ranges");
    w.StartArray();
    for (const IpRangeDefinition& range : table.custom()) write_ip_range(w, range);
    w.EndArray();
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

IpRangeTableLoad ip_ranges_from_storage_json(std::string_view json) {
    IpRangeTableLoad load;
    StoredList stored = read_stored_list(json, "IP ranges", "ranges", kFormatVersion, 16);
    load.error = std::move(stored.error);
    if (!stored.items()) return load;
    const rapidjson::Value& entries = *stored.items();
    for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
        std::string error;
        std::optional<IpRangeDefinition> range = ip_range_from_json(entries[i], error);
        if (range) error = load.table.set(*range);
        if (!error.empty())
            load.error = append_error(load.error, "IP range " + std::to_string(i + 1) + " skipped: " + error);
    }
    return load;
}

} // namespace sightline
