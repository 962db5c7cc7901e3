// The one table that turns the raw operation names and event categories of every supported
// export into Sightline's normalised activity types (Log on, Failed log on, Download file, ...).
// Importers only look things up here; the data lives in activity_type_map.cpp.
#pragma once

#include <string_view>

namespace sightline {

inline constexpr std::string_view kUnspecifiedActivityType = "Unspecified";

// For a raw operation (FileDownloaded, UserLoginFailed, "Add member to role.", New-InboxRule),
// an event category (EVENT_CATEGORY_LOGIN) or an already normalised name; "" when unknown.
// Case, spaces and punctuation are ignored.
std::string_view activity_type_for_operation(std::string_view raw);

// The normalised type a display text starts with: "Failed log on (Failure message: ...)".
std::string_view activity_type_from_description(std::string_view description);

} // namespace sightline
