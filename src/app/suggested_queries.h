// The built-in "Suggested queries" of the activity log's Queries menu, as Defender for Cloud
// Apps lists them, defined over Sightline's normalised activity types. The analyst opens one,
// may edit its filter, and may keep the result under a name of their own (saved_queries.h).
#pragma once

#include "filter/activity_filter.h"

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct NamedQuery {
    std::string name;
    ActivityFilter filter;
};

// In menu order (alphabetical, as Defender shows them). Built once; every filter passes check_filter.
const std::vector<NamedQuery>& suggested_queries();

// The suggested query with this exact name, or nullptr.
const NamedQuery* find_suggested_query(std::string_view name);

} // namespace sightline
