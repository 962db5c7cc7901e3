#include "app/policy_draft.h"

#include "filter/filter_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace sightline {

PolicyDraft PolicyDraft::from_policy(const ActivityPolicy& p) {
    PolicyDraft d;
    d.name = p.name;
    d.severity = static_cast<int>(p.severity);
    d.category = p.category;
    d.description = p.description;
    d.filter_json = filter_to_json(p.filter);
    d.repeated = p.repeated.has_value();
    if (p.repeated) {
        d.min = static_cast<int>(p.repeated->min);
        d.minutes = static_cast<int>(p.repeated->minutes);
        d.single_app = p.repeated->single_app;
        d.unique_targets = p.repeated->unique_targets;
        d.group_by_ip = p.repeated->group_by == RepeatedActivity::GroupBy::Ip;
        d.unique_users = p.repeated->unique_users;
    }
    d.daily_alert_limit = static_cast<int>(p.daily_alert_limit);
    d.type = p.type;
    d.params_json = p.params_json;
    return d;
}

PolicyDraft PolicyDraft::from_filter(const ActivityFilter& filter) {
    PolicyDraft d;
    d.name = "New policy from search";
    d.filter_json = filter_to_json(filter);
    return d;
}

// The form written as policy JSON and parsed as a policy file is. The filter text is checked
// first, so that its errors name their place in the filter ("filter.all[0]: ...").
PolicyParseResult PolicyDraft::to_policy() const {
    FilterParseResult filter = parse_filter_json(filter_json);
    if (!filter.filter) {
        const std::string& e = filter.error;
        return {std::nullopt, e.rfind("filter", 0) == 0 ? e : e.rfind("invalid", 0) == 0 ? "filter: " + e : "filter." + e};
    }
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("name"), w.String(name);
    w.Key("severity"), w.String(std::string(policy_severity_name(static_cast<PolicySeverity>(severity < 0 || severity > 2 ? 1 : severity))));
    w.Key("category"), w.String(category);
    w.Key("description"), w.String(description);
    w.Key("type"), w.String(type);
    w.EndObject();
    std::string head(buffer.GetString(), buffer.GetSize());
    head.pop_back();
    std::string json = head + ",\"filter\":" + filter_to_json(*filter.filter);
    if (repeated) {
        json += ",\"repeated\":{\"min\":" + std::to_string(min) + ",\"minutes\":" + std::to_string(minutes) +
                ",\"single_app\":" + (single_app ? "true" : "false") + ",\"unique_targets\":" +
                (unique_targets ? "true" : "false") + ",\"unique_users\":" + (unique_users ? "true" : "false") +
                ",\"group_by\":\"" + (group_by_ip ? "ip" : "user") + "\"}";
    }
    json += ",\"daily_alert_limit\":" + std::to_string(daily_alert_limit) + ",\"params\":" + params_json + "}";
    return parse_policy_json(json);
}

} // namespace sightline
