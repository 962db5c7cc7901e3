#include "export/csv_export_options.h"

#include "model/canonical_fields.h"
#include "model/field_table.h"

#include <algorithm>

namespace sightline {

CsvColumnsResult csv_export_columns(const CsvExportOptions& options) {
    CsvColumnsResult out;
    if (options.delimiter != ',' && options.delimiter != ';') {
        out.error = "delimiter must be \",\" or \";\"";
        return out;
    }
    if (options.all_fields) {
        for (const FieldInfo& f : kFieldTable) out.columns.push_back({std::string(f.name), std::string(f.name)});
        // Which of them Sightline computed rather than read from the export (store/computed_fields.h).
        out.columns.push_back({std::string(kComputedColumn), std::string(kComputedColumn)});
        if (options.raw) out.columns.push_back({"raw", "raw"});
        return out;
    }
    for (size_t i = 0; i < options.columns.size(); ++i) {
        const std::string& name = options.columns[i];
        const std::string where = "columns[" + std::to_string(i) + "]: ";
        const std::optional<FieldInfo> field = find_field(name);
        if (!field) {
            out.error = where + "unknown field \"" + name + "\"";
            return out;
        }
        auto same = [&](const CsvColumn& c) { return c.field == name; };
        if (std::any_of(out.columns.begin(), out.columns.end(), same)) {
            out.error = where + "\"" + name + "\" is listed twice";
            return out;
        }
        out.columns.push_back({name, std::string(field->label)});
    }
    if (options.raw) out.columns.push_back({"raw", std::string(kRawColumnLabel)});
    if (out.columns.empty()) out.error = "columns: name at least one field (or set all_fields)";
    return out;
}

} // namespace sightline
