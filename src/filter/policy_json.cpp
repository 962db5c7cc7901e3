// Policy JSON <-> ActivityPolicy. One pass over the object: every key is known, every value
// has its type and range, and the first problem is reported with its path.
#include "filter/policy_json.h"

#include "filter/filter_json.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>

namespace sightline {
namespace {

using rapidjson::Value;

struct PolicyError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr int64_t kMaxCount = 1000000;
constexpr int64_t kMaxMinutes = 366 * 24 * 60;  // a year: longer windows are no one's burst

std::string trimmed(std::string_view text) {
    size_t begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    size_t end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

std::string text_member(const Value& v, const char* path) {
    if (!v.IsString()) throw PolicyError(std::string(path) + ": expected a string");
    return {v.GetString(), v.GetStringLength()};
}

int64_t count_member(const Value& v, const std::string& path, int64_t max) {
    if (!v.IsInt64() || v.IsBool()) throw PolicyError(path + ": expected a whole number");
    int64_t n = v.GetInt64();
    if (n < 1 || n > max) throw PolicyError(path + ": must be between 1 and " + std::to_string(max));
    return n;
}

bool bool_member(const Value& v, const std::string& path) {
    if (!v.IsBool()) throw PolicyError(path + ": expected true or false");
    return v.GetBool();
}

std::string to_json(const Value& v) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    v.Accept(w);
    return {buffer.GetString(), buffer.GetSize()};
}

RepeatedActivity parse_repeated(const Value& v) {
    if (!v.IsObject()) throw PolicyError("repeated: expected an object {min, minutes, ...}");
    RepeatedActivity r;
    bool has_min = false, has_minutes = false;
    for (const auto& m : v.GetObject()) {
        std::string key(m.name.GetString(), m.name.GetStringLength());
        std::string path = "repeated." + key;
        if (key == "min") r.min = count_member(m.value, path, kMaxCount), has_min = true;
        else if (key == "minutes") r.minutes = count_member(m.value, path, kMaxMinutes), has_minutes = true;
        else if (key == "single_app") r.single_app = bool_member(m.value, path);
        else if (key == "unique_targets") r.unique_targets = bool_member(m.value, path);
        else if (key == "unique_users") r.unique_users = bool_member(m.value, path);
        else if (key == "group_by") {
            std::string by = text_member(m.value, path.c_str());
            if (by == "user") r.group_by = RepeatedActivity::GroupBy::User;
            else if (by == "ip") r.group_by = RepeatedActivity::GroupBy::Ip;
            else throw PolicyError(path + ": must be \"user\" or \"ip\", not \"" + by + "\"");
        } else {
            throw PolicyError(path + ": unknown key (repeated has min, minutes, single_app, unique_targets, "
                                     "unique_users, group_by)");
        }
    }
    if (!has_min) throw PolicyError("repeated.min: missing (the least number of activities that raises an alert)");
    if (!has_minutes) throw PolicyError("repeated.minutes: missing (the window's length)");
    if (r.unique_targets && r.unique_users)
        throw PolicyError("repeated.unique_users: cannot be combined with unique_targets (count one thing)");
    return r;
}

ActivityFilter parse_filter_member(const Value& v) {
    FilterParseResult parsed = parse_filter_json(to_json(v));
    if (!parsed.filter) {
        const std::string& e = parsed.error;
        throw PolicyError(e.rfind("filter", 0) == 0 ? e : (e.rfind("invalid", 0) == 0 ? "filter: " + e : "filter." + e));
    }
    return *parsed.filter;
}

ActivityPolicy parse_policy(const Value& doc, bool template_keys) {
    if (!doc.IsObject()) throw PolicyError("policy: expected a JSON object");
    ActivityPolicy p;
    bool has_name = false, has_filter = false;
    for (const auto& m : doc.GetObject()) {
        std::string key(m.name.GetString(), m.name.GetStringLength());
        const Value& v = m.value;
        if (key == "name") {
            p.name = trimmed(text_member(v, "name"));
            has_name = true;
        } else if (key == "severity") {
            if (!parse_policy_severity(text_member(v, "severity"), p.severity))
                throw PolicyError("severity: must be \"Low\", \"Medium\" or \"High\"");
        } else if (key == "category") p.category = text_member(v, "category");
        else if (key == "description") p.description = text_member(v, "description");
        else if (key == "type") p.type = text_member(v, "type");
        else if (key == "filter") p.filter = parse_filter_member(v), has_filter = true;
        else if (key == "repeated") {
            if (!v.IsNull()) p.repeated = parse_repeated(v);
        } else if (key == "daily_alert_limit") p.daily_alert_limit = count_member(v, "daily_alert_limit", kMaxCount);
        else if (key == "params") {
            if (!v.IsObject()) throw PolicyError("params: expected an object");
            p.params_json = to_json(v);
        } else if (template_keys && (key == "why" || key == "needs")) {
            // read by the template catalogue (app/policy_templates.h)
        } else {
            throw PolicyError(key + ": unknown key (a policy has name, severity, category, description, type, "
                                    "filter, repeated, daily_alert_limit, params)");
        }
    }
    if (!has_name || p.name.empty()) throw PolicyError("name: a policy needs a name");
    if (p.name.size() > kMaxPolicyNameChars)
        throw PolicyError("name: longer than " + std::to_string(kMaxPolicyNameChars) + " characters");
    if (p.type == "impossible_travel" || p.type == "infrequent_country")
        throw PolicyError("type: \"" + p.type + "\" detections are not evaluated yet (only \"activity\")");
    if (p.type != "activity") throw PolicyError("type: unknown policy type \"" + p.type + "\" (\"activity\")");
    if (!has_filter) throw PolicyError("filter: an activity policy needs a filter (use {} for every activity)");
    return p;
}

} // namespace

std::string_view policy_severity_name(PolicySeverity severity) {
    switch (severity) {
    case PolicySeverity::Low: return "Low";
    case PolicySeverity::Medium: return "Medium";
    case PolicySeverity::High: return "High";
    }
    return "Medium";
}

bool parse_policy_severity(std::string_view name, PolicySeverity& out) {
    for (PolicySeverity s : {PolicySeverity::Low, PolicySeverity::Medium, PolicySeverity::High})
        if (policy_severity_name(s) == name) return out = s, true;
    return false;
}

PolicyParseResult parse_policy_json(std::string_view json, bool template_keys) {
    PolicyParseResult result;
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
    if (doc.HasParseError()) {
        result.error = "policy: invalid JSON at offset " + std::to_string(doc.GetErrorOffset()) + ": " +
                       rapidjson::GetParseError_En(doc.GetParseError());
        return result;
    }
    try {
        result.policy = parse_policy(doc, template_keys);
    } catch (const PolicyError& e) {
        result.error = e.what();
    }
    return result;
}

std::string policy_to_json(const ActivityPolicy& p) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("name"), w.String(p.name);
    w.Key("severity"), w.String(std::string(policy_severity_name(p.severity)));
    w.Key("category"), w.String(p.category);
    w.Key("description"), w.String(p.description);
    w.Key("type"), w.String(p.type);
    std::string filter = filter_to_json(p.filter);
    w.Key("filter"), w.RawValue(filter.data(), filter.size(), rapidjson::kObjectType);
    if (p.repeated) {
        const RepeatedActivity& r = *p.repeated;
        w.Key("repeated");
        w.StartObject();
        w.Key("min"), w.Int64(r.min);
        w.Key("minutes"), w.Int64(r.minutes);
        w.Key("single_app"), w.Bool(r.single_app);
        w.Key("unique_targets"), w.Bool(r.unique_targets);
        w.Key("unique_users"), w.Bool(r.unique_users);
        w.Key("group_by"), w.String(r.group_by == RepeatedActivity::GroupBy::Ip ? "ip" : "user");
        w.EndObject();
    }
    w.Key("daily_alert_limit"), w.Int64(p.daily_alert_limit);
    w.Key("params"), w.RawValue(p.params_json.data(), p.params_json.size(), rapidjson::kObjectType);
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

} // namespace sightline
