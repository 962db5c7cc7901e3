// Free text over what the column copy does not keep (query/column_filter.h searches the coded
// columns itself, once per distinct value): the raw records with the id and description they
// carry (store/raw_records.h, scanned where they lie), the list elements and the analyst's
// comments (small SQL searches), and any coded column the copy gave up on (SQL over the rows).
// No pass over the activities table is needed, which on 1M rows in the page took a second.
#pragma once

#include "query/column_filter.h"
#include "store/activity_store.h"

namespace sightline {

// Valid while `store` lives; reads the store's copy as it is when called. Each condition's
// rowids are kept in the store's rowid_cache() until the data changes, so that the table, the
// timeline and the value counts of one filter search once.
TextSearch free_text_search(const ActivityStore& store);

} // namespace sightline
