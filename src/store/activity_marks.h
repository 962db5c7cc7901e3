// The analyst's marks on activities: a star, free-text tags and a comment. They live beside
// the imported fields (columns starred/comment, side table activity_tags), so filters, the
// table and the drawer treat them like any other field. Kept for the session only.
#pragma once

#include "store/activity_store.h"

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// Each returns false when no activity has `id`.
bool set_starred(ActivityStore& store, std::string_view id, bool starred);
bool set_comment(ActivityStore& store, std::string_view id, std::string_view comment);
// Tags are trimmed; empty and repeated tags are dropped.
bool set_tags(ActivityStore& store, std::string_view id, const std::vector<std::string>& tags);

} // namespace sightline
