#include "import/column_mapping_json.h"

#include "model/canonical_fields.h"

#include <rapidjson/error/en.h>

namespace sightline {

bool mappable_field(std::string_view field) {
    for (std::string_view kept_apart : {"source", "file", "starred", "tags", "comment"})
        if (field == kept_apart) return false;
    return find_field(field).has_value();
}

void write_column_mapping(rapidjson::Writer<rapidjson::StringBuffer>& w, const ColumnMapping& mapping) {
    w.StartObject();
    for (const auto& [field, column] : mapping) {
        w.Key(field.data(), static_cast<rapidjson::SizeType>(field.size()));
        w.String(column.data(), static_cast<rapidjson::SizeType>(column.size()));
    }
    w.EndObject();
}

std::string column_mapping_to_json(const ColumnMapping& mapping) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    write_column_mapping(w, mapping);
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<ColumnMapping> column_mapping_from_json(const rapidjson::Value& value, std::string& error) {
    if (!value.IsObject()) {
        error = "a mapping must be an object of field: column name, e.g. {\"time\": \"When\", \"user\": \"Who\"}";
        return std::nullopt;
    }
    ColumnMapping mapping;
    for (const auto& member : value.GetObject()) {
        const std::string field(member.name.GetString(), member.name.GetStringLength());
        if (!mappable_field(field)) {
            error = "'" + field + "' is not a field a column can be mapped to";
            return std::nullopt;
        }
        if (member.value.IsNull()) continue;
        if (!member.value.IsString()) {
            error = "the column for '" + field + "' must be a column name (text) or null";
            return std::nullopt;
        }
        mapping.emplace_back(field, std::string(member.value.GetString(), member.value.GetStringLength()));
    }
    mapping = in_canonical_order(mapping);
    if (mapped_column(mapping, "time").empty()) {
        error = "no column is mapped to time (every activity needs one)";
        return std::nullopt;
    }
    return mapping;
}

std::optional<ColumnMapping> column_mapping_from_json_text(std::string_view json, std::string& error) {
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError()) {
        error = std::string("the mapping is not valid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError());
        return std::nullopt;
    }
    return column_mapping_from_json(doc, error);
}

ColumnMapping in_canonical_order(const ColumnMapping& mapping) {
    ColumnMapping ordered;
    for (const FieldInfo& f : canonical_fields())
        for (const auto& [field, column] : mapping)
            if (field == f.name && !column.empty()) {
                ordered.emplace_back(field, column);
                break; // one column per field; a repeated key keeps its first column
            }
    return ordered;
}

std::string mapped_column(const ColumnMapping& mapping, std::string_view field) {
    for (const auto& [f, column] : mapping)
        if (f == field) return column;
    return {};
}

} // namespace sightline
