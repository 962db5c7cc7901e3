#include "app/policy_workspace.h"

#include "store/matched_policies.h"

#include <algorithm>
#include <chrono>

namespace sightline {

std::string alert_subject(const PolicyAlert& alert) {
    if (!alert.user.empty()) return alert.user;
    return alert.ip + " (" + std::to_string(alert.users.size()) + " users)";
}

ActivityFilter filter_for_activity_ids(const std::vector<std::string>& ids) {
    ActivityFilter filter;
    FilterNode node;
    node.kind = FilterNode::Kind::Condition;
    node.condition.field = "id";
    node.condition.op = FilterOp::Eq;
    node.condition.values = ids;
    filter.root.children.push_back(std::move(node));
    return filter;
}

void PolicyWorkspace::save_policy(ActivityPolicy policy) {
    book_.save(std::move(policy));
    start_run();
}

std::string PolicyWorkspace::remove_policy(std::string_view name) {
    std::string error = book_.remove(name);
    if (error.empty()) start_run();
    return error;
}

std::string PolicyWorkspace::restore(std::string_view json) {
    std::string error = book_.restore(json);
    start_run();
    return error;
}

void PolicyWorkspace::import_book(const PolicyBook& imported, bool replace) {
    if (replace) book_.replace_with(imported);
    else book_.merge(imported);
    start_run();
}

void PolicyWorkspace::data_changed() {
    preview_.reset();
    preview_result_.reset();
    start_run();
}

void PolicyWorkspace::stop_for_writing() {
    evaluation_.reset();
    preview_.reset();
    if (writing_) writing_.reset(), run_index_ = 0;  // written again from the start afterwards
    // run_index_ stays set: the run starts again when the data changes or the import is cancelled.
    if (run_index_) run_index_ = 0, run_results_.clear();
}

void PolicyWorkspace::start_run() {
    evaluation_.reset();
    writing_.reset();
    run_results_.clear();
    ++revision_;
    if (book_.list().empty() && written_names_.empty()) {  // nothing to run, nothing to take back
        run_index_.reset();
        matched_.clear();
        alerts_.clear();
        return;
    }
    run_index_ = 0;
}

bool PolicyWorkspace::step(double budget_ms) {
    if (writing_) {
        if (!write_matched_policies(budget_ms)) {
            writing_.reset();
            run_index_.reset();
            ++revision_;
        }
        return true;
    }
    if (run_index_) {
        if (*run_index_ >= book_.list().size()) {
            finish_run();
            return true;
        }
        if (!evaluation_) evaluation_.emplace(store_, book_.list()[*run_index_]);
        if (!evaluation_->step(budget_ms)) {
            run_results_.emplace_back(evaluation_->policy().name, evaluation_->result());
            evaluation_.reset();
            ++*run_index_;
        }
        return true;
    }
    if (preview_) {
        if (!preview_->step(budget_ms)) {
            preview_result_ = preview_->result();
            preview_.reset();
            ++revision_;
        }
        return true;
    }
    return false;
}

void PolicyWorkspace::complete_run() {
    while (run_index_) step(1e9);
}

void PolicyWorkspace::complete_preview() {
    if (preview_) preview_->complete();
    step(0);  // moves the finished preview to its result
}

void PolicyWorkspace::start_preview(ActivityPolicy policy) {
    preview_.emplace(store_, std::move(policy));
    preview_result_.reset();
    ++revision_;
}

std::string PolicyWorkspace::status() const {
    if (!run_index_) return previewing() ? "Previewing the policy (" + std::to_string(int(preview_progress() * 100)) + "%)" : "";
    const size_t total = book_.list().size();
    const size_t at = std::min(*run_index_ + 1, total);
    const int percent = evaluation_ ? static_cast<int>(evaluation_->progress() * 100) : 0;
    return "Running policies (" + std::to_string(at) + " of " + std::to_string(total) + ", " + std::to_string(percent) + "%)";
}

void PolicyWorkspace::finish_run() {
    matched_.clear();
    alerts_.clear();
    for (auto& [name, result] : run_results_) {
        for (PolicyAlert& alert : result.alerts) alerts_.push_back({std::move(alert), {}});
        matched_.emplace_back(name, std::move(result.rowids));
    }
    run_results_.clear();
    std::stable_sort(alerts_.begin(), alerts_.end(), [](const PolicyAlertView& a, const PolicyAlertView& b) {
        return a.alert.last_ms > b.alert.last_ms;  // newest first, as the log
    });
    refresh_alert_states();
    writing_.emplace();  // the run ends when its matches are written (step)
    ++revision_;
}

void PolicyWorkspace::refresh_alert_states() {
    for (PolicyAlertView& view : alerts_) view.state = book_.alert_state(view.alert.id);
}

// The names this workspace wrote before are taken out first, so a removed or renamed policy
// leaves nothing behind; names an import brought (Defender's own Policy column) stay unless a
// saved policy has the same name. Then the matches are inserted a slice at a time, each slice
// committed on its own, so that a million matches do not hold one frame.
bool PolicyWorkspace::write_matched_policies(double budget_ms) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(budget_ms));
    PolicyMatchWrite& at = *writing_;
    if (!at.started) {
        at.started = true;
        std::set<std::string> names = written_names_;
        for (const auto& [name, rowids] : matched_) names.insert(name);
        if (names.empty()) return false;
        log_.stop_for_writing();
        remove_matched_policies(store_, names);
        written_names_.clear();
        for (const auto& [name, rowids] : matched_) written_names_.insert(name);
    }
    const auto out_of_time = [&] { return Clock::now() >= deadline; };
    for (; at.policy < matched_.size(); ++at.policy, at.row = 0) {
        const auto& [name, rowids] = matched_[at.policy];
        at.row = add_matched_policy(store_, name, rowids, at.row, out_of_time);
        if (at.row < rowids.size()) return true;
    }
    log_.data_changed();
    return false;
}

std::string PolicyWorkspace::set_alert_status(std::string_view alert_id, std::string_view status, std::string reason,
                                              std::optional<std::string> comment) {
    AlertState state;
    if (!parse_alert_status(status, state.status))
        return "status must be \"open\", \"dismissed\" or \"resolved\", not \"" + std::string(status) + "\"";
    auto it = std::find_if(alerts_.begin(), alerts_.end(),
                           [&](const PolicyAlertView& v) { return v.alert.id == alert_id; });
    if (it == alerts_.end()) return "no alert with id \"" + std::string(alert_id) + "\"";
    if (state.status == AlertStatus::Dismissed) state.reason = std::move(reason);
    state.comment = comment ? std::move(*comment) : it->state.comment;
    book_.set_alert_state(it->alert.id, state);
    it->state = std::move(state);
    ++revision_;
    return {};
}

const std::vector<int64_t>* PolicyWorkspace::matched_rowids(std::string_view policy) const {
    for (const auto& [name, rowids] : matched_)
        if (name == policy) return &rowids;
    return nullptr;
}

} // namespace sightline

namespace sightline {

void PolicyWorkspace::edit(PolicyDraft draft) {
    draft_ = std::move(draft);
    draft_error_.clear();
    cancel_preview();
    preview_result_.reset();
}

std::string PolicyWorkspace::preview_draft() {
    PolicyParseResult parsed = draft_.to_policy();
    draft_error_ = parsed.error;
    if (parsed.policy) start_preview(std::move(*parsed.policy));
    return draft_error_;
}

std::string PolicyWorkspace::save_draft() {
    PolicyParseResult parsed = draft_.to_policy();
    draft_error_ = parsed.error;
    if (parsed.policy) save_policy(std::move(*parsed.policy));
    return draft_error_;
}

} // namespace sightline
