// Fills ActivityColumns from the store a slice at a time, newest first, so that the page can
// build the copy between frames after an import (about a second per million rows in wasm)
// without a frame waiting for it. Needs the time index (it reads in that order).
#pragma once

#include "store/activity_columns.h"
#include "store/sqlite_handle.h"

namespace sightline {

class ColumnsBuilder {
public:
    explicit ColumnsBuilder(sqlite3* db);

    // Reads rows into `out` for about `budget_ms`; returns true while rows remain.
    bool step(double budget_ms, ActivityColumns& out);

private:
    sqlite3* db_;
    Statement reading_;
    std::vector<uint8_t> flags_;
    std::vector<std::string_view> coded_;
    size_t expected_rows_ = 0;
};

} // namespace sightline
