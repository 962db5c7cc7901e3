// The finishing steps every imported activity gets whatever its format: file and source, the
// user's domain, a normalised type, and a stable id when the export has none (the same record
// always hashes to the same id, so a re-import finds duplicates). The original record text
// (`raw`) is not copied into the activity: the importer hands it to the store beside it.
#pragma once

#include "model/activity.h"

#include <string>
#include <string_view>

namespace sightline {

// Empties every field but keeps the strings' capacity (one Activity is reused per file).
void reset_activity(Activity& activity);

void complete_activity(Activity& activity, std::string_view source, std::string_view file, std::string_view raw);

// "h-" and 16 hex digits of a 64-bit hash of the record text.
std::string stable_record_id(std::string_view raw);

} // namespace sightline
