// Free text over what the column copy does not keep (query/column_filter.h searches the coded
// columns itself, once per distinct value): the raw records with the id and description they
// carry (store/raw_records.h, scanned where they lie), the list elements and the analyst's
// comments (small SQL searches), and any coded column the copy gave up on (SQL over the rows).
// No pass over the activities table is needed, which on 1M rows in the page took a second.
#pragma once

#include "query/column_filter.h"
#include "store/activity_store.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// Valid while `store` lives; reads the store's copy as it is when called. Each condition's
// rowids are kept in the store's rowid_cache() until the data changes, so that the table, the
// timeline and the value counts of one filter search once.
TextSearch free_text_search(const ActivityStore& store);

// The parts of one search, for a search run a piece at a time (query/free_text_job.h):
// - whether the raw records are scanned for the condition's values (not for a NUL byte);
// - rowids with a list element that contains a value: all lists in one SQL pass, or one list
//   table's rows in (after_rowid, through_rowid], up to list_last_rowid();
// - rowids found in the other columns: comments and columns the copy gave up on (every text
//   column, for a NUL byte);
// - the key under which the store's rowid_cache() keeps the answer.
bool free_text_searches_raw(const FilterCondition& condition);
std::vector<int64_t> free_text_in_lists(const ActivityStore& store, const FilterCondition& condition);
void free_text_in_list_rows(const ActivityStore& store, std::string_view list_field, const FilterCondition& condition,
                            int64_t after_rowid, int64_t through_rowid, std::vector<int64_t>& out);
int64_t list_last_rowid(const ActivityStore& store, std::string_view list_field);
std::vector<int64_t> free_text_in_other_columns(const ActivityStore& store, const FilterCondition& condition);
std::string free_text_cache_key(const FilterCondition& condition);

} // namespace sightline
