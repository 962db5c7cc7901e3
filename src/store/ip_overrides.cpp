#include "store/ip_overrides.h"

#include <sqlite3.h>

#include <array>
#include <cstring>

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

bool has_ip_index(sqlite3* db) {
    Statement st = prepare(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'activities_ip_bin'");
    return step_row(db, st.get());
}

// Which activities each override holds, into temp.ip_override_hits (override, activity). Through
// the ip_bin index where it exists; without it (a large import drops the filter indexes until
// they are built again) one pass over the table tests every range, rather than a pass a CIDR.
void find_hits(sqlite3* db, std::span<const IpOverride> overrides) {
    Statement add = prepare(db, "INSERT OR IGNORE INTO temp.ip_override_hits (override, activity) VALUES (?, ?)");
    if (has_ip_index(db)) {
        Statement in_range = prepare(db, "INSERT OR IGNORE INTO temp.ip_override_hits (override, activity) "
                                         "SELECT ?3, rowid FROM activities WHERE ip_bin BETWEEN ?1 AND ?2");
        for (size_t k = 0; k < overrides.size(); ++k)
            for (const IpRange& range : overrides[k].ranges) {
                sqlite3_reset(in_range.get());
                sqlite3_bind_blob(in_range.get(), 1, range.first.data(), 16, SQLITE_STATIC);
                sqlite3_bind_blob(in_range.get(), 2, range.last.data(), 16, SQLITE_STATIC);
                sqlite3_bind_int64(in_range.get(), 3, static_cast<int64_t>(k));
                step_row(db, in_range.get());
            }
        return;
    }
    Statement rows = prepare(db, "SELECT rowid, ip_bin FROM activities WHERE length(ip_bin) = 16");
    IpBytes address{};
    while (step_row(db, rows.get())) {
        std::memcpy(address.data(), sqlite3_column_blob(rows.get(), 1), 16);
        for (size_t k = 0; k < overrides.size(); ++k)
            for (const IpRange& range : overrides[k].ranges) {
                if (address < range.first || range.last < address) continue;
                sqlite3_reset(add.get());
                sqlite3_bind_int64(add.get(), 1, static_cast<int64_t>(k));
                sqlite3_bind_int64(add.get(), 2, sqlite3_column_int64(rows.get(), 0));
                step_row(db, add.get());
                break;
            }
    }
}

// Every activity some override holds keeps its exported values beside, once.
void keep_exported_values(sqlite3* db) {
    exec(db, "INSERT INTO exported_ip_tags (activity, value) SELECT activity, value FROM activity_ip_tags "
             "WHERE activity IN (SELECT activity FROM temp.ip_override_hits) ORDER BY rowid");
    exec(db, "INSERT INTO exported_ip_values (activity, ip_category, isp, country) "
             "SELECT rowid, ip_category, isp, country FROM activities WHERE rowid IN (SELECT activity FROM temp.ip_override_hits)");
}

void bind_text_or_null(sqlite3_stmt* st, int index, const std::string& text) {
    if (text.empty()) sqlite3_bind_null(st, index);
    else sqlite3_bind_text(st, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

void apply_one(sqlite3* db, int64_t k, const IpOverride& o) {
    if (!o.category.empty() || !o.isp.empty() || !o.country.empty()) {
        Statement set_fields = prepare(db, "UPDATE activities SET ip_category = coalesce(?2, ip_category), "
                                           "isp = coalesce(?3, isp), country = coalesce(?4, country) "
                                           "WHERE rowid IN (SELECT activity FROM temp.ip_override_hits WHERE override = ?1)");
        sqlite3_bind_int64(set_fields.get(), 1, k);
        bind_text_or_null(set_fields.get(), 2, o.category);
        bind_text_or_null(set_fields.get(), 3, o.isp);
        bind_text_or_null(set_fields.get(), 4, o.country);
        step_row(db, set_fields.get());
    }
    Statement add_tag = prepare(db, "INSERT INTO activity_ip_tags (activity, value) SELECT h.activity, ?2 "
                                    "FROM temp.ip_override_hits AS h WHERE h.override = ?1 AND NOT EXISTS "
                                    "(SELECT 1 FROM activity_ip_tags AS t WHERE t.activity = h.activity AND t.value = ?2)");
    for (const std::string& tag : o.tags) {
        sqlite3_reset(add_tag.get());
        sqlite3_bind_int64(add_tag.get(), 1, k);
        bind_text(add_tag.get(), 2, tag);
        step_row(db, add_tag.get());
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
        exec(db, "CREATE TEMP TABLE IF NOT EXISTS ip_override_hits (override INTEGER NOT NULL, activity INTEGER NOT NULL, "
                 "PRIMARY KEY (override, activity)) WITHOUT ROWID");
        exec(db, "SAVEPOINT apply_ip_overrides");
        try {
            restore_exported_values(db);
            find_hits(db, overrides);
            keep_exported_values(db);
            for (size_t k = 0; k < overrides.size(); ++k) apply_one(db, static_cast<int64_t>(k), overrides[k]);
            exec(db, "DELETE FROM temp.ip_override_hits");
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
