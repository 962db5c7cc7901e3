#include "store/schema.h"

#include "model/canonical_fields.h"
#include "store/index_builder.h"
#include "store/sqlite_handle.h"

namespace sightline {
namespace {

// 64 KB pages: large pages mean fewer page-cache entries to look up, and when the raw record
// was stored in the row (1.8 KB a row) they saved a fifth of memory over 4 KB pages.
constexpr int kPageSize = 65536;

FilterIndex column_index(std::string_view column) {
    // Each index pairs the filtered column with time so "newest first" needs no sort step.
    std::string name = "activities_" + std::string(column);
    return {name, "CREATE INDEX IF NOT EXISTS " + name + " ON activities(" + std::string(column) + ", time)"};
}

FilterIndex list_value_index(std::string_view field) {
    std::string table = list_table_name(field);
    return {table + "_by_value", "CREATE INDEX IF NOT EXISTS " + table + "_by_value ON " + table + "(value, activity)"};
}

std::vector<FilterIndex> make_filter_indexes() {
    std::vector<FilterIndex> out;
    for (const char* column : {"activity_type", "user", "app", "ip", "country"}) out.push_back(column_index(column));
    for (const FieldInfo& field : canonical_fields())
        if (field.kind == FieldKind::List) out.push_back(list_value_index(field.name));
    out.push_back({"activities_ip_bin", "CREATE INDEX IF NOT EXISTS activities_ip_bin ON activities(ip_bin)"});
    for (const char* column : {"action_type", "user_domain", "ip_category", "isp", "device_type", "result",
                               "source", "file"})
        out.push_back(column_index(column));
    return out;
}

} // namespace

void create_schema(sqlite3* db) {
    exec(db, "PRAGMA page_size=" + std::to_string(kPageSize));
    // No UNIQUE on id: duplicates are found by store/activity_id_set.h, far cheaper per row.
    exec(db, R"sql(
        CREATE TABLE activities (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            time INTEGER NOT NULL,            -- epoch ms UTC
            app TEXT NOT NULL DEFAULT '',
            activity_type TEXT NOT NULL DEFAULT '',
            action_type TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            user TEXT NOT NULL DEFAULT '',
            user_domain TEXT NOT NULL DEFAULT '',
            ip TEXT NOT NULL DEFAULT '',
            ip_bin BLOB,                      -- 16-byte form of ip, for CIDR ranges
            ip_category TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            isp TEXT NOT NULL DEFAULT '',
            user_agent TEXT NOT NULL DEFAULT '',
            device_type TEXT NOT NULL DEFAULT '',
            browser TEXT NOT NULL DEFAULT '',
            os TEXT NOT NULL DEFAULT '',
            admin INTEGER NOT NULL DEFAULT 0,
            impersonated INTEGER NOT NULL DEFAULT 0,
            result TEXT NOT NULL DEFAULT '',
            -- Where the row came from, a code of store/activity_origins.h read out as two texts.
            origin INTEGER NOT NULL DEFAULT -1,
            source TEXT GENERATED ALWAYS AS (sl_source(origin)) VIRTUAL,
            file TEXT GENERATED ALWAYS AS (sl_file(origin)) VIRTUAL,
            starred INTEGER NOT NULL DEFAULT 0, -- the analyst's marks (store/activity_marks.h)
            comment TEXT NOT NULL DEFAULT '',
            -- The original record, kept outside the table (store/raw_records.h).
            raw TEXT GENERATED ALWAYS AS (sl_raw(rowid)) VIRTUAL
        );
    )sql");
    // Newest first, for SQL filters' pages, the column copy's reading order and the timeline.
    // Kept up during imports rather than built after them (a CREATE INDEX at the end held the
    // page for most of a second on 1M rows). Descending, in the order of (time DESC, rowid DESC)
    // reads: exports come newest first, so each new row is appended at the index's end instead
    // of being inserted at its start, which moved the cell array of a 64 KB page every row.
    exec(db, "CREATE INDEX activities_time ON activities(time DESC, rowid DESC)");
    // The analyst's comments, which free text searches (query/free_text_search.cpp) without a
    // pass over every row. Imported rows have none, so the index costs nothing at import.
    exec(db, "CREATE INDEX activities_commented ON activities(comment) WHERE comment <> ''");
    for (const FieldInfo& field : canonical_fields()) {
        if (field.kind != FieldKind::List) continue;
        std::string table = list_table_name(field.name);
        // The by-activity index is filled in rowid order during import (an append, cheap) and
        // is what reading an activity's lists needs, so it is not left to the index builder.
        exec(db, "CREATE TABLE " + table +
                     " (activity INTEGER NOT NULL REFERENCES activities(rowid), value TEXT NOT NULL);"
                     "CREATE INDEX " + table + "_by_activity ON " + table + "(activity);");
    }
}

const std::vector<FilterIndex>& filter_indexes() {
    static const std::vector<FilterIndex> indexes = make_filter_indexes();
    return indexes;
}

void create_filter_indexes(sqlite3* db) {
    IndexBuilder builder(db);
    while (builder.step()) {
    }
}

} // namespace sightline
