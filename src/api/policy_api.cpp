#include "api/policy_api.h"

#include "app/policy_templates.h"
#include "filter/policy_json.h"
#include "util/time_format.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <functional>
#include <map>
#include <stdexcept>

namespace sightline {
namespace {

using rapidjson::Value;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

std::string to_json(const Value& v) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    v.Accept(w);
    return {buffer.GetString(), buffer.GetSize()};
}

ActivityPolicy policy_arg(const Value& args) {
    if (args.Size() < 1 || !args[0].IsObject()) throw std::invalid_argument("policy: expected a policy object");
    PolicyParseResult parsed = parse_policy_json(to_json(args[0]));
    if (!parsed.policy) throw std::invalid_argument(parsed.error);
    return std::move(*parsed.policy);
}

std::string string_arg(const Value& args, rapidjson::SizeType index, const char* what) {
    if (index >= args.Size() || !args[index].IsString()) throw std::invalid_argument(std::string(what) + " must be a string");
    return args[index].GetString();
}

void write_strings(Writer& w, const std::vector<std::string>& list) {
    w.StartArray();
    for (const std::string& s : list) w.String(s);
    w.EndArray();
}

void write_policy(Writer& w, const ActivityPolicy& policy) {
    std::string json = policy_to_json(policy);
    w.RawValue(json.data(), json.size(), rapidjson::kObjectType);
}

void write_alert(Writer& w, const PolicyAlert& a, const AlertState* state) {
    w.StartObject();
    w.Key("id"), w.String(a.id);
    w.Key("policy"), w.String(a.policy);
    w.Key("severity"), w.String(std::string(policy_severity_name(a.severity)));
    w.Key("user"), w.String(a.user);
    w.Key("ip"), w.String(a.ip);
    w.Key("users"), write_strings(w, a.users);
    w.Key("app"), w.String(a.app);
    w.Key("first"), w.String(format_iso8601_utc(a.first_ms));
    w.Key("last"), w.String(format_iso8601_utc(a.last_ms));
    w.Key("count"), w.Int64(static_cast<int64_t>(a.activity_ids.size()));
    w.Key("activity_ids"), write_strings(w, a.activity_ids);
    if (state) {
        w.Key("status"), w.String(std::string(alert_status_name(state->status)));
        w.Key("reason"), w.String(state->reason);
        w.Key("comment"), w.String(state->comment);
    }
    w.EndObject();
}

std::string save_policy(AppModel& model, const Value& args) {
    ActivityPolicy policy = policy_arg(args);
    std::string json = policy_to_json(policy);
    model.policies().save_policy(std::move(policy));
    model.policies().complete_run();
    return R"({"ok":true,"policy":)" + json + "}";
}

std::string policies(AppModel& model, const Value&) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartArray();
    for (const ActivityPolicy& p : model.policies().policies()) write_policy(w, p);
    w.EndArray();
    return buffer.GetString();
}

std::string remove_policy(AppModel& model, const Value& args) {
    std::string error = model.policies().remove_policy(string_arg(args, 0, "the policy name"));
    if (!error.empty()) throw std::invalid_argument(error);
    model.policies().complete_run();
    return R"({"ok":true})";
}

std::string test_policy(AppModel& model, const Value& args) {
    model.complete_view();
    PolicyMatches result = evaluate_policy(model.store(), policy_arg(args));
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("matches"), write_strings(w, result.ids);
    w.Key("alerts");
    w.StartArray();
    for (const PolicyAlert& a : result.alerts) write_alert(w, a, nullptr);
    w.EndArray();
    w.Key("alerts_over_daily_limit"), w.Int64(result.alerts_over_daily_limit);
    w.EndObject();
    return buffer.GetString();
}

// Each template is its policy's JSON with the catalogue's keys after it.
std::string policy_templates_call(AppModel& model, const Value&) {
    std::string out = "[";
    for (const PolicyTemplate& t : policy_templates()) {
        rapidjson::StringBuffer extra;
        Writer e(extra);
        e.StartObject();
        e.Key("why"), e.String(t.why);
        e.Key("needs");
        e.StartObject();
        e.Key("fields"), write_strings(e, t.needs_fields);
        e.Key("formats"), write_strings(e, t.needs_formats);
        e.EndObject();
        e.Key("missing_fields"), write_strings(e, missing_fields(model.store(), t));
        e.Key("file"), e.String(t.file);
        e.EndObject();
        std::string policy = policy_to_json(t.policy);
        policy.back() = ',';  // its closing brace gives way to the template's keys
        if (out.size() > 1) out += ',';
        out += policy;
        out += extra.GetString() + 1;  // without the opening brace
    }
    return out + "]";
}

std::string alerts(AppModel& model, const Value&) {
    model.policies().complete_run();
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartArray();
    for (const PolicyAlertView& v : model.policies().alerts()) write_alert(w, v.alert, &v.state);
    w.EndArray();
    return buffer.GetString();
}

std::string set_alert_status(AppModel& model, const Value& args) {
    std::string id = string_arg(args, 0, "the alert id");
    std::string status = string_arg(args, 1, "the status");
    std::string reason;
    std::optional<std::string> comment;
    if (args.Size() > 2 && args[2].IsObject()) {
        if (auto it = args[2].FindMember("reason"); it != args[2].MemberEnd()) {
            if (!it->value.IsString()) throw std::invalid_argument("reason must be a string");
            reason = it->value.GetString();
        }
        if (auto it = args[2].FindMember("comment"); it != args[2].MemberEnd()) {
            if (!it->value.IsString()) throw std::invalid_argument("comment must be a string");
            comment = it->value.GetString();
        }
    }
    model.policies().complete_run();
    std::string error = model.policies().set_alert_status(id, status, reason, comment);
    if (!error.empty()) throw std::invalid_argument(error);
    return R"({"ok":true})";
}

// Test hook: the Policies panel's form as a policy (or the error it would answer), and the
// last preview's counts, so a browser test can check what its clicks and keys built.
std::string policy_editor(AppModel& model, const Value&) {
    const PolicyWorkspace& p = model.policies();
    PolicyParseResult draft = p.draft().to_policy();
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    if (draft.policy) w.Key("policy"), write_policy(w, *draft.policy);
    else w.Key("draft_error"), w.String(draft.error);
    w.Key("error"), w.String(p.draft_error());
    w.Key("previewing"), w.Bool(p.previewing());
    if (const auto& r = p.preview_result()) {
        w.Key("preview");
        w.StartObject();
        w.Key("matches"), w.Int64(static_cast<int64_t>(r->ids.size()));
        w.Key("alerts"), w.Int64(static_cast<int64_t>(r->alerts.size()));
        w.Key("alerts_over_daily_limit"), w.Int64(r->alerts_over_daily_limit);
        w.EndObject();
    }
    w.EndObject();
    return buffer.GetString();
}

} // namespace

std::optional<std::string> call_policy_api(AppModel& model, std::string_view method, const Value& args) {
    using Handler = std::function<std::string(AppModel&, const Value&)>;
    static const std::map<std::string, Handler, std::less<>> table = {
        {"savePolicy", save_policy},   {"policies", policies}, {"removePolicy", remove_policy},
        {"testPolicy", test_policy},   {"policyTemplates", policy_templates_call},
        {"alerts", alerts},            {"setAlertStatus", set_alert_status}, {"policyEditor", policy_editor},
    };
    auto it = table.find(method);
    if (it == table.end()) return std::nullopt;
    return it->second(model, args);
}

} // namespace sightline
