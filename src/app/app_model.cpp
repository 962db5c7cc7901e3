#include "app/app_model.h"

#include "app/suggested_queries.h"
#include "demo/demo_generator.h"
#include "store/activity_marks.h"

#include <stdexcept>

namespace sightline {

AppModel::AppModel(int64_t search_in_slices_above) : log_(store_, search_in_slices_above) {}

void AppModel::complete_view() {
    if (importing()) return; // the view waits for the import, whose rows are not committed
    log_.complete_view();
}

void AppModel::complete_indexes() {
    if (importing()) return;
    log_.complete_indexes();
}

bool AppModel::do_background_work(double budget_ms) {
    if (importing()) return false; // the view and the indexes wait: the store is being written
    // A running export has the slice; the log's work goes on when it is done.
    if (csv_export_.running()) return csv_export_.step(budget_ms) || log_.do_background_work(0);
    // The drawer's insights first: the analyst is looking at them. A finished job redraws.
    bool finished = false;
    const bool worked = drawer_insights_.step(store_, finished);
    if (finished) log_.touch();
    if (worked) return true;
    // User agents once the log's first view stands (the log is browsable), before the column
    // copy is built, which each slice's write would make stale again.
    if (user_agents_.running() && log_.view_complete()) {
        stop_readers(Writing::Rows);
        if (!user_agents_.step(store_, budget_ms)) enrichment_finished();
        else log_.touch(); // the status bar's progress, and rows that filled in
        return true;
    }
    // Saved policies run once the fast filters answer them, before the indexes are built.
    if (policies_.running() && log_.view_complete() && log_.fast_filters_ready()) return policies_.step(budget_ms);
    if (log_.do_background_work(budget_ms)) return true;
    return policies_.step(budget_ms);
}

void AppModel::complete_enrichment() {
    if (importing() || !user_agents_.running()) return;
    stop_readers(Writing::Rows);
    user_agents_.complete(store_);
    enrichment_finished();
}

void AppModel::enrichment_finished() {
    if (open_activity_) open_activity(open_activity_->id);
    data_changed(); // the log, and the saved policies, which may read the filled fields
}

void AppModel::stop_readers(Writing writing) {
    csv_export_.stop_for_writing();
    policies_.stop_for_writing();
    if (writing == Writing::All) log_.stop_reading();
    else log_.stop_for_writing();
}

void AppModel::load_demo_data() {
    stop_readers(Writing::All);
    ActivityWriter writer(store_);
    for (const Activity& activity : generate_demo_activities()) writer.insert(activity);
    writer.commit();
    demo_loaded_ = true;
    apply_ip_ranges(); // and the data changed
    user_agents_.start(store_);
}

std::string AppModel::apply_query(std::string_view name) {
    if (const ActivityFilter* saved = settings_.saved_queries().find(name)) {
        log_.set_filter(*saved);
        return {};
    }
    if (const NamedQuery* suggested = find_suggested_query(name)) {
        log_.set_filter(suggested->filter);
        return {};
    }
    return "no query named \"" + std::string(name) + "\"";
}

void AppModel::run_sql(std::string_view sql) { sql_result_ = run_readonly_sql(store_, sql, 1000); }

std::string AppModel::mark_activity(std::string_view id, const Marks& marks) {
    if (importing()) return "wait for the import to finish";
    if (!store_.find_by_id(id, false)) return "no activity with id \"" + std::string(id) + "\"";
    log_.finish_reading();
    csv_export_.finish_selecting();
    if (marks.starred) set_starred(store_, id, *marks.starred);
    if (marks.tags) set_tags(store_, id, *marks.tags);
    if (marks.comment) set_comment(store_, id, *marks.comment);
    if (open_activity_ && open_activity_->id == id) open_activity(id);
    log_.refresh(); // a filter on marks may now select different rows
    return {};
}

void AppModel::open_activity(std::string_view id) {
    open_activity_ = store_.find_by_id(id, true);
    if (open_activity_) drawer_insights_.open(*open_activity_);
    else drawer_insights_.close();
}

void AppModel::close_activity() {
    open_activity_.reset();
    drawer_insights_.close();
}

void AppModel::clear_activities() {
    close_activity();
    stop_readers(Writing::All);
    user_agents_.stop();
    store_.clear();
    demo_loaded_ = false;
    data_changed();
}

void AppModel::import_ended(bool committed, bool replaced_demo) {
    if (!committed) {
        log_.refresh(); // the dialogs close; a search the import interrupted starts again
        return;
    }
    if (replaced_demo) {
        demo_loaded_ = false;
        close_activity();
    }
    apply_ip_ranges(); // the new rows get the analyst's ranges too; the data changed
    user_agents_.start(store_);
}

PolicyCounts AppModel::drawer_policy_counts(InsightSubject subject, std::string_view value,
                                            const InsightWindow& window) const {
    const PolicyCountsKept* kept = drawer_policy_counts_ ? &*drawer_policy_counts_ : nullptr;
    if (kept && kept->subject == subject && kept->value == value && kept->policies_revision == policies_.revision() &&
        kept->data_generation == store_.data_generation() && kept->window_start == window.start_ms)
        return kept->counts;
    const PolicyCounts counts = policy_counts(policies_, store_, subject, value, window);
    drawer_policy_counts_ = PolicyCountsKept{subject, std::string(value), policies_.revision(), store_.data_generation(),
                                             window.start_ms, counts};
    return counts;
}

} // namespace sightline
