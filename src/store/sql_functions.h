// Application-defined SQL functions that filters compile to (whole-word matching and the
// like), registered on every store connection.
#pragma once

struct sqlite3;

namespace sightline {

void register_sql_functions(sqlite3* db);

} // namespace sightline
