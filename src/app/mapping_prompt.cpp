#include "app/mapping_prompt.h"

#include "import/column_mapping_json.h"
#include "import/field_text.h"

#include <algorithm>

namespace sightline {

MappingPrompt::MappingPrompt(MappingSample sample)
    : sample_(std::move(sample)), mapping_(in_canonical_order(sample_.initial_mapping)) {
    preview_ = preview_mapping(sample_, mapping_);
}

std::string MappingPrompt::column_for(std::string_view field) const { return mapped_column(mapping_, field); }

std::string MappingPrompt::set_column(std::string_view field, std::string_view column) {
    // (std::string(x).append() rather than "'" + x: GCC 12 warns falsely on the latter.)
    if (!mappable_field(field))
        return std::string("'").append(field).append("' is not a field a column can be mapped to");
    const auto& columns = sample_.columns;
    if (!column.empty() && std::find(columns.begin(), columns.end(), column) == columns.end())
        return std::string("the file has no column '").append(column).append("'");
    std::erase_if(mapping_, [&](const auto& entry) { return entry.first == field; });
    mapping_.emplace_back(std::string(field), std::string(column));
    mapping_ = in_canonical_order(mapping_);
    preview_ = preview_mapping(sample_, mapping_);
    return {};
}

std::string MappingPrompt::sample_value(std::string_view column) const {
    const auto& columns = sample_.columns;
    const auto it = std::find(columns.begin(), columns.end(), column);
    if (it == columns.end()) return {};
    const size_t index = static_cast<size_t>(it - columns.begin());
    for (const auto& row : sample_.rows)
        if (index < row.size() && !trim(row[index]).empty()) return std::string(trim(row[index]));
    return {};
}

} // namespace sightline
