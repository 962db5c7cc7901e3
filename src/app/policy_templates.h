// The policy template catalogue: assets/policy_templates/*.json, read into the build
// (cmake/PolicyTemplates.cmake), each a policy plus `why` it matters and what it `needs` (the
// record fields it reads and the import formats that carry them). `missing_fields` says which
// of those fields are empty in every loaded activity, so a template that cannot work on the
// data at hand says so instead of quietly matching nothing.
#pragma once

#include "filter/activity_policy.h"
#include "store/activity_store.h"

#include <string>
#include <vector>

namespace sightline {

struct PolicyTemplate {
    std::string file;                          // e.g. "mass_download_single_user.json"
    ActivityPolicy policy;
    std::string why;
    std::vector<std::string> needs_fields;
    std::vector<std::string> needs_formats;
};

// Parsed once; a template the core refuses is a build defect, reported by the unit tests
// through policy_template_errors() (and by tools/check_assets.py).
const std::vector<PolicyTemplate>& policy_templates();
const std::vector<std::string>& policy_template_errors();
const PolicyTemplate* find_policy_template(std::string_view name);

// The needed fields that no loaded activity has a value in (booleans are never "missing":
// false is a value). Empty when the data carries everything the template reads.
std::vector<std::string> missing_fields(const ActivityStore& store, const PolicyTemplate& policy_template);

} // namespace sightline
