#include "store/index_builder.h"

#include "store/schema.h"
#include "store/sqlite_handle.h"

#include <sqlite3.h>

#include <unordered_set>

namespace sightline {
namespace {

std::unordered_set<std::string> existing_indexes(sqlite3* db) {
    std::unordered_set<std::string> names;
    Statement st = prepare(db, "SELECT name FROM sqlite_schema WHERE type = 'index'");
    while (step_row(db, st.get())) names.insert(column_text(st.get(), 0));
    return names;
}

} // namespace

IndexBuilder::IndexBuilder(sqlite3* db) : db_(db) {
    // Indexes that already exist were kept up to date by the inserts: only missing ones cost a step.
    const std::unordered_set<std::string> existing = existing_indexes(db);
    for (const FilterIndex& index : filter_indexes())
        if (!existing.contains(index.name)) steps_.push_back({index.name, index.create_sql});
    // Statistics from a sample of each index are as good for choosing a plan as a full count,
    // and keep this step short: a full ANALYZE reads every index of the table end to end.
    steps_.push_back({"ANALYZE", "PRAGMA analysis_limit=1000; ANALYZE;"});
}

bool IndexBuilder::step() {
    if (done()) return false;
    exec(db_, steps_[next_].sql);
    ++next_;
    return !done();
}

std::string IndexBuilder::next_step_name() const { return done() ? std::string() : steps_[next_].name; }

} // namespace sightline
