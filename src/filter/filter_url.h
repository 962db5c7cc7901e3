// The activity log's filter and sort in the page's URL fragment, so that a view can be
// bookmarked or sent to a colleague who has the same data loaded. The fragment is
//   #f=<base64url of the canonical filter JSON>[&s=<sort>]
// where sort is comma-separated fields, each prefixed by '-' for descending: `-time,user`.
// Only the filter travels: the activities themselves never go in the URL.
#pragma once

#include "filter/activity_filter.h"
#include "model/sort_key.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct FilterUrlState {
    ActivityFilter filter;
    std::vector<SortKey> sort;  // empty: the log's default (newest first)
};

// "#f=..." plus "&s=..." when sort is given and is not default_sort(). An empty filter and
// default sort give "" so the address stays clean.
std::string encode_filter_fragment(const ActivityFilter& filter, const std::vector<SortKey>& sort = {});

struct FilterUrlDecode {
    std::optional<FilterUrlState> state;  // nullopt with no error: the fragment holds no filter
    std::string error;                    // why a present fragment cannot be used
};

// Accepts the fragment with or without its '#'. Never throws: a truncated or tampered
// fragment comes back as an error, and the filter passes parse_filter_json's checks.
// Parts other than f and s are ignored, so other features may share the fragment.
FilterUrlDecode decode_filter_fragment(std::string_view fragment);

// base64url (RFC 4648 section 5) without padding; decoding accepts optional '=' padding and
// refuses anything else. Hand-written: none of the project's libraries offers it, and it is short.
std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

} // namespace sightline
