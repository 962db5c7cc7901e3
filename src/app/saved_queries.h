// The analyst's saved queries: named filters kept in the browser (localStorage) between
// visits. Names are trimmed, 1..100 characters, and unique ignoring ASCII case, so the
// Queries menu never shows two entries a reader cannot tell apart.
#pragma once

#include "app/suggested_queries.h"
#include "filter/activity_filter.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct SavedQueriesLoad;

class SavedQueries {
public:
    static constexpr size_t kMaxNameChars = 100;

    // Each command returns an empty string on success, else a message for the analyst, and
    // changes nothing when it fails.
    std::string save_as(std::string_view name, const ActivityFilter& filter);  // a new name only
    std::string replace(std::string_view name, const ActivityFilter& filter);  // an existing name only
    std::string rename(std::string_view from, std::string_view to);
    std::string remove(std::string_view name);
    // Adds `other`'s queries; one with the name of one of these takes its place (a settings import).
    void merge(const SavedQueries& other);

    // Looks names up trimmed and ignoring ASCII case, as they are compared when saving.
    const ActivityFilter* find(std::string_view name) const;
    const std::vector<NamedQuery>& list() const { return queries_; }  // sorted by name, ignoring case
    size_t size() const { return queries_.size(); }
    bool empty() const { return queries_.empty(); }

    // {"version": 1, "queries": [{"name": "...", "filter": {"all": [...]}}, ...]}
    std::string to_json() const;
    // Never throws. Unreadable JSON gives an empty set and an error; an entry whose name or
    // filter is no longer valid (say, a field later renamed) is left out and named in the
    // error while the others load, so one bad entry does not cost the analyst all of them.
    static SavedQueriesLoad from_json(std::string_view json);

private:
    std::vector<NamedQuery>::iterator find_slot(std::string_view trimmed_name);
    std::vector<NamedQuery>::const_iterator find_slot(std::string_view trimmed_name) const;
    void insert_sorted(NamedQuery query);

    std::vector<NamedQuery> queries_;
};

struct SavedQueriesLoad {
    SavedQueries queries;
    std::string error;  // empty when everything stored was loaded
};

// The name as it will be stored (trimmed), or the reason it cannot be used, in `error`.
struct QueryNameCheck {
    std::string name;
    std::string error;
};
QueryNameCheck check_query_name(std::string_view name);

} // namespace sightline
