#include "query/sql_console.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>

namespace sightline {
namespace {

using Clock = std::chrono::steady_clock;

// The progress handler runs every this many virtual machine steps: often enough to stop
// within milliseconds of the budget, rarely enough that reading the clock costs nothing.
constexpr int kStepsBetweenChecks = 1000;
// No value the console makes (zeroblob, randomblob, printf padding) may exceed this: the
// wasm heap is small and a single 1 GB value would end the page, not just the query.
constexpr int kMaxValueBytes = 16 * 1024 * 1024;
// The rows kept, in text, stop here even below max_rows, for the same reason.
constexpr size_t kMaxResultBytes = 64 * 1024 * 1024;
// Far beyond any query typed by hand; also keeps the length within SQLite's int argument.
constexpr size_t kMaxSqlBytes = 1024 * 1024;

std::string_view action_name(int action) {
    switch (action) {
    case SQLITE_INSERT: return "INSERT";
    case SQLITE_UPDATE: return "UPDATE";
    case SQLITE_DELETE: return "DELETE";
    case SQLITE_PRAGMA: return "PRAGMA";
    case SQLITE_ATTACH: return "ATTACH";
    case SQLITE_DETACH: return "DETACH";
    case SQLITE_TRANSACTION: return "a transaction";
    case SQLITE_SAVEPOINT: return "a savepoint";
    case SQLITE_ALTER_TABLE: return "ALTER TABLE";
    case SQLITE_REINDEX: return "REINDEX";
    case SQLITE_ANALYZE: return "ANALYZE";
    case SQLITE_CREATE_INDEX: case SQLITE_CREATE_TABLE: case SQLITE_CREATE_TEMP_INDEX:
    case SQLITE_CREATE_TEMP_TABLE: case SQLITE_CREATE_TEMP_TRIGGER: case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_CREATE_TRIGGER: case SQLITE_CREATE_VIEW: case SQLITE_CREATE_VTABLE:
        return "CREATE";
    case SQLITE_DROP_INDEX: case SQLITE_DROP_TABLE: case SQLITE_DROP_TEMP_INDEX: case SQLITE_DROP_TEMP_TABLE:
    case SQLITE_DROP_TEMP_TRIGGER: case SQLITE_DROP_TEMP_VIEW: case SQLITE_DROP_TRIGGER: case SQLITE_DROP_VIEW:
    case SQLITE_DROP_VTABLE:
        return "DROP";
    default: return "this statement";
    }
}

// A write to SQLite's own schema table is how CREATE, DROP and ANALYZE first show up in the
// authorizer; naming that write would mislead, so the statement's first keyword is used instead.
bool is_schema_table(const char* table) {
    return table && std::string_view(table).starts_with("sqlite_");
}

std::string read_only_refusal(std::string_view what) {
    std::string out = "the SQL box is read-only: ";
    out.append(what).append(" is not allowed (only SELECT or WITH ... SELECT can run)");
    return out;
}

// Installs the authorizer, progress handler and value-size limit for one console statement
// and removes them when it goes, so the store's own queries never run under them.
class ConsoleGuard {
public:
    ConsoleGuard(sqlite3* db, int64_t time_budget_ms)
        : db_(db), deadline_(Clock::now() + std::chrono::milliseconds(std::max<int64_t>(0, time_budget_ms))),
          saved_length_limit_(sqlite3_limit(db, SQLITE_LIMIT_LENGTH, kMaxValueBytes)) {
        sqlite3_set_authorizer(db_, &ConsoleGuard::authorize, this);
        sqlite3_progress_handler(db_, kStepsBetweenChecks, &ConsoleGuard::on_progress, this);
    }
    ~ConsoleGuard() {
        sqlite3_progress_handler(db_, 0, nullptr, nullptr);
        sqlite3_set_authorizer(db_, nullptr, nullptr);
        sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, saved_length_limit_);
    }
    ConsoleGuard(const ConsoleGuard&) = delete;
    ConsoleGuard& operator=(const ConsoleGuard&) = delete;

    bool denied() const { return denied_; }
    std::string_view denied_action() const { return denied_action_; }  // empty when not telling
    bool timed_out() const { return timed_out_; }

private:
    static int authorize(void* self, int action, const char* table, const char*, const char*, const char*) {
        switch (action) {
        case SQLITE_SELECT: case SQLITE_READ: case SQLITE_FUNCTION: case SQLITE_RECURSIVE:
            return SQLITE_OK;
        default: {
            auto* guard = static_cast<ConsoleGuard*>(self);
            if (!guard->denied_ && !is_schema_table(table)) guard->denied_action_ = action_name(action);
            guard->denied_ = true;
            return SQLITE_DENY;
        }
        }
    }
    static int on_progress(void* self) {
        auto* guard = static_cast<ConsoleGuard*>(self);
        if (Clock::now() < guard->deadline_) return 0;
        guard->timed_out_ = true;
        return 1;
    }

    sqlite3* db_;
    Clock::time_point deadline_;
    int saved_length_limit_;
    bool denied_ = false;
    std::string_view denied_action_;
    bool timed_out_ = false;
};

// Index of the first character at or after i that is not whitespace, a comment or a ';'.
// SQLite has no public tokenizer, and these are all that may end a statement harmlessly.
size_t skip_separators(std::string_view sql, size_t i) {
    while (i < sql.size()) {
        if (sql[i] == ';' || std::isspace(static_cast<unsigned char>(sql[i]))) {
            ++i;
        } else if (sql.substr(i, 2) == "--") {
            size_t end = sql.find('\n', i);
            i = end == std::string_view::npos ? sql.size() : end + 1;
        } else if (sql.substr(i, 2) == "/*") {
            size_t end = sql.find("*/", i + 2);
            i = end == std::string_view::npos ? sql.size() : end + 2;
        } else {
            break;
        }
    }
    return i;
}

bool only_separators(std::string_view sql) { return skip_separators(sql, 0) == sql.size(); }

std::optional<std::string> cell_text(sqlite3_stmt* st, int col) {
    switch (sqlite3_column_type(st, col)) {
    case SQLITE_NULL:
        return std::nullopt;
    case SQLITE_BLOB: {
        const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(st, col));
        int n = sqlite3_column_bytes(st, col);
        std::string out = "X'";
        static const char* const digits = "0123456789ABCDEF";
        for (int i = 0; i < n; ++i) {
            out += digits[bytes[i] >> 4];
            out += digits[bytes[i] & 15];
        }
        return out + "'";
    }
    default: {
        const unsigned char* text = sqlite3_column_text(st, col);
        return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(st, col)));
    }
    }
}

// The statement's first keyword, upper-cased, when it is one that can never read: it names
// the refusal better than the authorizer's view (DROP TABLE first asks to DELETE a schema row).
std::string_view writing_keyword(std::string_view sql) {
    static constexpr std::string_view kKeywords[] = {
        "INSERT", "UPDATE", "DELETE", "REPLACE", "DROP", "CREATE", "ALTER", "ATTACH", "DETACH", "PRAGMA", "BEGIN",
        "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "ANALYZE", "VACUUM", "REINDEX"};
    size_t start = skip_separators(sql, 0);
    size_t end = start;
    while (end < sql.size() && std::isalpha(static_cast<unsigned char>(sql[end]))) ++end;
    std::string word(sql.substr(start, end - start));
    for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (std::string_view keyword : kKeywords)
        if (word == keyword) return keyword;
    return {};
}

std::string refusal(std::string_view sql, const ConsoleGuard& guard) {
    if (std::string_view keyword = writing_keyword(sql); !keyword.empty()) return read_only_refusal(keyword);
    if (!guard.denied_action().empty()) return read_only_refusal(guard.denied_action());
    return read_only_refusal("this statement");
}

std::string timeout_message(int64_t budget_ms) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", static_cast<double>(budget_ms) / 1000.0);
    return std::string("the query was stopped after ") + seconds +
           " s; narrow it (a WHERE clause, a join condition, a LIMIT) and run it again";
}

// Compiles the first statement of sql and checks it may run; `out` stays null when it may not.
std::string prepare_console_statement(sqlite3* db, std::string_view sql, const ConsoleGuard& guard, Statement& out) {
    sql.remove_prefix(skip_separators(sql, 0));  // else a leading ';' would compile to no statement
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, &tail);
    Statement st(raw);
    if (rc != SQLITE_OK) return guard.denied() ? refusal(sql, guard) : std::string(sqlite3_errmsg(db));
    if (!st) return "enter a SELECT statement";
    size_t used = static_cast<size_t>(tail - sql.data());
    if (!only_separators(sql.substr(used)))
        return "only one statement can run at a time: remove what follows the first ';'";
    if (!sqlite3_stmt_readonly(st.get())) return refusal(sql, guard);
    out = std::move(st);
    return {};
}

void collect_rows(sqlite3* db, sqlite3_stmt* st, const SqlConsoleLimits& limits, const ConsoleGuard& guard,
                  SqlConsoleResult& result) {
    const int columns = sqlite3_column_count(st);
    for (int c = 0; c < columns; ++c) result.columns.emplace_back(sqlite3_column_name(st, c));
    size_t bytes = 0;
    for (;;) {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) return;
        if (rc != SQLITE_ROW) {
            result.error = guard.timed_out() ? timeout_message(limits.time_budget_ms)
                           : guard.denied() ? refusal({}, guard) : std::string(sqlite3_errmsg(db));
            result.rows.clear();
            return;
        }
        if (static_cast<int64_t>(result.rows.size()) >= limits.max_rows || bytes > kMaxResultBytes) {
            result.truncated = true;
            return;
        }
        SqlConsoleRow row;
        row.reserve(static_cast<size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            row.push_back(cell_text(st, c));
            bytes += row.back() ? row.back()->size() : 0;
        }
        result.rows.push_back(std::move(row));
    }
}

} // namespace

SqlConsoleResult run_readonly_sql(const ActivityStore& store, std::string_view sql, const SqlConsoleLimits& limits) {
    SqlConsoleResult result;
    if (only_separators(sql)) {
        result.error = "enter a SELECT statement";
        return result;
    }
    if (sql.size() > kMaxSqlBytes) {
        result.error = "the SQL is too long (more than 1 MB)";
        return result;
    }
    sqlite3* db = store.db();
    ConsoleGuard guard(db, limits.time_budget_ms);  // outlives the statement: declared first
    Statement st;
    result.error = prepare_console_statement(db, sql, guard, st);
    if (result.ok()) collect_rows(db, st.get(), limits, guard, result);
    return result;
}

SqlConsoleResult run_readonly_sql(const ActivityStore& store, std::string_view sql, int64_t max_rows) {
    SqlConsoleLimits limits;
    limits.max_rows = max_rows;
    return run_readonly_sql(store, sql, limits);
}

} // namespace sightline
