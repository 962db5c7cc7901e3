// One field of an activity as text, by canonical name: what the table's cells, the drawer and
// "copy value" show. Lists are joined with ", "; booleans are "true"/"false"; time is ISO 8601.
#pragma once

#include "model/activity.h"

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

std::string activity_field_text(const Activity& activity, std::string_view field);
// The values of a list field (ip_tags, ua_tags, objects, matched_policies); empty otherwise.
const std::vector<std::string>* activity_list_field(const Activity& activity, std::string_view field);
std::vector<std::string>* activity_list_field(Activity& activity, std::string_view field);

} // namespace sightline
