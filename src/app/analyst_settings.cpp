#include "app/analyst_settings.h"

namespace sightline {

std::string AnalystSettings::changed_unless(std::string error) {
    if (error.empty()) ++revision_;
    return error;
}

std::string AnalystSettings::save_query_as(std::string_view name, const ActivityFilter& filter) {
    return changed_unless(saved_queries_.save_as(name, filter));
}

std::string AnalystSettings::rename_query(std::string_view from, std::string_view to) {
    return changed_unless(saved_queries_.rename(from, to));
}

std::string AnalystSettings::delete_query(std::string_view name) {
    return changed_unless(saved_queries_.remove(name));
}

void AnalystSettings::import_saved_queries(const SavedQueries& imported, bool replace) {
    if (replace) saved_queries_ = imported;
    else saved_queries_.merge(imported);
    ++revision_;
}

std::string AnalystSettings::restore_saved_queries(std::string_view json) {
    SavedQueriesLoad loaded = SavedQueries::from_json(json);
    saved_queries_ = std::move(loaded.queries);
    return loaded.error;
}

} // namespace sightline
