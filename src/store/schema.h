// The SQLite schema of the activity store. One table row per activity; list fields live in
// side tables keyed by the activity's rowid so that "tag equals X" is an indexed lookup.
#pragma once

struct sqlite3;

namespace sightline {

void create_schema(sqlite3* db);

// The secondary indexes the filters use. Built after a bulk load (inserting into indexed
// tables is several times slower) and idempotent.
void create_filter_indexes(sqlite3* db);

} // namespace sightline
