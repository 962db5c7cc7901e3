// Evaluating an activity policy over the loaded history: which activities match its filter
// and which alerts it raises. A filter-only policy raises one alert per match; a repeated-
// activity policy slides a window of `minutes` over each group's matches (a user compared
// without case, or a source IP; per app when single_app) and raises one alert per burst of at
// least `min` activities (or distinct users, or distinct target objects) inside one window.
// Both honour the daily alert limit. The work runs in slices (step) so the page keeps drawing.
#pragma once

#include "filter/activity_policy.h"
#include "filter/filter_sql.h"
#include "query/matching_rowid_reader.h"
#include "store/activity_store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sightline {

struct PolicyAlert {
    std::string id;       // stable across reloads of the same data: a hash of policy, group and first activity
    std::string policy;
    PolicySeverity severity = PolicySeverity::Medium;
    std::string user;     // the user the alert concerns (empty for a group by IP)
    std::string ip;       // the source IP (a group by IP, or the one activity's)
    std::vector<std::string> users;  // distinct users, in order of first appearance
    std::string app;      // the app when all activities share one
    int64_t first_ms = 0;
    int64_t last_ms = 0;
    std::vector<std::string> activity_ids;  // oldest first
};

struct PolicyMatches {
    std::vector<int64_t> rowids;            // the matched activities (oldest first)
    std::vector<std::string> ids;           // their activity ids, in the same order
    std::vector<PolicyAlert> alerts;        // oldest first alert first, within the daily limit
    int64_t alerts_over_daily_limit = 0;    // alerts the limit held back
};

class PolicyEvaluation {
public:
    // The store must not be written while the evaluation runs (the caller stops it first).
    PolicyEvaluation(const ActivityStore& store, ActivityPolicy policy);
    // Works for about `budget_ms`; true while work remains.
    bool step(double budget_ms);
    void complete() { while (step(1e9)) {} }
    bool done() const { return phase_ == Phase::Done; }
    double progress() const;  // 0..1
    const ActivityPolicy& policy() const { return policy_; }
    const PolicyMatches& result() const { return result_; }

    // One matching activity, as the window needs it.
    struct Row {
        int64_t rowid = 0;
        int64_t time_ms = 0;
        std::string id, user, ip, app;
        std::vector<std::string> objects;   // read only for unique_targets
    };

private:
    enum class Phase { Match, Read, Alerts, Done };
    void read_rows(double budget_ms);
    void raise_alerts();

    const ActivityStore& store_;
    ActivityPolicy policy_;
    Phase phase_ = Phase::Match;
    std::optional<MatchingRowidReader> reader_;
    std::vector<int64_t> newest_first_;
    std::vector<Row> rows_;               // oldest first
    size_t rows_read_ = 0;
    int64_t store_rows_ = 0;
    PolicyMatches result_;
};

// Evaluates in one go (tests, the automation API's testPolicy, the CLI).
PolicyMatches evaluate_policy(const ActivityStore& store, const ActivityPolicy& policy);

// The bursts of one group's rows (oldest first) under a repeated rule, as index ranges
// [begin, end) into `rows`. Exposed for the window's unit tests.
struct RowRange {
    size_t begin = 0, end = 0;
};
std::vector<RowRange> find_bursts(const std::vector<const PolicyEvaluation::Row*>& rows, const RepeatedActivity& rule);

} // namespace sightline
