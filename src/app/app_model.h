// The application model: the loaded data and every command the analyst can give. Its parts
// each hold one concern: the activity log with its filter, sort and background work
// (app/activity_log.h), the settings storage keeps (app/analyst_settings.h), the import
// (app/import_job.h) and the marks and drawer here. The ImGui panels, keyboard shortcuts and
// the JavaScript automation API all act through these commands, so they cannot drift apart.
#pragma once

#include "app/activity_log.h"
#include "app/analyst_settings.h"
#include "app/csv_export_session.h"
#include "app/drawer_insights.h"
#include "app/import_session.h"
#include "app/insight_policy_counts.h"
#include "app/ip_location_source.h"
#include "app/ip_range_table.h"
#include "app/policy_workspace.h"
#include "app/settings_transfer.h"
#include "app/user_agent_enrichment_job.h"
#include "query/sql_console.h"
#include "store/activity_store.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sightline {

class AppModel : private ImportSessionListener {
public:
    static constexpr int64_t kSearchInSlicesAbove = ActivityLog::kSearchInSlicesAbove;
    explicit AppModel(int64_t search_in_slices_above = kSearchInSlicesAbove);

    const ActivityStore& store() const { return store_; }
    ActivityStore& store() { return store_; }
    // The log's filter, sort, view and background work (app/activity_log.h).
    ActivityLog& log() { return log_; }
    const ActivityLog& log() const { return log_; }
    // Saved queries and what else storage keeps (app/analyst_settings.h).
    AnalystSettings& settings() { return settings_; }
    const AnalystSettings& settings() const { return settings_; }
    // Saved policies, their run over the data, alerts and the editor's preview (app/policy_workspace.h).
    PolicyWorkspace& policies() { return policies_; }
    const PolicyWorkspace& policies() const { return policies_; }

    // --- commands over the data -----------------------------------------------------------
    void load_demo_data();
    void clear_activities();
    // Call after anything wrote to the store outside these commands.
    void data_changed() {
        log_.data_changed();
        policies_.data_changed();
    }
    // Sets the filter to a saved or suggested query; an error message, empty on success.
    std::string apply_query(std::string_view name);
    // The power users' read-only SQL box.
    void run_sql(std::string_view sql);

    // The log's background work, which waits while an import writes the store: see
    // ActivityLog. complete_view() finishes the id list at once (the automation API's answers
    // are exact); complete_indexes() builds every missing index now.
    bool do_background_work(double budget_ms);
    void complete_view();
    void complete_indexes();
    std::string background_status() const {
        std::string log_status = log_.background_status(importing());
        if (!log_status.empty() || importing()) return log_status;
        return user_agents_.running() ? user_agents_.status() : policies_.status();
    }
    // User-agent enrichment (app/user_agent_enrichment_job.h), started after each import and
    // the demo, run with the background work; complete_enrichment() finishes it now.
    const UserAgentEnrichmentJob& user_agent_enrichment() const { return user_agents_; }
    void complete_enrichment();

    // Importing: the session (app/import_session.h) makes every decision of an import and
    // holds its state (the job, the mapping prompt, remembered mappings, the last reports); the
    // UI, the page's exports, the CLI and the tests give its commands. Files the analyst opens
    // replace the demo data rather than mix with it.
    ImportSession& import_session() { return import_session_; }
    const ImportSession& import_session() const { return import_session_; }

    // The CSV export (app/csv_export_session.h): its job runs with the background work.
    CsvExportSession& csv_export() { return csv_export_; }
    const CsvExportSession& csv_export() const { return csv_export_; }

    // --- marks and the drawer -------------------------------------------------------------
    // The analyst's marks on one activity (a star, tags, a comment); an unset part is left as
    // it is. Returns an error message, empty on success.
    struct Marks {
        std::optional<bool> starred;
        std::optional<std::vector<std::string>> tags;
        std::optional<std::string> comment;
    };
    std::string mark_activity(std::string_view id, const Marks& marks);
    // The activity drawer: every field and the raw record of one activity.
    void open_activity(std::string_view id);
    void close_activity();
    const std::optional<Activity>& opened_activity() const { return open_activity_; }
    // The opened activity's user and IP insights, worked out between frames
    // (app/drawer_insights.h); complete_drawer_insights() finishes them now.
    const DrawerInsights& drawer_insights() const { return drawer_insights_; }
    void complete_drawer_insights() { drawer_insights_.complete(store_); }
    // The drawer's Open alerts and Matches (app/insight_policy_counts.h), counted again only
    // when the policies' answers or the data change.
    PolicyCounts drawer_policy_counts(InsightSubject subject, std::string_view value, const InsightWindow& window) const;

    // --- IP address ranges (app/ip_range_table.h; these commands: app/app_model_ip_ranges.cpp)
    // Each changes the analyst's ranges and rewrites ip_category, ip_tags, isp and country of
    // every matching activity at once (the exported values come back when no range covers an
    // activity any more), and is one undo step. An error message, empty on success.
    std::string set_ip_range(const IpRangeDefinition& range, std::string_view editing = {});
    std::string remove_ip_range(std::string_view name);
    // The drawer's Set as Corporate / VPN / Risky IP: edits the one-address range of `ip`, or
    // creates one named after the address.
    std::string set_ip_as(std::string_view ip, std::string_view category);
    std::string undo_ip_ranges();
    bool can_undo_ip_ranges() const { return !ip_range_undo_.empty(); }
    const IpRangeTable& ip_ranges() const { return ip_ranges_; }
    // The ranges storage kept, applied; not a change and not undoable. What could not be restored.
    std::string restore_ip_ranges(std::string_view json);

    // --- settings export and import (app/settings_transfer.h; app/app_model_settings.cpp)
    std::string export_settings() const;
    // Everything the document holds, or nothing: an error (which part, which entry, why) and
    // no change. Imported IP ranges are one undo step and rewrite the activities they cover;
    // imported policies run again.
    std::string import_settings(std::string_view json, SettingsImportMode mode);

    // --- the offline IP location (app/ip_location_source.h; app/app_model_ip_location.cpp) --
    // The table, once the page fetched it or the CLI read it; null until then.
    const IpLocationTable* ip_location_table() const { return ip_location_.table.get(); }
    const IpLocationSource& ip_location_source() const { return ip_location_; }
    void set_ip_location_table(std::shared_ptr<const IpLocationTable> table);
    // Loading, Failed or Off, with the reason (Failed, Off) shown in the About box.
    void set_ip_location_unavailable(IpLocationSource::State state, std::string why);
    // Whether the table should be loaded now: nothing has asked for it yet, no import is running,
    // the analyst's own files are shown, and some activity has an IP but no country or ISP.
    bool ip_location_wanted() const;

    // --- state the UI draws ---------------------------------------------------------------
    bool showing_demo_data() const override { return demo_loaded_; }
    const SqlConsoleResult& sql_result() const { return sql_result_; }

private:
    bool importing() const { return import_session_.running(); }
    // What the import session tells the model (ImportSessionListener; showing_demo_data() is
    // the public one above).
    void import_starting() override {
        stop_readers(Writing::Rows);
        user_agents_.stop(); // it starts again over the new rows when the import ends
    }
    void import_ended(bool committed, bool replaced_demo) override;
    void mapping_prompt_changed() override { log_.touch(); }
    void mapping_remembered() override { settings_.note_change(); }

    // The store is about to be written: every reader (the log, the export, the policies' run)
    // stops first, as no read statement may stay open while it is. For All (the data replaced
    // as a whole: cleared, the demo loaded) the log's reading stops where it is; for Rows it
    // finishes first.
    enum class Writing { Rows, All };
    void stop_readers(Writing writing);
    void enrichment_finished(); // the filled fields show: the drawer, the log, the policies
    std::string change_ip_ranges(IpRangeTable changed); // one undo step
    void apply_ip_ranges(); // after any change of the ranges or the data

    ActivityStore store_;
    ActivityLog log_;
    AnalystSettings settings_;
    PolicyWorkspace policies_{store_, log_};
    bool demo_loaded_ = false;
    ImportSession import_session_{store_, *this};
    CsvExportSession csv_export_{store_};
    UserAgentEnrichmentJob user_agents_;
    std::optional<Activity> open_activity_;
    DrawerInsights drawer_insights_;
    SqlConsoleResult sql_result_;
    struct PolicyCountsKept {
        InsightSubject subject;
        std::string value;
        uint64_t policies_revision, data_generation;
        int64_t window_start;
        PolicyCounts counts;
    };
    mutable std::optional<PolicyCountsKept> drawer_policy_counts_;
    IpRangeTable ip_ranges_;
    std::vector<IpRangeTable> ip_range_undo_; // the tables before each change, oldest first
    IpLocationSource ip_location_;
};

} // namespace sightline
