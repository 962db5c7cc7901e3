#include "import/import_report_json.h"

#include <rapidjson/document.h>

namespace sightline {

void write_file_report_json(rapidjson::Writer<rapidjson::StringBuffer>& w, const FileImportReport& r) {
    auto text = [&](const char* key, const std::string& value) {
        w.Key(key);
        w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    };
    auto number = [&](const char* key, int64_t value) {
        w.Key(key);
        w.Int64(value);
    };
    w.StartObject();
    text("name", r.name);
    text("format", r.format);
    number("rows", r.rows);
    number("repaired", r.repaired);
    number("skipped", r.skipped);
    number("duplicates", r.duplicates);
    w.Key("mapping");
    rapidjson::Document mapping;
    if (!r.mapping_json.empty() && !mapping.Parse(r.mapping_json.c_str()).HasParseError()) mapping.Accept(w);
    else w.Null();
    if (!r.mapping_source.empty()) text("mapping_source", r.mapping_source);
    w.Key("errors");
    w.StartArray();
    for (const ImportIssue& issue : r.errors) {
        w.StartObject();
        number("line", issue.line);
        number("byte_offset", issue.byte_offset);
        text("message", issue.message);
        w.EndObject();
    }
    w.EndArray();
    number("issue_count", r.issue_count);
    number("bytes", r.bytes);
    w.Key("fatal");
    w.Bool(!r.fatal_error.empty());
    if (!r.fatal_error.empty()) text("error", r.fatal_error);
    w.EndObject();
}

std::string import_reports_to_json(const std::vector<FileImportReport>& reports, int64_t total,
                                   std::optional<bool> replaced_demo) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("files");
    w.StartArray();
    for (const FileImportReport& r : reports) write_file_report_json(w, r);
    w.EndArray();
    w.Key("total");
    w.Int64(total);
    if (replaced_demo) {
        w.Key("replaced_demo");
        w.Bool(*replaced_demo);
    }
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace sightline
