// The SQLite schema of the activity store. One table row per activity; list fields live in
// side tables keyed by the activity's rowid so that "tag equals X" is an indexed lookup.
#pragma once

#include <string>
#include <vector>

struct sqlite3;

namespace sightline {

// Must run on an empty database: it also sets the page size, which only applies before the
// first table is created.
void create_schema(sqlite3* db);

// One secondary index the filters use.
struct FilterIndex {
    std::string name;
    std::string create_sql;   // CREATE INDEX IF NOT EXISTS ...
};

// The filter indexes in the order they are worth building: the time index first (it alone
// makes the first page, the count and the timeline fast), then the most filtered fields.
// They are built after a bulk load (inserting into indexed tables is several times slower).
const std::vector<FilterIndex>& filter_indexes();

// Builds every missing filter index and refreshes the planner's statistics, in one go.
// store/index_builder.h does the same one step at a time.
void create_filter_indexes(sqlite3* db);

} // namespace sightline
