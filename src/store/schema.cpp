#include "store/schema.h"

#include "model/canonical_fields.h"
#include "store/sqlite_handle.h"

#include <string>
#include <cstdlib>

namespace sightline {

void create_schema(sqlite3* db) {
    std::string sql = R"sql(
        CREATE TABLE activities (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
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
            source TEXT NOT NULL DEFAULT '',
            file TEXT NOT NULL DEFAULT '',
            raw TEXT NOT NULL DEFAULT ''
        );
    )sql";
    if (getenv("SL_NOUNIQUE")) sql.replace(sql.find("NOT NULL UNIQUE"), 15, "NOT NULL");
    exec(db, sql);
    for (const FieldInfo& field : canonical_fields()) {
        if (field.kind != FieldKind::List) continue;
        std::string table = list_table_name(field.name);
        exec(db, "CREATE TABLE " + table +
                     " (activity INTEGER NOT NULL REFERENCES activities(rowid), value TEXT NOT NULL);"
                     "CREATE INDEX " + table + "_by_activity ON " + table + "(activity);");
    }
}

void create_filter_indexes(sqlite3* db) {
    // Each index pairs the filtered column with time so "newest first" needs no sort step.
    static const char* const indexed[] = {"app", "activity_type", "action_type", "user", "user_domain",
                                          "ip", "ip_category", "country", "isp", "device_type",
                                          "result", "source", "file"};
    exec(db, "CREATE INDEX IF NOT EXISTS activities_time ON activities(time);");
    exec(db, "CREATE INDEX IF NOT EXISTS activities_ip_bin ON activities(ip_bin);");
    for (const char* column : indexed) {
        std::string name = std::string("activities_") + column;
        exec(db, "CREATE INDEX IF NOT EXISTS " + name + " ON activities(" + column + ", time);");
    }
    for (const FieldInfo& field : canonical_fields()) {
        if (field.kind != FieldKind::List) continue;
        std::string table = list_table_name(field.name);
        exec(db, "CREATE INDEX IF NOT EXISTS " + table + "_by_value ON " + table + "(value, activity);");
    }
    exec(db, "ANALYZE;");
}

} // namespace sightline
