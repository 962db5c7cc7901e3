#include "import/mapping_preview.h"

#include "import/activity_completion.h"
#include "import/column_mapping_json.h"
#include "import/table_formats.h"
#include "model/activity_field_text.h"
#include "model/canonical_fields.h"

#include <string_view>

namespace sightline {
namespace {

// The mapped fields, plus the ones an import derives from them (a type from the action, the
// domain from the user), so the preview shows what the activity log will.
std::vector<std::string> shown_fields(const ColumnMapping& mapping) {
    auto mapped = [&](std::string_view f) { return !mapped_column(mapping, f).empty(); };
    std::vector<std::string> fields;
    for (const FieldInfo& f : canonical_fields()) {
        const bool derived = (f.name == "activity_type" && mapped("action_type")) ||
                             (f.name == "user_domain" && mapped("user"));
        if (mapped(f.name) || derived) fields.emplace_back(f.name);
    }
    return fields;
}

} // namespace

MappingPreview preview_mapping(const MappingSample& sample, const ColumnMapping& mapping) {
    MappingPreview preview;
    const TableColumns columns(sample.columns);
    std::string why;
    std::unique_ptr<TableFormat> format = make_mapped_table_format(columns, mapping, sample.syntax, why);
    if (!format) {
        preview.error = why;
        return preview;
    }
    preview.fields = shown_fields(mapping);
    Activity activity;
    for (const std::vector<std::string>& cells : sample.rows) {
        const std::vector<std::string_view> row(cells.begin(), cells.end());
        RecordOutcome outcome;
        reset_activity(activity);
        format->map_row(row, activity, outcome);
        MappingPreview::Row shown;
        if (outcome.skip) {
            shown.problem = outcome.message;
        } else {
            complete_activity(activity, format->name(), sample.file_name, {});
            for (const std::string& field : preview.fields) shown.cells.push_back(activity_field_text(activity, field));
        }
        preview.rows.push_back(std::move(shown));
    }
    return preview;
}

} // namespace sightline
