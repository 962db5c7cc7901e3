// The first screen of the activity table, read before the exact count: a LIMIT query that can
// stop after `limit` rows (and, with the store's indexes, walk the time index newest first)
// where counting must visit every matching row. The table draws these rows at once and fills
// in "1 - 100 of N" and the scroll range when the count arrives.
#pragma once

#include "filter/activity_filter.h"
#include "query/activity_query.h"
#include "store/activity_store.h"

#include <cstdint>
#include <vector>

namespace sightline {

// The rowids of the first `limit` matching activities in `sort` order (the same order, ties
// included, as matching_rowids and run_query). Throws std::invalid_argument for a bad sort field.
std::vector<int64_t> first_rowids(const ActivityStore& store, const ActivityFilter& filter,
                                  const std::vector<SortKey>& sort, int64_t limit);

} // namespace sightline
