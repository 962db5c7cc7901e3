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

// The columns of `activities` that are not fields: each follows the field it belongs to.
struct StoreColumn {
    std::string_view after_field; // "" for the first column
    std::string_view definition;
};
constexpr StoreColumn kStoreColumns[] = {
    {"", "rowid INTEGER PRIMARY KEY"},
    {"ip", "ip_bin BLOB"}, // 16-byte form of ip, for CIDR ranges
    // Where the row came from, a code of store/activity_origins.h read out as source and file.
    {"result", "origin INTEGER NOT NULL DEFAULT -1"},
    // Which fields enrichment computed rather than read from the export: one bit a field, in
    // the field table's order (store/computed_fields.h).
    {"result", "computed INTEGER NOT NULL DEFAULT 0"},
};

void append_store_columns_after(std::string& sql, std::string_view field) {
    for (const StoreColumn& column : kStoreColumns)
        if (column.after_field == field) sql.append("    ").append(column.definition).append(",\n");
}

// Every field that is not a list is a column, as the field table defines it (model/field_table.h).
// No UNIQUE on id: duplicates are found by store/activity_id_set.h, far cheaper per row.
std::string activities_table_sql() {
    std::string sql = "CREATE TABLE activities (\n";
    append_store_columns_after(sql, "");
    for (const FieldInfo& field : canonical_fields()) {
        if (field.kind == FieldKind::List) continue;
        sql.append("    ").append(field.name).append(" ").append(field.sql).append(",\n");
        append_store_columns_after(sql, field.name);
    }
    // The original record, kept outside the table (store/raw_records.h).
    return sql + "    raw TEXT GENERATED ALWAYS AS (sl_raw(rowid)) VIRTUAL\n)";
}

} // namespace

void create_schema(sqlite3* db) {
    exec(db, "PRAGMA page_size=" + std::to_string(kPageSize));
    exec(db, activities_table_sql());
    // Newest first, for SQL filters' pages, the column copy's reading order and the timeline.
    // Kept up during imports rather than built after them (a CREATE INDEX at the end held the
    // page for most of a second on 1M rows). Descending, in the order of (time DESC, rowid DESC)
    // reads: exports come newest first, so each new row is appended at the index's end instead
    // of being inserted at its start, which moved the cell array of a 64 KB page every row.
    exec(db, "CREATE INDEX activities_time ON activities(time DESC, rowid DESC)");
    // The analyst's comments, which free text searches (query/free_text_search.cpp) without a
    // pass over every row. Imported rows have none, so the index costs nothing at import.
    exec(db, "CREATE INDEX activities_commented ON activities(comment) WHERE comment <> ''");
    // The exported values of the activities an IP range changed (store/ip_overrides.h), so
    // that removing the range gives them back. Only rows a range touched are here.
    exec(db, "CREATE TABLE exported_ip_values (activity INTEGER PRIMARY KEY, ip_category TEXT NOT NULL, "
             "isp TEXT NOT NULL, country TEXT NOT NULL);"
             "CREATE TABLE exported_ip_tags (activity INTEGER NOT NULL, value TEXT NOT NULL)");
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
