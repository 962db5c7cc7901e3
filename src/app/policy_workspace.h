// Policies at work on the loaded data: the saved policies (app/policy_book.h) run after every
// change of the data, a policy at a time between frames; their matches fill the
// matched_policies field and their alerts the Alerts panel. The editor's Preview runs one
// unsaved policy the same way. AppModel holds one; the panels and the automation API give
// its commands.
#pragma once

#include "app/activity_log.h"
#include "app/policy_book.h"
#include "app/policy_draft.h"
#include "query/policy_evaluation.h"
#include "store/activity_store.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// An alert of a saved policy as the analyst sees it: what the policy raised, and its status.
struct PolicyAlertView {
    PolicyAlert alert;
    AlertState state;
};

// Whom an alert concerns, as the panels show it: its user, or for a group by IP the address
// and how many users it saw.
std::string alert_subject(const PolicyAlert& alert);

// The log's filter for an alert's activities ("show in the log").
ActivityFilter filter_for_activity_ids(const std::vector<std::string>& ids);

// Where writing a run's matches into matched_policies stands (PolicyWorkspace's last step). At
// namespace scope: clang cannot default-construct a nested struct with member initialisers
// inside an optional member of its enclosing class.
struct PolicyMatchWrite {
    bool started = false;  // the old names are taken out first
    size_t policy = 0, row = 0;
};

class PolicyWorkspace {
public:
    PolicyWorkspace(ActivityStore& store, ActivityLog& log) : store_(store), log_(log) {}

    // --- saved policies ---------------------------------------------------------------
    // Saving or removing runs the saved policies again.
    void save_policy(ActivityPolicy policy);
    std::string remove_policy(std::string_view name);
    const std::vector<ActivityPolicy>& policies() const { return book_.list(); }
    // Restores what the browser's storage kept (PolicyBook::restore) and runs the policies.
    std::string restore(std::string_view json);
    // A settings import's policies and alert statuses (app/settings_transfer.h), then a run.
    void import_book(const PolicyBook& imported, bool replace);
    PolicyBook& book() { return book_; }
    const PolicyBook& book() const { return book_; }

    // --- the run of saved policies ----------------------------------------------------
    void data_changed();                 // the data changed: run every saved policy again
    void stop_for_writing();             // an import begins: the run stops (and restarts after)
    bool step(double budget_ms);         // a slice of the run, then of the preview; true while work remains
    void complete_run();                 // the run now (the automation API's answers are exact)
    bool running() const { return run_index_.has_value(); }
    std::string status() const;          // "Running policies (2 of 5, 40%)", or empty
    const std::vector<PolicyAlertView>& alerts() const { return alerts_; }
    // status is "open", "dismissed" or "resolved"; an error message, empty on success.
    std::string set_alert_status(std::string_view alert_id, std::string_view status, std::string reason = {},
                                 std::optional<std::string> comment = {});
    // The activities of the policy named, from the last run (empty when it matched nothing).
    const std::vector<int64_t>* matched_rowids(std::string_view policy) const;
    uint64_t revision() const { return revision_; }  // moves when alerts or policies change

    // --- the editor's preview ---------------------------------------------------------
    void start_preview(ActivityPolicy policy);
    void cancel_preview() { preview_.reset(); ++revision_; }
    bool previewing() const { return preview_ && !preview_->done(); }
    double preview_progress() const { return preview_ ? preview_->progress() : 0.0; }
    // The last finished preview's result, if any.
    const std::optional<PolicyMatches>& preview_result() const { return preview_result_; }
    void complete_preview();

    // --- the editor's form (app/policy_draft.h) ---------------------------------------
    PolicyDraft& draft() { return draft_; }
    const PolicyDraft& draft() const { return draft_; }
    void edit(PolicyDraft draft);       // a template, a saved policy, or "New policy from search"
    // Each returns the form's error (naming the JSON path), empty when it started or saved.
    std::string preview_draft();
    std::string save_draft();
    const std::string& draft_error() const { return draft_error_; }

private:
    void start_run();
    void finish_run();
    bool write_matched_policies(double budget_ms);  // true while work remains
    void refresh_alert_states();

    ActivityStore& store_;
    ActivityLog& log_;
    PolicyBook book_;
    std::optional<size_t> run_index_;            // the saved policy being evaluated
    std::optional<PolicyEvaluation> evaluation_;
    std::vector<std::pair<std::string, PolicyMatches>> run_results_;   // of the run under way
    std::vector<std::pair<std::string, std::vector<int64_t>>> matched_; // of the last finished run
    std::optional<PolicyMatchWrite> writing_;          // the run's last part: its matches into matched_policies
    std::set<std::string> written_names_;        // policy names this workspace wrote into matched_policies
    std::vector<PolicyAlertView> alerts_;
    std::optional<PolicyEvaluation> preview_;
    std::optional<PolicyMatches> preview_result_;
    PolicyDraft draft_;
    std::string draft_error_;
    uint64_t revision_ = 0;
};

} // namespace sightline
