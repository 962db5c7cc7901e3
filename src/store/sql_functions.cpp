#include "store/sql_functions.h"

namespace sightline {

void register_sql_functions(sqlite3*) {}

} // namespace sightline
