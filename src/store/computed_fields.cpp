#include "store/computed_fields.h"

#include "model/canonical_fields.h"
#include "store/sqlite_handle.h"

#include <sqlite3.h>

namespace sightline {

std::vector<std::string_view> computed_field_names(ComputedFields fields) {
    std::vector<std::string_view> names;
    for (size_t i = 0; i < kFieldCount; ++i)
        if (fields & (ComputedFields{1} << i)) names.push_back(kFieldTable[i].name);
    return names;
}

void mark_computed(ActivityStore& store, std::span<const int64_t> rowids, ComputedFields fields) {
    sqlite3* db = store.db();
    exec(db, "SAVEPOINT mark_computed");
    try {
        Statement mark = prepare(db, "UPDATE activities SET computed = computed | ?1 WHERE rowid = ?2");
        for (const int64_t rowid : rowids) {
            sqlite3_reset(mark.get());
            sqlite3_bind_int64(mark.get(), 1, static_cast<int64_t>(fields));
            sqlite3_bind_int64(mark.get(), 2, rowid);
            step_row(db, mark.get());
        }
    } catch (...) {
        exec(db, "ROLLBACK TO mark_computed; RELEASE mark_computed");
        throw;
    }
    exec(db, "RELEASE mark_computed");
}

} // namespace sightline
