// Reading the store through a filter: counting, paging, listing row ids for the virtual table,
// and value counts (facets). All SQL here is built from canonical field names and the filter
// compiler's parameterised fragments; no caller text reaches SQL.
#pragma once

#include "filter/activity_filter.h"
#include "model/activity.h"
#include "model/sort_key.h"
#include "query/column_filter.h"
#include "query/value_tally.h"
#include "store/activity_store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sightline {

struct QuerySpec {
    ActivityFilter filter;
    std::vector<SortKey> sort = default_sort();
    int64_t offset = 0;
    int64_t limit = 100;
};

struct QueryResult {
    int64_t total = 0;
    std::vector<Activity> rows;
};

// Throws std::invalid_argument for a sort or values field that cannot be used.
QueryResult run_query(const ActivityStore& store, const QuerySpec& spec);
int64_t count_matching(const ActivityStore& store, const ActivityFilter& filter);
// The rowids of matching activities in `sort` order; `limit` -1 means all.
std::vector<int64_t> matching_rowids(const ActivityStore& store, const ActivityFilter& filter,
                                     const std::vector<SortKey>& sort, int64_t limit = -1);
// Which stored activities match, from the column copy (store/activity_columns.h): a byte per
// position, newest first; nullopt when the copy is not ready or cannot answer the filter (then
// SQL does). Free text is answered too (query/free_text_search.h). The matches of the latest
// filters are kept in the store's match_cache() until the data changes.
std::optional<std::vector<uint8_t>> column_matches(const ActivityStore& store, const ActivityFilter& filter);
// The same from the column copy (store/activity_columns.h) in one go, or nullopt when it is
// not ready or cannot answer this filter and sort: then read the statement below.
std::optional<std::vector<int64_t>> column_matching_rowids(const ActivityStore& store, const ActivityFilter& filter,
                                                          const std::vector<SortKey>& sort, int64_t limit = -1);
// The same as a prepared, bound statement (one rowid per row), for callers that step it a
// slice at a time so that no frame waits for a long list (the table's ActivityView).
Statement prepare_matching_rowids(const ActivityStore& store, const ActivityFilter& filter,
                                  const std::vector<SortKey>& sort, int64_t limit = -1);
// Most frequent first; empty values are left out. Booleans count as "true"/"false".
std::vector<ValueCount> count_values(const ActivityStore& store, std::string_view field,
                                     const ActivityFilter& filter, int64_t limit);

} // namespace sightline
