// The page's side of the offline IP location: whether this build can fetch the asset at all.
// The single-file page cannot (its Content-Security-Policy allows no fetch, and file:// has no
// folder to fetch from), so its IP location is off, which the About box says.
#pragma once

#include "app/app_model.h"

namespace sightline {

// At start-up: marks the model's IP location Off in the single-file build (SIGHTLINE_SINGLE_FILE_PAGE).
void note_ip_location_availability(AppModel& model);

} // namespace sightline
