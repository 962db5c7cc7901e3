#include "app/policy_book.h"

#include "filter/policy_json.h"
#include "text/word_match.h"
#include "util/stored_list_json.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

namespace sightline {
namespace {

std::string string_or_empty(const rapidjson::Value& v, const char* key) {
    auto it = v.FindMember(key);
    return it != v.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

} // namespace

std::string_view alert_status_name(AlertStatus status) {
    switch (status) {
    case AlertStatus::Open: return "open";
    case AlertStatus::Dismissed: return "dismissed";
    case AlertStatus::Resolved: return "resolved";
    }
    return "open";
}

bool parse_alert_status(std::string_view name, AlertStatus& out) {
    for (AlertStatus s : {AlertStatus::Open, AlertStatus::Dismissed, AlertStatus::Resolved})
        if (alert_status_name(s) == name) return out = s, true;
    return false;
}

void PolicyBook::save(ActivityPolicy policy) {
    const std::string key = lower_ascii(policy.name);
    auto same = std::find_if(policies_.begin(), policies_.end(),
                             [&](const ActivityPolicy& p) { return lower_ascii(p.name) == key; });
    if (same != policies_.end()) policies_.erase(same);
    auto at = std::find_if(policies_.begin(), policies_.end(),
                           [&](const ActivityPolicy& p) { return lower_ascii(p.name) > key; });
    policies_.insert(at, std::move(policy));
    ++revision_;
}

std::string PolicyBook::remove(std::string_view name) {
    const std::string key = lower_ascii(name);
    auto it = std::find_if(policies_.begin(), policies_.end(),
                           [&](const ActivityPolicy& p) { return lower_ascii(p.name) == key; });
    if (it == policies_.end()) return "no policy named \"" + std::string(name) + "\"";
    policies_.erase(it);
    ++revision_;
    return {};
}

const ActivityPolicy* PolicyBook::find(std::string_view name) const {
    const std::string key = lower_ascii(name);
    for (const ActivityPolicy& p : policies_)
        if (lower_ascii(p.name) == key) return &p;
    return nullptr;
}

AlertState PolicyBook::alert_state(const std::string& alert_id) const {
    auto it = alerts_.find(alert_id);
    return it == alerts_.end() ? AlertState{} : it->second;
}

void PolicyBook::set_alert_state(const std::string& alert_id, AlertState state) {
    alerts_[alert_id] = std::move(state);
    ++revision_;
}

void PolicyBook::merge(const PolicyBook& other) {
    for (const ActivityPolicy& policy : other.policies_) save(policy);
    for (const auto& [id, state] : other.alerts_) alerts_[id] = state;
    ++revision_;
}

void PolicyBook::replace_with(PolicyBook other) {
    const uint64_t revision = revision_;
    *this = std::move(other);
    revision_ = std::max(revision, revision_) + 1;
}

std::string PolicyBook::to_json() const {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("version");
    w.Int(1);
    w.Key("policies");
    w.StartArray();
    for (const ActivityPolicy& p : policies_) {
        std::string json = policy_to_json(p);
        w.RawValue(json.data(), json.size(), rapidjson::kObjectType);
    }
    w.EndArray();
    w.Key("alerts");
    w.StartObject();
    for (const auto& [id, state] : alerts_) {
        w.Key(id.c_str(), static_cast<rapidjson::SizeType>(id.size()));
        w.StartObject();
        w.Key("status");
        w.String(std::string(alert_status_name(state.status)));
        w.Key("reason");
        w.String(state.reason);
        w.Key("comment");
        w.String(state.comment);
        w.EndObject();
    }
    w.EndObject();
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

std::string PolicyBook::restore(std::string_view json) {
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError() || !doc.IsObject()) return "the stored policies are not readable JSON";
    std::string problems;
    auto note = [&problems](const std::string& what) { problems += (problems.empty() ? "" : "; ") + what; };
    if (auto it = doc.FindMember("policies"); it != doc.MemberEnd() && it->value.IsArray()) {
        for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
            PolicyParseResult parsed = parse_policy_json(compact_json(it->value[i]));
            if (parsed.policy) save(std::move(*parsed.policy));
            else note("policies[" + std::to_string(i) + "]." + parsed.error);
        }
    }
    if (auto it = doc.FindMember("alerts"); it != doc.MemberEnd() && it->value.IsObject()) {
        for (const auto& m : it->value.GetObject()) {
            if (!m.value.IsObject()) continue;
            AlertState state;
            if (!parse_alert_status(string_or_empty(m.value, "status"), state.status)) continue;
            state.reason = string_or_empty(m.value, "reason");
            state.comment = string_or_empty(m.value, "comment");
            alerts_[m.name.GetString()] = std::move(state);
        }
    }
    return problems;
}

} // namespace sightline
