// PolicyEvaluation: match (the column copy in one go when it can answer, else SQL a slice at
// a time), read what the alerts need of each match, then group and raise the alerts.
#include "query/policy_evaluation.h"

#include "query/activity_query.h"
#include "text/word_match.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace sightline {
namespace {

using Clock = std::chrono::steady_clock;

Clock::time_point deadline_after(double budget_ms) {
    return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(budget_ms));
}

// FNV-1a: a short, stable id that does not depend on the order policies ran in.
std::string alert_id(std::string_view policy, std::string_view group, std::string_view first_id) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](std::string_view part) {
        for (unsigned char c : part) h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull;  // a separator, so ("ab","c") and ("a","bc") differ
    };
    mix(policy), mix(group), mix(first_id);
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

void add_distinct(std::vector<std::string>& list, const std::string& value) {
    if (value.empty()) return;
    for (const std::string& v : list)
        if (equals_ci(v, value)) return;
    list.push_back(value);
}

PolicyAlert alert_over(const ActivityPolicy& policy, const std::vector<const PolicyEvaluation::Row*>& rows,
                       RowRange range, std::string_view group) {
    PolicyAlert alert;
    alert.policy = policy.name;
    alert.severity = policy.severity;
    const bool by_ip = policy.repeated && policy.repeated->group_by == RepeatedActivity::GroupBy::Ip;
    const PolicyEvaluation::Row& first = *rows[range.begin];
    alert.first_ms = first.time_ms;
    alert.last_ms = rows[range.end - 1]->time_ms;
    alert.ip = first.ip;
    alert.app = first.app;
    if (!by_ip) alert.user = first.user;
    for (size_t i = range.begin; i < range.end; ++i) {
        const PolicyEvaluation::Row& row = *rows[i];
        alert.activity_ids.push_back(row.id);
        add_distinct(alert.users, row.user);
        if (row.app != alert.app) alert.app.clear();
        if (!by_ip && row.ip != alert.ip) alert.ip.clear();
    }
    alert.id = alert_id(policy.name, group, first.id);
    return alert;
}

std::string group_key(const ActivityPolicy& policy, const PolicyEvaluation::Row& row) {
    const RepeatedActivity& rule = *policy.repeated;
    std::string key = rule.group_by == RepeatedActivity::GroupBy::Ip ? row.ip : lower_ascii(row.user);
    if (key.empty()) return key;  // an activity nobody can be named for is not counted
    if (rule.single_app) key.append(1, '\x1f').append(row.app);
    return key;
}

} // namespace

PolicyEvaluation::PolicyEvaluation(const ActivityStore& store, ActivityPolicy policy)
    : store_(store), policy_(std::move(policy)), store_rows_(store.count()) {
    if (auto rowids = column_matching_rowids(store_, policy_.filter, default_sort())) {
        newest_first_ = std::move(*rowids);
        phase_ = Phase::Read;
    } else {
        reader_.emplace(store_, policy_.filter, default_sort());
    }
}

double PolicyEvaluation::progress() const {
    switch (phase_) {
    case Phase::Match:
        return store_rows_ ? 0.5 * static_cast<double>(newest_first_.size()) / static_cast<double>(store_rows_) : 0.0;
    case Phase::Read:
        return 0.5 + 0.45 * (newest_first_.empty() ? 1.0 : static_cast<double>(rows_read_) / newest_first_.size());
    case Phase::Alerts: return 0.95;
    case Phase::Done: return 1.0;
    }
    return 0.0;
}

bool PolicyEvaluation::step(double budget_ms) {
    if (phase_ == Phase::Match) {
        if (!reader_->read(newest_first_, budget_ms)) {
            reader_.reset();
            phase_ = Phase::Read;
        }
        return true;
    }
    if (phase_ == Phase::Read) {
        read_rows(budget_ms);
        if (rows_read_ == newest_first_.size()) phase_ = Phase::Alerts;
        return true;
    }
    if (phase_ == Phase::Alerts) {
        raise_alerts();
        phase_ = Phase::Done;
    }
    return false;
}

// Reads the matches oldest first (the reverse of the default newest-first order).
void PolicyEvaluation::read_rows(double budget_ms) {
    const auto deadline = deadline_after(budget_ms);
    Statement row_st = prepare(store_.db(), "SELECT id, time, user, ip, app FROM activities WHERE rowid = ?");
    Statement objects_st;
    const bool need_objects = policy_.repeated && policy_.repeated->unique_targets;
    if (need_objects) objects_st = prepare(store_.db(), "SELECT value FROM activity_objects WHERE activity = ?");
    const size_t n = newest_first_.size();
    while (rows_read_ < n) {
        Row row;
        row.rowid = newest_first_[n - 1 - rows_read_];
        sqlite3_reset(row_st.get());
        sqlite3_bind_int64(row_st.get(), 1, row.rowid);
        if (step_row(store_.db(), row_st.get())) {
            row.id = column_text(row_st.get(), 0);
            row.time_ms = sqlite3_column_int64(row_st.get(), 1);
            row.user = column_text(row_st.get(), 2);
            row.ip = column_text(row_st.get(), 3);
            row.app = column_text(row_st.get(), 4);
        }
        if (need_objects) {
            sqlite3_reset(objects_st.get());
            sqlite3_bind_int64(objects_st.get(), 1, row.rowid);
            while (step_row(store_.db(), objects_st.get())) row.objects.push_back(column_text(objects_st.get(), 0));
        }
        rows_.push_back(std::move(row));
        if ((++rows_read_ & 255) == 0 && Clock::now() >= deadline) break;
    }
}

void PolicyEvaluation::raise_alerts() {
    std::vector<PolicyAlert> alerts;
    std::vector<const Row*> matched;
    if (!policy_.repeated) {
        std::vector<const Row*> one(1);
        for (const Row& row : rows_) {
            one[0] = &row;
            alerts.push_back(alert_over(policy_, one, {0, 1}, lower_ascii(row.user)));
            matched.push_back(&row);
        }
    } else {
        // std::map: groups in a fixed order, so the alerts' order never depends on hashing.
        std::map<std::string, std::vector<const Row*>> groups;
        for (const Row& row : rows_)
            if (std::string key = group_key(policy_, row); !key.empty()) groups[key].push_back(&row);
        for (const auto& [key, rows] : groups)
            for (RowRange burst : find_bursts(rows, *policy_.repeated)) {
                alerts.push_back(alert_over(policy_, rows, burst, key));
                for (size_t i = burst.begin; i < burst.end; ++i) matched.push_back(rows[i]);
            }
        std::sort(matched.begin(), matched.end(), [](const Row* a, const Row* b) {
            return a->time_ms != b->time_ms ? a->time_ms < b->time_ms : a->rowid < b->rowid;
        });
        std::stable_sort(alerts.begin(), alerts.end(),
                         [](const PolicyAlert& a, const PolicyAlert& b) { return a.first_ms < b.first_ms; });
    }
    for (const Row* row : matched) {
        result_.rowids.push_back(row->rowid);
        result_.ids.push_back(row->id);
    }
    // The daily limit counts alerts by the UTC day of their first activity.
    std::unordered_map<int64_t, int64_t> per_day;
    for (PolicyAlert& alert : alerts) {
        int64_t day = alert.first_ms >= 0 ? alert.first_ms / 86400000 : (alert.first_ms + 1) / 86400000 - 1;
        if (++per_day[day] > policy_.daily_alert_limit) ++result_.alerts_over_daily_limit;
        else result_.alerts.push_back(std::move(alert));
    }
    rows_.clear();
    rows_.shrink_to_fit();
}

PolicyMatches evaluate_policy(const ActivityStore& store, const ActivityPolicy& policy) {
    PolicyEvaluation evaluation(store, policy);
    evaluation.complete();
    return evaluation.result();
}

} // namespace sightline
