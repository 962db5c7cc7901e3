// Builds the filter indexes (store/schema.h) one per step, so that the page can build them
// between frames after an import instead of freezing for the whole batch: the table is
// browsable as soon as the rows are committed, and each index speeds up its filters as it
// arrives. The last step refreshes the query planner's statistics (ANALYZE).
//
// One step is one CREATE INDEX, which SQLite cannot pause midway; on 1M rows the largest
// takes a few hundred ms natively (see the store's report in docs), so a step is the unit of
// work to schedule, not a frame-sized slice.
//
// Run steps between transactions: an index built inside an import's transaction disappears
// if the import is cancelled. After a data change, start a new builder.
#pragma once

#include <string>
#include <vector>

struct sqlite3;

namespace sightline {

class IndexBuilder {
public:
    explicit IndexBuilder(sqlite3* db);

    // Does the next step; returns true while steps remain after it, false when all is built.
    bool step();
    bool done() const { return next_ >= steps_.size(); }
    // What the next step() does (an index name, or "ANALYZE"); empty when done.
    std::string next_step_name() const;
    size_t steps_done() const { return next_; }
    size_t steps_total() const { return steps_.size(); }

private:
    struct Step {
        std::string name;
        std::string sql;
    };

    sqlite3* db_;
    std::vector<Step> steps_;
    size_t next_ = 0;
};

} // namespace sightline
