// What the analyst configured that must outlive the page: today the saved queries (the
// remembered column mappings live with the import). Every change bumps revision(), which the
// browser layer watches to write the settings to storage.
#pragma once

#include "app/saved_queries.h"
#include "filter/activity_filter.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace sightline {

class AnalystSettings {
public:
    // Each returns an error message, empty on success, and changes nothing on failure.
    std::string save_query_as(std::string_view name, const ActivityFilter& filter);
    std::string rename_query(std::string_view from, std::string_view to);
    std::string delete_query(std::string_view name);
    // Restores saved queries from storage; returns what could not be restored, if anything.
    // Not a change: what was restored is what storage holds.
    std::string restore_saved_queries(std::string_view json);
    // A settings import's queries (app/settings_transfer.h): in place of these, or merged. A change.
    void import_saved_queries(const SavedQueries& imported, bool replace);

    const SavedQueries& saved_queries() const { return saved_queries_; }
    // Something else the analyst configured changed (a remembered mapping).
    void note_change() { ++revision_; }
    // Increases when anything the analyst configured changes (what storage must keep).
    uint64_t revision() const { return revision_; }

private:
    // Bumps the revision when `error` is empty, and passes it on.
    std::string changed_unless(std::string error);

    SavedQueries saved_queries_;
    uint64_t revision_ = 0;
};

} // namespace sightline
