// The first rows of a file as a mapping would import them, for the mapping dialog's preview:
// the canonical fields each row would get, or why the row would be skipped.
#pragma once

#include "import/mapping_sample.h"

#include <string>
#include <vector>

namespace sightline {

struct MappingPreview {
    std::string error;                 // the mapping cannot be used (time unmapped, missing column)
    std::vector<std::string> fields;   // the canonical fields shown, in canonical order
    struct Row {
        std::vector<std::string> cells; // one per field, as the activity log would show it
        std::string problem;            // why the row would be skipped, else ""
    };
    std::vector<Row> rows;
};

MappingPreview preview_mapping(const MappingSample& sample, const ColumnMapping& mapping);

} // namespace sightline
