// The rowids of the activities a filter selects, in sort order, read a slice at a time so that
// no frame waits for a million-row scan (the table's ActivityView in app/ pumps it). The SQLite
// statement stays down here: the app layer asks for rows, it does not step SQL.
#pragma once

#include "filter/activity_filter.h"
#include "model/sort_key.h"
#include "store/activity_store.h"

#include <cstdint>
#include <vector>

namespace sightline {

class MatchingRowidReader {
public:
    // Prepares and binds the statement; reads nothing yet. The store must outlive the reader
    // and must not be written while it reads.
    MatchingRowidReader(const ActivityStore& store, const ActivityFilter& filter, const std::vector<SortKey>& sort);
    // Appends rowids for about `budget_ms`; returns true while more remain.
    bool read(std::vector<int64_t>& out, double budget_ms);

private:
    const ActivityStore* store_;
    Statement statement_;
    bool done_ = false;
};

} // namespace sightline
