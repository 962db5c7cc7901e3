#include "store/columns_builder.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>

namespace sightline {
namespace {

constexpr int kFirstFlagColumn = 2; // after rowid, time

// rowid, time, the flag fields, then the coded fields (ActivityColumns' lists, in their order).
std::string select_columns_sql() {
    std::string sql = "SELECT rowid, time";
    for (std::string_view field : ActivityColumns::flag_fields()) sql.append(", ").append(field);
    for (std::string_view field : ActivityColumns::coded_fields()) sql.append(", ").append(field);
    // The same order as the activity log's default sort (query/activity_query.cpp).
    return sql + " FROM activities ORDER BY time DESC, rowid DESC";
}

// An upper bound of the row count read from the rowid range, two B-tree descents (count(*)
// reads the whole table): rowids are dense unless rows were deleted.
size_t expected_rows(sqlite3* db) {
    Statement st = prepare(db, "SELECT (SELECT max(rowid) FROM activities) - (SELECT min(rowid) FROM activities) + 1");
    if (!step_row(db, st.get())) return 0;
    return static_cast<size_t>(std::max<sqlite3_int64>(0, sqlite3_column_int64(st.get(), 0)));
}

} // namespace

ColumnsBuilder::ColumnsBuilder(sqlite3* db)
    : db_(db), reading_(prepare(db, select_columns_sql())), flags_(ActivityColumns::flag_fields().size()),
      coded_(ActivityColumns::coded_fields().size()),
      expected_rows_(expected_rows(db)) {}

bool ColumnsBuilder::step(double budget_ms, ActivityColumns& out) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration<double, std::milli>(budget_ms);
    sqlite3_stmt* st = reading_.get();
    if (out.size() == 0) out.reserve(expected_rows_);
    for (;;) {
        // The clock is read every 1,024 rows: reading it costs more than a row.
        for (int i = 0; i < 1024; ++i) {
            if (!step_row(db_, st)) return false;
            int c = kFirstFlagColumn;
            for (uint8_t& flag : flags_) flag = sqlite3_column_int(st, c++) != 0 ? 1 : 0;
            for (std::string_view& text : coded_) text = column_text_view(st, c++);
            out.append_row(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), flags_, coded_);
        }
        if (Clock::now() >= deadline) return true;
    }
}

} // namespace sightline
