#include "app/insight_policy_counts.h"

#include "query/activity_query.h"
#include "text/word_match.h"
#include "util/ip_address.h"

#include <algorithm>
#include <string>

namespace sightline {
namespace {

bool alert_concerns(const PolicyAlert& alert, InsightSubject subject, std::string_view value) {
    if (subject == InsightSubject::Ip) return !alert.ip.empty() && equals_ci(alert.ip, value);
    if (equals_ci(alert.user, value)) return true;
    return std::any_of(alert.users.begin(), alert.users.end(), [&](const std::string& u) { return equals_ci(u, value); });
}

FilterNode condition(std::string field, FilterOp op, std::vector<std::string> values) {
    FilterNode node;
    node.kind = FilterNode::Kind::Condition;
    node.condition.field = std::move(field);
    node.condition.op = op;
    node.condition.values = std::move(values);
    return node;
}

} // namespace

PolicyCounts policy_counts(const PolicyWorkspace& policies, const ActivityStore& store, InsightSubject subject,
                           std::string_view value, const InsightWindow& window) {
    PolicyCounts counts;
    if (window.empty || value.empty()) return counts;
    const std::string subject_value = subject == InsightSubject::Ip ? normalize_ip_text(value) : std::string(value);
    for (const PolicyAlertView& view : policies.alerts())
        if (view.state.status == AlertStatus::Open && view.alert.last_ms >= window.start_ms &&
            view.alert.first_ms <= window.end_ms && alert_concerns(view.alert, subject, subject_value))
            ++counts.open_alerts;
    // The window is the insights' own: the last 30 days before the newest activity.
    ActivityFilter filter;
    filter.root.children.push_back(condition(subject == InsightSubject::Ip ? "ip" : "user", FilterOp::Eq, {subject_value}));
    filter.root.children.push_back(condition("time", FilterOp::LastDays, {std::to_string(kInsightDays)}));
    filter.root.children.push_back(condition("matched_policies", FilterOp::IsSet, {}));
    counts.matches = count_matching(store, filter);
    return counts;
}

void add_policy_counts(const PolicyWorkspace& policies, const ActivityStore& store, EntityInsights& insights) {
    const PolicyCounts counts = policy_counts(policies, store, insights.subject, insights.asked, insights.window);
    insights.open_alerts = counts.open_alerts;
    insights.matches = counts.matches;
}

} // namespace sightline
