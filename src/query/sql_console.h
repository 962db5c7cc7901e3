// The SQL box for power users: one read-only SELECT (or WITH ... SELECT) over the store's
// tables, its result as text. Four guards keep it read-only and bounded: only the first
// statement is compiled and anything after it is refused; the statement must be read-only
// by SQLite's own judgement; an authorizer allows nothing but reading and functions while it
// is compiled and run; and a progress handler stops it once it has run past its time budget.
#pragma once

#include "store/activity_store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct SqlConsoleLimits {
    int64_t max_rows = 1000;        // rows kept; more set `truncated`
    int64_t time_budget_ms = 3000;  // a statement still running after this is interrupted
};

using SqlConsoleRow = std::vector<std::optional<std::string>>;  // nullopt is SQL NULL

struct SqlConsoleResult {
    std::vector<std::string> columns;
    std::vector<SqlConsoleRow> rows;  // BLOBs appear as X'hex' literals
    bool truncated = false;           // the query had more rows than max_rows
    std::string error;                // empty on success; then columns/rows are complete

    bool ok() const { return error.empty(); }
};

// Never throws for bad SQL: every refusal and SQLite error comes back in `error`.
SqlConsoleResult run_readonly_sql(const ActivityStore& store, std::string_view sql, const SqlConsoleLimits& limits);
SqlConsoleResult run_readonly_sql(const ActivityStore& store, std::string_view sql, int64_t max_rows);

} // namespace sightline
