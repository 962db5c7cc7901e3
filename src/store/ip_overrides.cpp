#include "store/ip_overrides.h"

#include <sqlite3.h>

#include <array>

namespace sightline {
namespace {

// The fields a range can change that the column copy keeps (FieldCopy::Coded); ip_tags is a
// list, which the copy leaves to SQL.
constexpr std::array<std::string_view, 3> kCopiedFields = {"ip_category", "isp", "country"};

void restore_exported_values(sqlite3* db) {
    exec(db, "UPDATE activities SET ip_category = e.ip_category, isp = e.isp, country = e.country "
             "FROM exported_ip_values AS e WHERE activities.rowid = e.activity");
    exec(db, "DELETE FROM activity_ip_tags WHERE activity IN (SELECT activity FROM exported_ip_values)");
    exec(db, "INSERT INTO activity_ip_tags (activity, value) SELECT activity, value FROM exported_ip_tags ORDER BY rowid");
    exec(db, "DELETE FROM exported_ip_values");
    exec(db, "DELETE FROM exported_ip_tags");
}

void bind_range(sqlite3_stmt* st, int first_index, const IpRange& range) {
    sqlite3_bind_blob(st, first_index, range.first.data(), 16, SQLITE_STATIC);
    sqlite3_bind_blob(st, first_index + 1, range.last.data(), 16, SQLITE_STATIC);
}

void run_for_range(sqlite3* db, sqlite3_stmt* st, const IpRange& range) {
    sqlite3_reset(st);
    bind_range(st, 1, range);
    while (step_row(db, st)) {
    }
}

// Rows of the range not kept yet keep their exported values, tags first (the tags' query
// tells kept rows by exported_ip_values, which the second fills).
struct KeepExported {
    Statement tags, values;
    explicit KeepExported(sqlite3* db)
        : tags(prepare(db, "INSERT INTO exported_ip_tags (activity, value) SELECT t.activity, t.value "
                           "FROM activities AS a JOIN activity_ip_tags AS t ON t.activity = a.rowid "
                           "WHERE a.ip_bin BETWEEN ?1 AND ?2 "
                           "AND a.rowid NOT IN (SELECT activity FROM exported_ip_values) ORDER BY t.rowid")),
          values(prepare(db, "INSERT OR IGNORE INTO exported_ip_values (activity, ip_category, isp, country) "
                             "SELECT rowid, ip_category, isp, country FROM activities WHERE ip_bin BETWEEN ?1 AND ?2")) {}
    void run(sqlite3* db, const IpRange& range) {
        run_for_range(db, tags.get(), range);
        run_for_range(db, values.get(), range);
    }
};

void bind_text_or_null(sqlite3_stmt* st, int index, const std::string& text) {
    if (text.empty()) sqlite3_bind_null(st, index);
    else sqlite3_bind_text(st, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

void apply_one(sqlite3* db, KeepExported& keep, const IpOverride& o) {
    Statement set_fields = prepare(db, "UPDATE activities SET ip_category = coalesce(?3, ip_category), "
                                       "isp = coalesce(?4, isp), country = coalesce(?5, country) "
                                       "WHERE ip_bin BETWEEN ?1 AND ?2");
    bind_text_or_null(set_fields.get(), 3, o.category);
    bind_text_or_null(set_fields.get(), 4, o.isp);
    bind_text_or_null(set_fields.get(), 5, o.country);
    Statement add_tag = prepare(db, "INSERT INTO activity_ip_tags (activity, value) SELECT a.rowid, ?3 "
                                    "FROM activities AS a WHERE a.ip_bin BETWEEN ?1 AND ?2 AND NOT EXISTS "
                                    "(SELECT 1 FROM activity_ip_tags AS t WHERE t.activity = a.rowid AND t.value = ?3)");
    for (const IpRange& range : o.ranges) {
        keep.run(db, range);
        if (!o.category.empty() || !o.isp.empty() || !o.country.empty()) run_for_range(db, set_fields.get(), range);
        for (const std::string& tag : o.tags) {
            sqlite3_reset(add_tag.get());
            bind_text(add_tag.get(), 3, tag);
            run_for_range(db, add_tag.get(), range);
        }
    }
}

int64_t touched_count(sqlite3* db) {
    Statement st = prepare(db, "SELECT count(*) FROM exported_ip_values");
    step_row(db, st.get());
    return sqlite3_column_int64(st.get(), 0);
}

} // namespace

int64_t apply_ip_overrides(ActivityStore& store, std::span<const IpOverride> overrides) {
    int64_t touched = 0;
    store.rewrite_coded_fields(kCopiedFields, [&](sqlite3* db) {
        exec(db, "SAVEPOINT apply_ip_overrides");
        try {
            restore_exported_values(db);
            KeepExported keep(db);
            for (const IpOverride& o : overrides) apply_one(db, keep, o);
            touched = touched_count(db);
        } catch (...) {
            exec(db, "ROLLBACK TO apply_ip_overrides; RELEASE apply_ip_overrides");
            throw;
        }
        exec(db, "RELEASE apply_ip_overrides");
    });
    return touched;
}

} // namespace sightline
