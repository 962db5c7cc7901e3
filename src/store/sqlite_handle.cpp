#include "store/sqlite_handle.h"

#include <sqlite3.h>

namespace sightline {

void SqliteCloser::operator()(sqlite3* db) const { sqlite3_close_v2(db); }
void StatementFinalizer::operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }

SqliteDb open_memory_database() {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    SqliteDb db(raw);
    if (rc != SQLITE_OK) throw SqliteError(std::string("cannot open in-memory database: ") + sqlite3_errstr(rc));
    return db;
}

Statement prepare(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &st, nullptr) != SQLITE_OK)
        throw SqliteError(std::string(sqlite3_errmsg(db)) + " in: " + std::string(sql));
    return Statement(st);
}

void exec(sqlite3* db, std::string_view sql) {
    char* message = nullptr;
    std::string text(sql);
    if (sqlite3_exec(db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string error = message ? message : "unknown error";
        sqlite3_free(message);
        throw SqliteError(error + " in: " + text);
    }
}

void bind_text(sqlite3_stmt* st, int index, std::string_view text) {
    sqlite3_bind_text(st, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void bind_all(sqlite3_stmt* st, const std::vector<SqlValue>& params) {
    int index = 1;
    for (const SqlValue& v : params) {
        if (std::holds_alternative<std::monostate>(v)) sqlite3_bind_null(st, index);
        else if (auto* i = std::get_if<int64_t>(&v)) sqlite3_bind_int64(st, index, *i);
        else if (auto* d = std::get_if<double>(&v)) sqlite3_bind_double(st, index, *d);
        else if (auto* s = std::get_if<std::string>(&v)) bind_text(st, index, *s);
        else if (auto* b = std::get_if<SqlBlob>(&v))
            sqlite3_bind_blob(st, index, b->data(), static_cast<int>(b->size()), SQLITE_TRANSIENT);
        ++index;
    }
}

bool step_row(sqlite3* db, sqlite3_stmt* st) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SqliteError(sqlite3_errmsg(db));
}

void append_int64_column(sqlite3* db, sqlite3_stmt* st, std::vector<int64_t>& out) {
    while (step_row(db, st)) out.push_back(sqlite3_column_int64(st, 0));
}

std::string column_text(sqlite3_stmt* st, int col) { return std::string(column_text_view(st, col)); }

std::string_view column_text_view(sqlite3_stmt* st, int col) {
    const unsigned char* text = sqlite3_column_text(st, col);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(st, col))};
}

} // namespace sightline
