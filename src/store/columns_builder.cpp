#include "store/columns_builder.h"

#include <sqlite3.h>

#include <chrono>

namespace sightline {
namespace {

constexpr int kFirstCodedColumn = 4; // after rowid, time, admin, impersonated

std::string select_columns_sql() {
    std::string sql = "SELECT rowid, time, admin, impersonated";
    for (std::string_view field : ActivityColumns::coded_fields()) sql.append(", ").append(field);
    // The same order as the activity log's default sort (query/activity_query.cpp).
    return sql + " FROM activities ORDER BY time DESC, rowid DESC";
}

} // namespace

ColumnsBuilder::ColumnsBuilder(sqlite3* db)
    : db_(db), reading_(prepare(db, select_columns_sql())), coded_(ActivityColumns::coded_fields().size()) {}

bool ColumnsBuilder::step(double budget_ms, ActivityColumns& out) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration<double, std::milli>(budget_ms);
    sqlite3_stmt* st = reading_.get();
    for (;;) {
        // The clock is read every 1,024 rows: reading it costs more than a row.
        for (int i = 0; i < 1024; ++i) {
            if (!step_row(db_, st)) return false;
            for (size_t f = 0; f < coded_.size(); ++f)
                coded_[f] = column_text_view(st, kFirstCodedColumn + static_cast<int>(f));
            out.append_row(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int(st, 2) != 0,
                           sqlite3_column_int(st, 3) != 0, coded_);
        }
        if (Clock::now() >= deadline) return true;
    }
}

} // namespace sightline
