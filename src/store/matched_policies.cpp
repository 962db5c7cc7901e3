#include "store/matched_policies.h"

#include "store/sqlite_handle.h"

#include <sqlite3.h>

namespace sightline {

void remove_matched_policies(ActivityStore& store, const std::set<std::string>& names) {
    sqlite3* db = store.db();
    Statement remove = prepare(db, "DELETE FROM activity_matched_policies WHERE value = ?");
    exec(db, "SAVEPOINT policy_matches");
    for (const std::string& name : names) {
        sqlite3_reset(remove.get());
        bind_text(remove.get(), 1, name);
        step_row(db, remove.get());
    }
    exec(db, "RELEASE policy_matches");
}

size_t add_matched_policy(ActivityStore& store, std::string_view name, std::span<const int64_t> rowids, size_t from,
                          const std::function<bool()>& out_of_time) {
    sqlite3* db = store.db();
    Statement insert = prepare(db, "INSERT INTO activity_matched_policies (activity, value) VALUES (?, ?)");
    exec(db, "SAVEPOINT policy_matches");
    size_t row = from;
    for (; row < rowids.size(); ++row) {
        sqlite3_reset(insert.get());
        sqlite3_bind_int64(insert.get(), 1, rowids[row]);
        bind_text(insert.get(), 2, name);
        step_row(db, insert.get());
        if ((row & 1023) == 1023 && out_of_time()) {
            ++row;
            break;
        }
    }
    exec(db, "RELEASE policy_matches");
    return row;
}

} // namespace sightline
