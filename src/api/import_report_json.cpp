#include "api/import_report_json.h"

#include "api/activity_json.h"

#include <rapidjson/document.h>

namespace sightline {
namespace {

void write_report(JsonWriter& w, const FileImportReport& r) {
    w.StartObject();
    w.Key("name");
    w.String(r.name);
    w.Key("format");
    w.String(r.format);
    for (auto [key, value] : {std::pair{"rows", r.rows}, {"repaired", r.repaired}, {"skipped", r.skipped},
                              {"duplicates", r.duplicates}, {"bytes", r.bytes}, {"issue_count", r.issue_count}}) {
        w.Key(key);
        w.Int64(value);
    }
    w.Key("mapping");
    rapidjson::Document mapping;
    if (!r.mapping_json.empty() && !mapping.Parse(r.mapping_json).HasParseError()) mapping.Accept(w);
    else w.Null();
    w.Key("errors");
    w.StartArray();
    if (!r.fatal_error.empty()) {
        w.StartObject();
        w.Key("line");
        w.Int64(0);
        w.Key("message");
        w.String(r.fatal_error);
        w.EndObject();
    }
    for (const ImportIssue& issue : r.errors) {
        w.StartObject();
        w.Key("line");
        w.Int64(issue.line);
        w.Key("byte_offset");
        w.Int64(issue.byte_offset);
        w.Key("message");
        w.String(issue.message);
        w.EndObject();
    }
    w.EndArray();
    w.Key("fatal");
    w.Bool(!r.fatal_error.empty());
    w.EndObject();
}

} // namespace

std::string import_result_to_json(const std::vector<FileImportReport>& reports, int64_t total_activities,
                                  bool replaced_demo) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("files");
    w.StartArray();
    for (const FileImportReport& r : reports) write_report(w, r);
    w.EndArray();
    w.Key("total");
    w.Int64(total_activities);
    w.Key("replaced_demo");
    w.Bool(replaced_demo);
    w.EndObject();
    return buffer.GetString();
}

} // namespace sightline
