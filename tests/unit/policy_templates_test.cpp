// Every template of the catalogue (assets/policy_templates/) on a fixture with planted
// positives and near misses. What a template matches is compared with two answers found
// another way: the hand labels of the fixture, and an independent count (the plain reference
// evaluator of filters over the same activities; for repeated templates a brute-force search
// for a full window in each group).
#include "app/policy_templates.h"
#include "filter_reference_evaluator.h"
#include "policy_test_support.h"
#include "query/policy_evaluation.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace sightline;
using namespace sightline::testing;

namespace {

struct TemplateFixture {
    std::vector<std::string> positives;    // specs (policy_test_support.h) that must match
    std::vector<std::string> near_misses;  // specs that look alike and must not
};

std::string params(const char* name, const char* value) {
    return std::string(R"(raw={"Operation":"x","Parameters":[{"Name":")") + name + R"(","Value":")" + value + R"("}]})";
}

std::vector<std::string> repeat(int count, int64_t start_ms, int64_t step_ms, const std::string& spec) {
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) out.push_back(spec + "|time=" + std::to_string(start_ms + i * step_ms));
    return out;
}

std::vector<std::string> spray(int users, const std::string& ip, int64_t start_ms) {
    std::vector<std::string> out;
    for (int u = 0; u < users; ++u)
        for (int t = 0; t < 3; ++t)
            out.push_back("activity_type=Failed log on|ip=" + ip + "|user=u" + std::to_string(u) + "@contoso.example|time=" +
                          std::to_string(start_ms + (u * 3 + t) * 60000));
    return out;
}

std::vector<std::string> join(std::vector<std::vector<std::string>> parts) {
    std::vector<std::string> out;
    for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

const std::map<std::string, TemplateFixture>& fixtures() {
    static const std::map<std::string, TemplateFixture> table = {
        {"admin_activity_non_corporate_ip.json",
         {{"admin=true|ip_category=Risky", "admin=true"}, {"admin=true|ip_category=Corporate", "admin=false|ip_category=Risky"}}},
        {"audit_logging_disabled.json",
         {{"action_type=Set-MailboxAuditBypassAssociation", "action_type=Set-AdminAuditLogConfig|" + params("UnifiedAuditLogIngestionEnabled", "False")},
          {"action_type=Set-AdminAuditLogConfig|" + params("AdminAuditLogAgeLimit", "90"), "action_type=Get-AdminAuditLogConfig|" + params("UnifiedAuditLogIngestionEnabled", "False")}}},
        {"credentials_added_to_application.json",
         {{"action_type=Add service principal credentials.", "action_type=Update application – Certificates and secrets management "},
          {"action_type=Remove service principal credentials.", "action_type=Update application."}}},
        {"domain_federation_changed.json",
         {{"action_type=Set federation settings on domain.", "action_type=Set-MsolDomainAuthentication"},
          {"action_type=Verify domain.", "action_type=Set-MsolDomain"}}},
        {"inbox_rule_forward_redirect_delete.json",
         {{"action_type=New-InboxRule|" + params("ForwardTo", "drop@evil.example"), "action_type=Set-InboxRule|" + params("DeleteMessage", "True")},
          {"action_type=New-InboxRule|" + params("MarkAsRead", "True"), "action_type=Set-Mailbox|" + params("ForwardTo", "x@y.example")}}},
        {"inbox_rule_move_to_rarely_used_folder.json",
         {{"action_type=New-InboxRule|" + params("MoveToFolder", "RSS Feeds"), "action_type=Set-InboxRule|" + params("MoveToFolder", "Conversation History")},
          {"action_type=New-InboxRule|" + params("MoveToFolder", "Invoices"), "action_type=MoveToDeletedItems|" + params("Folder", "Archive")}}},
        {"logon_from_non_categorised_ip.json",
         {{"activity_type=Log on"}, {"activity_type=Log on|ip_category=Corporate", "activity_type=Failed log on"}}},
        {"logon_from_risky_ip.json",
         {{"activity_type=Log on|ip_category=Risky"}, {"activity_type=Failed log on|ip_category=Risky", "activity_type=Log on|ip_category=VPN"}}},
        {"mailbox_forwarding_set.json",
         {{"action_type=Set-Mailbox|" + params("ForwardingSmtpAddress", "smtp:x@evil.example")},
          {"action_type=Set-Mailbox|" + params("ProhibitSendQuota", "50GB"), "action_type=New-InboxRule|" + params("ForwardingSmtpAddress", "x")}}},
        {"mailbox_permission_granted.json",
         {{"action_type=Add-MailboxPermission|" + params("AccessRights", "FullAccess"), "action_type=Add-RecipientPermission|" + params("AccessRights", "SendAs")},
          {"action_type=Remove-MailboxPermission|" + params("AccessRights", "FullAccess"), "action_type=Add-MailboxPermission|" + params("AccessRights", "ReadPermission")}}},
        {"mass_download_single_user.json",
         {repeat(51, 0, 1150, "activity_type=Download file|user=mallory@contoso.example"),
          join({repeat(50, 0, 1150, "activity_type=Download file|user=bob@contoso.example"),
                repeat(51, 0, 2400, "activity_type=Download file|user=carol@contoso.example"),
                repeat(60, 0, 500, "activity_type=Upload file|user=dave@contoso.example")})}},
        {"mfa_methods_changed.json",
         {{"action_type=User deleted security info", "action_type=Update user.|" + params("StrongAuthenticationMethod", "[]")},
          {"action_type=Update user.|" + params("DisplayName", "Ann"), "action_type=User started security info registration"}}},
        {"multiple_failed_logons_one_app.json",
         {repeat(11, 0, 20000, "activity_type=Failed log on|user=erin@contoso.example|app=Microsoft Azure"),
          join({repeat(10, 0, 20000, "activity_type=Failed log on|user=frank@contoso.example|app=Microsoft Azure"),
                repeat(1, 30000, 1, "activity_type=Failed log on|user=frank@contoso.example|app=Office 365"),
                repeat(11, 0, 31000, "activity_type=Failed log on|user=grace@contoso.example|app=Microsoft Azure")})}},
        {"oauth_consent_granted.json",
         {{"action_type=Consent to application.", "action_type=Add delegated permission grant."},
          {"action_type=Remove delegated permission grant.", "action_type=Consent to application"}}},
        {"outdated_browser_or_os.json",
         {{"ua_tags=Outdated browser", "ua_tags=Outdated operating system"}, {"ua_tags=Native client", "ua_tags=Robot"}}},
        {"password_spray.json",
         {spray(10, "203.0.113.50", 0), join({spray(9, "203.0.113.51", 0), repeat(40, 0, 60000, "activity_type=Failed log on|ip=203.0.113.52|user=one@contoso.example")})}},
        {"potential_ransomware_activity.json",
         {{"activity_type=Upload file|objects=report.docx.locky", "activity_type=Rename file|objects=plan.xlsx.wncry"},
          {"activity_type=Download file|objects=report.docx.locky", "activity_type=Upload file|objects=locky-report.docx"}}},
        {"role_membership_added.json",
         {{"action_type=Add member to role.", "action_type=Add-RoleGroupMember"},
          {"action_type=Remove member from role.", "action_type=Add member to group."}}},
        {"scripting_user_agent_sign_in.json",
         {{"activity_type=Log on|user_agent=python-requests/2.31.0", "activity_type=Failed log on|user_agent=curl/8.4.0"},
          {"activity_type=Log on|user_agent=Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0", "activity_type=Download file|user_agent=curl/8.4.0"}}},
    };
    return table;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; });
    return text;
}

// Groups with a full window, found by trying every activity as a window's start.
std::set<std::string> groups_with_full_window(const std::vector<Activity>& matching, const RepeatedActivity& rule) {
    std::map<std::string, std::vector<const Activity*>> groups;
    for (const Activity& a : matching) {
        std::string key = rule.group_by == RepeatedActivity::GroupBy::Ip ? a.ip : lower(a.user);
        if (rule.single_app) key += "/" + a.app;
        groups[key].push_back(&a);
    }
    std::set<std::string> full;
    for (const auto& [key, rows] : groups)
        for (const Activity* start : rows) {
            std::set<std::string> distinct;
            int64_t inside = 0;
            for (const Activity* a : rows)
                if (a->time_ms >= start->time_ms && a->time_ms < start->time_ms + rule.minutes * 60000) {
                    ++inside;
                    if (rule.unique_users) distinct.insert(lower(a->user));
                    if (rule.unique_targets) distinct.insert(a->objects.begin(), a->objects.end());
                }
            int64_t measure = rule.unique_users || rule.unique_targets ? static_cast<int64_t>(distinct.size()) : inside;
            if (measure >= rule.min) full.insert(rule.group_by == RepeatedActivity::GroupBy::Ip ? rows[0]->ip : lower(rows[0]->user));
        }
    return full;
}

} // namespace

TEST_CASE("every template file is in the catalogue, parsed, with why and needs") {
    CHECK(policy_template_errors().empty());
    for (const std::string& e : policy_template_errors()) MESSAGE(e);
    size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(SIGHTLINE_FIXTURES_DIR "/../../assets/policy_templates"))
        files += entry.path().extension() == ".json";
    CHECK(policy_templates().size() == files);
    CHECK(files >= 19);
    for (const PolicyTemplate& t : policy_templates()) {
        CHECK_MESSAGE(fixtures().count(t.file) == 1, t.file << " has no fixture in this test");
        CHECK(!t.why.empty());
        CHECK(!t.needs_formats.empty());
    }
}

TEST_CASE("each template matches its planted positives and none of its near misses") {
    for (const PolicyTemplate& t : policy_templates()) {
        auto fixture = fixtures().find(t.file);
        if (fixture == fixtures().end()) continue;
        INFO("template " << t.file);
        std::vector<std::string> specs = fixture->second.positives;
        specs.insert(specs.end(), fixture->second.near_misses.begin(), fixture->second.near_misses.end());
        std::vector<Activity> activities = activities_from_specs(specs);
        ActivityStore store;
        store_activities(store, activities);
        ActivityPolicy policy = t.policy;
        policy.daily_alert_limit = 1000;
        PolicyMatches result = evaluate_policy(store, policy);
        std::set<std::string> matched(result.ids.begin(), result.ids.end());

        const size_t positives = fixture->second.positives.size();
        for (size_t i = 0; i < activities.size(); ++i)
            CHECK_MESSAGE(matched.count(activities[i].id) == (i < positives ? 1u : 0u), specs[i]);

        std::vector<Activity> reference_matches;
        for (const Activity& a : activities)
            if (reference::node_matches(policy.filter.root, a, std::nullopt)) reference_matches.push_back(a);
        if (!policy.repeated) {
            CHECK(result.ids.size() == reference_matches.size());
            CHECK(result.alerts.size() == reference_matches.size());
        } else {
            std::set<std::string> alerted;
            for (const PolicyAlert& a : result.alerts) alerted.insert(a.user.empty() ? a.ip : lower(a.user));
            CHECK(alerted == groups_with_full_window(reference_matches, *policy.repeated));
            CHECK(!alerted.empty());
        }
    }
}

TEST_CASE("a template whose needed fields are empty in the loaded data names them") {
    ActivityStore store;
    store_activities(store, activities_from_specs({"activity_type=Log on|admin=true"}));
    const PolicyTemplate* admin = find_policy_template("admin_activity_non_corporate_ip.json");
    REQUIRE(admin != nullptr);
    CHECK(missing_fields(store, *admin) == std::vector<std::string>{"ip_category"});
    ActivityStore categorised;
    store_activities(categorised, activities_from_specs({"activity_type=Log on|admin=true|ip_category=Corporate"}));
    CHECK(missing_fields(categorised, *admin).empty());
}
