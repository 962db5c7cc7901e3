// The column-mapping dialog's state, kept in the model so the UI, tests and scripts share it:
// the sample of a file in no known format, the mapping the analyst is building (starting from
// the remembered or guessed one), and its preview, recomputed whenever the mapping changes.
#pragma once

#include "import/mapping_preview.h"
#include "import/mapping_sample.h"

#include <string>
#include <string_view>

namespace sightline {

class MappingPrompt {
public:
    explicit MappingPrompt(MappingSample sample);

    const MappingSample& sample() const { return sample_; }
    const ColumnMapping& mapping() const { return mapping_; } // canonical field order, no "(none)"
    std::string column_for(std::string_view field) const;
    // "" maps no column to the field. Returns an error (and changes nothing) for a field no
    // column can feed or a column the file lacks.
    std::string set_column(std::string_view field, std::string_view column);
    const MappingPreview& preview() const { return preview_; }
    // The first non-empty value of a column in the sample rows (what the dialog shows beside it).
    std::string sample_value(std::string_view column) const;

private:
    MappingSample sample_;
    ColumnMapping mapping_;
    MappingPreview preview_;
};

} // namespace sightline
