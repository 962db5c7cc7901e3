// Tests of the read-only SQL box: SELECTs run and return text with NULLs kept apart; writes,
// schema changes, pragmas, attachments and second statements are refused with a clear
// message and leave the data untouched; runaway queries stop at the time budget.
#include "query/activity_query.h"
#include "query/sql_console.h"
#include "store/activity_store.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace sightline;

namespace {

void load_sample(ActivityStore& store, int count) {
    ActivityWriter writer(store);
    for (int i = 0; i < count; ++i) {
        Activity a;
        a.id = "sql-" + std::to_string(i);
        a.time_ms = 1795564800000 - i * 60'000;
        a.app = i % 2 ? "Box" : "Office 365";
        a.activity_type = i % 3 ? "Log on" : "Download file";
        a.user = "user" + std::to_string(i % 4) + "@contoso.example";
        a.ip = "10.0.0." + std::to_string(i % 250);
        a.ip_tags = i % 5 ? std::vector<std::string>{} : std::vector<std::string>{"Tor"};
        writer.insert(a);
    }
    writer.commit();
}

struct Fixture {
    Fixture() { load_sample(store, 40); }
    ActivityStore store;

    void require_refused(const std::string& sql, const std::string& message_part) {
        CAPTURE(sql);
        SqlConsoleResult r = run_readonly_sql(store, sql, 100);
        CAPTURE(r.error);
        CHECK_FALSE(r.ok());
        CHECK(r.error.find(message_part) != std::string::npos);
        CHECK(r.rows.empty());
        CHECK(store.count() == 40);  // nothing was changed
    }
};

} // namespace

TEST_CASE_FIXTURE(Fixture, "a SELECT returns column names and rows as text") {
    SqlConsoleResult r = run_readonly_sql(store, "SELECT activity_type AS type, count(*) AS n FROM activities "
                                                 "GROUP BY 1 ORDER BY 1", 100);
    REQUIRE(r.ok());
    CHECK(r.columns == std::vector<std::string>{"type", "n"});
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0] == SqlConsoleRow{"Download file", "14"});
    CHECK(r.rows[1] == SqlConsoleRow{"Log on", "26"});
    CHECK_FALSE(r.truncated);
}

TEST_CASE_FIXTURE(Fixture, "NULL is told apart from empty text, and blobs show as hex literals") {
    SqlConsoleResult r = run_readonly_sql(store, "SELECT NULL, '', 1.5, x'0aff', ip_bin FROM activities WHERE id = 'sql-1'", 10);
    REQUIRE(r.ok());
    REQUIRE(r.rows.size() == 1);
    CHECK_FALSE(r.rows[0][0].has_value());
    CHECK(r.rows[0][1] == std::optional<std::string>(""));
    CHECK(r.rows[0][2] == std::optional<std::string>("1.5"));
    CHECK(r.rows[0][3] == std::optional<std::string>("X'0AFF'"));
    CHECK(r.rows[0][4] == std::optional<std::string>("X'00000000000000000000FFFF0A000001'"));
}

TEST_CASE_FIXTURE(Fixture, "rows beyond max_rows are cut and flagged") {
    SqlConsoleResult r = run_readonly_sql(store, "SELECT id FROM activities ORDER BY time DESC", 5);
    REQUIRE(r.ok());
    CHECK(r.rows.size() == 5);
    CHECK(r.truncated);
    CHECK(r.rows[0][0] == std::optional<std::string>("sql-0"));
    SqlConsoleResult exact = run_readonly_sql(store, "SELECT id FROM activities LIMIT 5", 5);
    CHECK(exact.rows.size() == 5);
    CHECK_FALSE(exact.truncated);
    SqlConsoleResult none = run_readonly_sql(store, "SELECT id FROM activities", 0);
    CHECK(none.ok());
    CHECK(none.columns == std::vector<std::string>{"id"});
    CHECK(none.rows.empty());
    CHECK(none.truncated);
}

TEST_CASE_FIXTURE(Fixture, "WITH, recursive CTEs, joins over list tables, functions and comments are allowed") {
    CHECK(run_readonly_sql(store, "WITH t AS (SELECT user FROM activities) SELECT count(DISTINCT user) FROM t", 10).rows ==
          std::vector<SqlConsoleRow>{{"4"}});
    CHECK(run_readonly_sql(store, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5) "
                                  "SELECT sum(x) FROM c", 10).rows == std::vector<SqlConsoleRow>{{"15"}});
    CHECK(run_readonly_sql(store, "SELECT count(*) FROM activities a JOIN activity_ip_tags t ON t.activity = a.rowid "
                                  "WHERE t.value = 'Tor'", 10).rows == std::vector<SqlConsoleRow>{{"8"}});
    CHECK(run_readonly_sql(store, "SELECT upper(app), row_number() OVER (ORDER BY time) FROM activities LIMIT 1", 10).ok());
    CHECK(run_readonly_sql(store, ";; SELECT 1", 10).rows == std::vector<SqlConsoleRow>{{"1"}});
    CHECK(run_readonly_sql(store, "  -- newest first\n SELECT id FROM activities /* x */ LIMIT 1 ; -- done\n;", 10).ok());
    // activities, five list tables, and the exported values IP ranges replaced (store/ip_overrides.h)
    CHECK(run_readonly_sql(store, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", 10).rows ==
          std::vector<SqlConsoleRow>{{"activities"}, {"activity_ip_tags"}, {"activity_matched_policies"}, {"activity_objects"},
                                     {"activity_tags"}, {"activity_ua_tags"}, {"exported_ip_tags"}, {"exported_ip_values"}});
    CHECK(run_readonly_sql(store, "EXPLAIN QUERY PLAN SELECT * FROM activities WHERE time > 0", 10).ok());
}

TEST_CASE_FIXTURE(Fixture, "writes, schema changes and other non-SELECT statements are refused") {
    require_refused("DELETE FROM activities", "read-only: DELETE is not allowed");
    require_refused("INSERT INTO activities (id, time) VALUES ('x', 1)", "INSERT is not allowed");
    require_refused("UPDATE activities SET user = 'x'", "UPDATE is not allowed");
    require_refused("DROP TABLE activities", "DROP is not allowed");
    require_refused("CREATE TABLE t (x)", "CREATE is not allowed");
    require_refused("CREATE TEMP VIEW v AS SELECT 1", "CREATE is not allowed");
    require_refused("ALTER TABLE activities ADD COLUMN x", "ALTER is not allowed");
    require_refused("ATTACH DATABASE ':memory:' AS other", "ATTACH is not allowed");
    require_refused("PRAGMA writable_schema = 1", "PRAGMA is not allowed");
    require_refused("PRAGMA table_info(activities)", "PRAGMA is not allowed");
    require_refused("BEGIN", "BEGIN is not allowed");
    require_refused("SAVEPOINT s", "SAVEPOINT is not allowed");
    require_refused("ANALYZE", "ANALYZE is not allowed");
    require_refused("VACUUM", "VACUUM is not allowed");
    require_refused("/* hi */ drop table activities", "DROP is not allowed");
    require_refused("SELECT * FROM pragma_table_info('activities')", "read-only");
    require_refused("REINDEX", "REINDEX is not allowed");
    require_refused("WITH t AS (SELECT 1) DELETE FROM activities", "DELETE is not allowed");
}

TEST_CASE_FIXTURE(Fixture, "a second statement is refused before the first one runs") {
    require_refused("SELECT 1; DROP TABLE activities", "only one statement");
    require_refused("SELECT 1; SELECT 2", "only one statement");
    require_refused("SELECT 1;\n-- comment\nDELETE FROM activities;", "only one statement");
    CHECK(run_readonly_sql(store, "SELECT count(*) FROM activities", 1).rows == std::vector<SqlConsoleRow>{{"40"}});
}

TEST_CASE_FIXTURE(Fixture, "empty input and SQL errors come back as messages") {
    CHECK(run_readonly_sql(store, "", 10).error == "enter a SELECT statement");
    CHECK(run_readonly_sql(store, "  ;  -- nothing", 10).error == "enter a SELECT statement");
    SqlConsoleResult typo = run_readonly_sql(store, "SELEC id FROM activities", 10);
    CHECK(typo.error.find("syntax error") != std::string::npos);
    SqlConsoleResult missing = run_readonly_sql(store, "SELECT nope FROM activities", 10);
    CHECK(missing.error.find("no such column: nope") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a runaway query is stopped at the time budget") {
    SqlConsoleLimits limits;
    limits.time_budget_ms = 200;
    SqlConsoleResult endless = run_readonly_sql(
        store, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c", limits);
    CHECK(endless.error.find("stopped after 0.2 s") != std::string::npos);
    CHECK(endless.rows.empty());
    SqlConsoleResult cartesian = run_readonly_sql(
        store, "SELECT count(*) FROM activities a, activities b, activities c, activities d, activities e", limits);
    CHECK(cartesian.error.find("stopped after") != std::string::npos);
    SUBCASE("oversized values are refused, not built") {
        CHECK(run_readonly_sql(store, "SELECT length(zeroblob(100000000))", limits).error.find("too big") !=
              std::string::npos);
    }
}

TEST_CASE_FIXTURE(Fixture, "the guards are gone afterwards: the store still writes and queries") {
    CHECK_FALSE(run_readonly_sql(store, "DELETE FROM activities", 10).ok());
    load_sample(store, 45);  // ids sql-0..39 are duplicates; 5 new rows go in
    CHECK(store.count() == 45);
    CHECK(count_matching(store, ActivityFilter{}) == 45);
    store.ensure_indexes();  // CREATE INDEX and ANALYZE would be refused under the authorizer
    CHECK(run_readonly_sql(store, "SELECT count(*) FROM activities", 10).rows == std::vector<SqlConsoleRow>{{"45"}});
}
