// Builds demo activities and their raw Defender-shaped JSON records (see the reference, §6.1).
#include "demo/demo_record.h"

#include "demo/demo_generator.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <cctype>

namespace sightline::demo {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Looks like a random (version 4) GUID; 128 random bits make collisions practically impossible.
std::string guid_from(DemoRandom& rng) {
    static constexpr char kDigits[] = "0123456789abcdef";
    const uint64_t hi = (rng.next() & ~0xF000ull) | 0x4000ull;
    const uint64_t lo = (rng.next() & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 32; ++i) {
        const uint64_t word = i < 16 ? hi : lo;
        const int shift = 60 - 4 * (i % 16);
        if (i == 8 || i == 12 || i == 16 || i == 20) out += '-';
        out += kDigits[(word >> shift) & 15];
    }
    return out;
}

// Defender's event category: EVENT_CATEGORY_DOWNLOAD_FILE for "Download file", with its own
// names for the log-on family.
std::string event_type_name(std::string_view activity_type) {
    if (activity_type == "Log on") return "EVENT_CATEGORY_LOGIN";
    if (activity_type == "Failed log on") return "EVENT_CATEGORY_FAILED_LOGIN";
    if (activity_type == "Log off") return "EVENT_CATEGORY_LOGOUT";
    std::string name = "EVENT_CATEGORY_";
    for (char c : activity_type) name += c == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name;
}

struct CategoryCode {
    std::string_view name;
    int code;
    std::string_view value;
};

constexpr std::array<CategoryCode, 6> kCategories = {{
    {"Corporate", 1, "CORPORATE"}, {"Administrative", 2, "ADMINISTRATIVE"}, {"Risky", 3, "RISKY"},
    {"VPN", 4, "VPN"}, {"Cloud provider", 5, "CLOUD_PROVIDER"}, {"Other", 6, "OTHER"},
}};

CategoryCode category_code(std::string_view category) {
    for (const CategoryCode& c : kCategories)
        if (c.name == category) return c;
    return {"", 0, "NONE"};
}

std::string_view api_device_type(std::string_view device_type) {
    if (device_type == "PC") return "DESKTOP";
    if (device_type == "Mobile") return "MOBILE";
    if (device_type == "Tablet") return "TABLET";
    return "OTHER";
}

void write_string(JsonWriter& w, std::string_view key, std::string_view value) {
    w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

template <typename Strings>
void write_string_array(JsonWriter& w, std::string_view key, const Strings& values) {
    w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    w.StartArray();
    for (std::string_view v : values) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    w.EndArray();
}

void write_location(JsonWriter& w, const Activity& a) {
    const CategoryCode category = category_code(a.ip_category);
    w.Key("location");
    w.StartObject();
    write_string(w, "countryCode", a.country);
    write_string(w, "city", a.city);
    write_string(w, "organizationSearchable", a.isp);
    w.Key("category");
    w.Int(category.code);
    write_string(w, "categoryValue", category.value);
    write_string_array(w, "ipTags", a.ip_tags);
    w.EndObject();
}

void write_user_agent(JsonWriter& w, const Activity& a) {
    w.Key("userAgent");
    w.StartObject();
    write_string(w, "name", a.user_agent);
    write_string(w, "browser", a.browser);
    write_string(w, "os", a.os);
    write_string(w, "deviceType", api_device_type(a.device_type));
    write_string_array(w, "tags", a.ua_tags);
    w.EndObject();
}

void write_main_info(JsonWriter& w, const Activity& a, std::string_view failure_message) {
    w.Key("mainInfo");
    w.StartObject();
    write_string(w, "type", a.activity_type == "Failed log on" ? "failedLogin" : "basic");
    write_string(w, "rawOperationName", a.action_type);
    write_string(w, "prettyOperationName", a.action_type);
    w.Key("activityResult");
    w.StartObject();
    w.Key("isSuccess");
    w.Bool(failure_message.empty());
    if (!failure_message.empty()) write_string(w, "message", failure_message);
    w.EndObject();
    w.Key("eventObjects");
    w.StartArray();
    for (const std::string& name : a.objects) {
        w.StartObject();
        write_string(w, "name", name);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

std::string raw_record(const Activity& a, App app, std::string_view failure_message) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    write_string(w, "_id", a.id);
    w.Key("timestamp");
    w.Int64(a.time_ms);
    w.Key("appId");
    w.Int(app_id(app));
    write_string(w, "appName", a.app);
    write_string(w, "eventTypeName", event_type_name(a.activity_type));
    write_string(w, "description", a.description);
    w.Key("user");
    w.StartObject();
    write_string(w, "userName", a.user);
    w.EndObject();
    w.Key("device");
    w.StartObject();
    write_string(w, "clientIP", a.ip);
    write_string(w, "userAgent", a.user_agent);
    write_string(w, "countryCode", a.country);
    w.EndObject();
    write_location(w, a);
    write_user_agent(w, a);
    write_main_info(w, a, failure_message);
    w.Key("adminActivity");
    w.Bool(a.admin);
    w.Key("impersonated");
    w.Bool(a.impersonated);
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::vector<std::string> to_strings(const std::vector<std::string_view>& views) {
    return {views.begin(), views.end()};
}

} // namespace

Activity make_demo_activity(const DemoEvent& event, DemoRandom& rng) {
    const DemoOperation& op = *event.operation;
    const NetworkPlace& place = *event.place;
    const UserAgentProfile& agent = user_agent(event.agent);
    Activity a;
    a.id = guid_from(rng);
    a.time_ms = event.time_ms;
    a.app = app_name(event.app);
    a.activity_type = op.activity_type;
    a.action_type = op.action_type;
    a.description = event.description;
    a.user = event.user;
    a.user_domain = a.user.substr(a.user.find('@') + 1);
    a.ip = place.ip;
    a.ip_category = place.ip_category;
    a.ip_tags = place.ip_tags;
    a.country = place.country;
    a.city = place.city;
    a.isp = place.isp;
    a.user_agent = agent.text;
    a.ua_tags = to_strings(agent.tags);
    a.device_type = agent.device_type;
    a.browser = agent.browser;
    a.os = agent.os;
    a.objects = event.objects;
    a.admin = op.admin;
    a.impersonated = op.on_behalf;
    a.result = event.failure_message.empty() ? "Success" : "Failure";
    a.source = demo_story::kSource;
    a.file = demo_story::kFile;
    a.raw = raw_record(a, event.app, event.failure_message);
    return a;
}

} // namespace sightline::demo
