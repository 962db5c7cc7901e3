// Thin RAII owners for SQLite handles, and binding of SqlValue parameters.
#pragma once

#include "store/sql_value.h"

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace sightline {

struct SqliteError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct SqliteCloser { void operator()(sqlite3* db) const; };
struct StatementFinalizer { void operator()(sqlite3_stmt* st) const; };
using SqliteDb = std::unique_ptr<sqlite3, SqliteCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

SqliteDb open_memory_database();
Statement prepare(sqlite3* db, std::string_view sql);
void exec(sqlite3* db, std::string_view sql);

// Binds params to ?1..?N of st, in order.
void bind_all(sqlite3_stmt* st, const std::vector<SqlValue>& params);
void bind_text(sqlite3_stmt* st, int index, std::string_view text);

// Steps st; returns true while there is a row, throws on error.
bool step_row(sqlite3* db, sqlite3_stmt* st);
// Steps st to the end, appending column 0 of each row as an integer (rowid lists).
void append_int64_column(sqlite3* db, sqlite3_stmt* st, std::vector<int64_t>& out);

std::string column_text(sqlite3_stmt* st, int col);
// The same without a copy: valid until the statement steps, resets or is finalised.
std::string_view column_text_view(sqlite3_stmt* st, int col);

} // namespace sightline
