// How the activity log is ordered: a list of keys, each a canonical field and a direction.
// The model owns it because the filter's URL form, the queries and the app all speak of it.
#pragma once

#include <string>
#include <vector>

namespace sightline {

struct SortKey {
    std::string field;       // a canonical field that is not a list
    bool descending = true;
};

// Newest first, then by id so that equal times have a stable order.
inline std::vector<SortKey> default_sort() { return {{"time", true}}; }

// True for the default order (an empty list means it too): the column copy keeps rows in it.
inline bool is_default_sort(const std::vector<SortKey>& sort) {
    return sort.empty() || (sort.size() == 1 && sort[0].field == "time" && sort[0].descending);
}

} // namespace sightline
