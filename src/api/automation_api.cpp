#include "api/automation_api.h"

#include "api/activity_json.h"
#include "api/ip_range_calls.h"
#include "api/insights_json.h"
#include "api/policy_api.h"
#include "api/settings_calls.h"
#include "filter/filter_json.h"
#include "import/column_mapping_json.h"
#include "app/insight_policy_counts.h"
#include "app/suggested_queries.h"
#include "export/csv_export_job.h"
#include "query/activity_query.h"
#include "query/insights_job.h"
#include "query/timeline_histogram.h"
#include "util/time_format.h"

#include <rapidjson/document.h>

#include <functional>
#include <map>
#include <set>
#include <stdexcept>

namespace sightline {
namespace {

using rapidjson::Value;

struct ApiError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string error_json(const std::string& message) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("error");
    w.String(message);
    w.EndObject();
    return buffer.GetString();
}

std::string value_to_json(const Value& value) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    value.Accept(w);
    return buffer.GetString();
}

// The optional object argument at `index` (`{}` when absent or null).
const Value& options_at(const Value& args, rapidjson::SizeType index) {
    static const Value empty(rapidjson::kObjectType);
    if (index >= args.Size() || args[index].IsNull()) return empty;
    if (!args[index].IsObject()) throw ApiError("argument " + std::to_string(index + 1) + " must be an object");
    return args[index];
}

std::string filter_error(const std::string& parse_error) {
    return parse_error.rfind("filter", 0) == 0 ? parse_error : "filter: " + parse_error;
}

ActivityFilter filter_member(const Value& options, const char* key) {
    auto it = options.FindMember(key);
    if (it == options.MemberEnd() || it->value.IsNull()) return {};
    FilterParseResult parsed = parse_filter_json(value_to_json(it->value));
    if (!parsed.filter) throw ApiError(filter_error(parsed.error));
    return *parsed.filter;
}

int64_t int_member(const Value& options, const char* key, int64_t fallback, int64_t min, int64_t max) {
    auto it = options.FindMember(key);
    if (it == options.MemberEnd() || it->value.IsNull()) return fallback;
    if (!it->value.IsInt64()) throw ApiError(std::string(key) + " must be an integer");
    int64_t v = it->value.GetInt64();
    if (v < min || v > max)
        throw ApiError(std::string(key) + " must be between " + std::to_string(min) + " and " + std::to_string(max));
    return v;
}

std::vector<SortKey> sort_member(const Value& options) {
    auto it = options.FindMember("sort");
    if (it == options.MemberEnd() || it->value.IsNull()) return default_sort();
    if (!it->value.IsArray()) throw ApiError("sort must be an array of {field, dir}");
    std::vector<SortKey> keys;
    for (const Value& k : it->value.GetArray()) {
        if (!k.IsObject() || !k.HasMember("field") || !k["field"].IsString())
            throw ApiError("sort must be an array of {field, dir}");
        std::string dir = k.HasMember("dir") && k["dir"].IsString() ? k["dir"].GetString() : "asc";
        if (dir != "asc" && dir != "desc") throw ApiError("sort dir must be \"asc\" or \"desc\"");
        keys.push_back({k["field"].GetString(), dir == "desc"});
    }
    return keys.empty() ? default_sort() : keys;
}

std::string query(AppModel& model, const Value& args) {
    const Value& options = options_at(args, 0);
    QuerySpec spec;
    spec.filter = filter_member(options, "filter");
    spec.sort = sort_member(options);
    spec.offset = int_member(options, "offset", 0, 0, INT64_MAX);
    spec.limit = int_member(options, "limit", 100, 0, 100000);
    QueryResult result = run_query(model.store(), spec);
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("total");
    w.Int64(result.total);
    w.Key("rows");
    w.StartArray();
    for (const Activity& a : result.rows) write_activity_json(w, a, false);
    w.EndArray();
    w.EndObject();
    return buffer.GetString();
}

std::string values(AppModel& model, const Value& args) {
    if (args.Size() < 1 || !args[0].IsString()) throw ApiError("values(field, {filter, limit}) needs a field name");
    const Value& options = options_at(args, 1);
    auto counts = count_values(model.store(), args[0].GetString(), filter_member(options, "filter"),
                               int_member(options, "limit", 100, 1, 1000000));
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    write_value_counts(w, counts);
    return buffer.GetString();
}

std::string set_filter(AppModel& model, const Value& args) {
    if (args.Size() < 1) throw ApiError("setFilter(filter) needs a filter");
    FilterParseResult parsed = parse_filter_json(value_to_json(args[0]));
    if (!parsed.filter) throw ApiError(filter_error(parsed.error));
    model.log().set_filter(*parsed.filter);
    model.complete_view();
    return R"({"ok":true,"visible":)" + std::to_string(model.log().view().size()) + "}";
}

std::string get_filter(AppModel& model, const Value&) { return filter_to_json(model.log().filter()); }

std::string clear(AppModel& model, const Value&) {
    model.clear_activities();
    return R"({"ok":true,"total":0})";
}

std::string activity(AppModel& model, const Value& args) {
    if (args.Size() < 1 || !args[0].IsString()) throw ApiError("activity(id) needs an activity id");
    auto found = model.store().find_by_id(args[0].GetString(), true);
    if (!found) throw ApiError("no activity with id \"" + std::string(args[0].GetString()) + "\"");
    return activity_detail_json(*found);
}

// status({complete: false}) reports the count so far instead of finishing it first (a poll
// that must not itself hold the page for a million-row count).
std::string status(AppModel& model, const Value& args) {
    const bool complete = !(args.Size() > 0 && args[0].IsObject() && args[0].HasMember("complete") &&
                            args[0]["complete"].IsBool() && !args[0]["complete"].GetBool());
    if (complete) model.complete_view();
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("total");
    w.Int64(model.log().total_activities());
    w.Key("visible");
    w.Int64(model.log().view().size());
    w.Key("counting");
    w.Bool(!model.log().view_complete());
    w.Key("demo");
    w.Bool(model.showing_demo_data());
    w.Key("importing");
    w.Bool(model.import_session().job() != nullptr);
    w.Key("background");
    w.String(model.background_status());
    w.Key("sort");
    w.StartArray();
    for (const SortKey& key : model.log().sort()) {
        w.StartObject();
        w.Key("field");
        w.String(key.field);
        w.Key("dir");
        w.String(key.descending ? "desc" : "asc");
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return buffer.GetString();
}

std::string string_arg(const Value& args, rapidjson::SizeType index, const char* what) {
    if (index >= args.Size() || !args[index].IsString()) throw ApiError(std::string(what) + " must be a string");
    return args[index].GetString();
}

std::string ok_or_error(const std::string& error) {
    return error.empty() ? R"({"ok":true})" : error_json(error);
}

std::string queries(AppModel& model, const Value&) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    auto write_list = [&](const char* key, const std::vector<NamedQuery>& list) {
        w.Key(key);
        w.StartArray();
        for (const NamedQuery& q : list) {
            w.StartObject();
            w.Key("name");
            w.String(q.name);
            w.Key("filter");
            rapidjson::Document filter;
            filter.Parse(filter_to_json(q.filter));
            filter.Accept(w);
            w.EndObject();
        }
        w.EndArray();
    };
    w.StartObject();
    write_list("suggested", suggested_queries());
    write_list("saved", model.settings().saved_queries().list());
    w.EndObject();
    return buffer.GetString();
}

std::string save_query(AppModel& model, const Value& args) {
    return ok_or_error(model.settings().save_query_as(string_arg(args, 0, "the query name"), model.log().filter()));
}
std::string apply_query(AppModel& model, const Value& args) {
    return ok_or_error(model.apply_query(string_arg(args, 0, "the query name")));
}
std::string rename_query(AppModel& model, const Value& args) {
    return ok_or_error(model.settings().rename_query(string_arg(args, 0, "the query name"), string_arg(args, 1, "the new name")));
}
std::string delete_query(AppModel& model, const Value& args) {
    return ok_or_error(model.settings().delete_query(string_arg(args, 0, "the query name")));
}

std::string mark(AppModel& model, const Value& args) {
    std::string id = string_arg(args, 0, "the activity id");
    const Value& options = options_at(args, 1);
    AppModel::Marks marks;
    if (auto it = options.FindMember("starred"); it != options.MemberEnd()) {
        if (!it->value.IsBool()) throw ApiError("starred must be true or false");
        marks.starred = it->value.GetBool();
    }
    if (auto it = options.FindMember("tags"); it != options.MemberEnd()) {
        if (!it->value.IsArray()) throw ApiError("tags must be an array of strings");
        marks.tags.emplace();
        for (const Value& tag : it->value.GetArray()) {
            if (!tag.IsString()) throw ApiError("tags must be an array of strings");
            marks.tags->push_back(tag.GetString());
        }
    }
    if (auto it = options.FindMember("comment"); it != options.MemberEnd()) {
        if (!it->value.IsString()) throw ApiError("comment must be a string");
        marks.comment = it->value.GetString();
    }
    std::string error = model.mark_activity(id, marks);
    if (!error.empty()) return error_json(error);
    return activity_to_json(*model.store().find_by_id(id, false), false);
}

std::string sql(AppModel& model, const Value& args) {
    model.run_sql(string_arg(args, 0, "the SQL text"));
    const SqlConsoleResult& r = model.sql_result();
    if (!r.ok()) return error_json(r.error);
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("columns");
    w.StartArray();
    for (const std::string& c : r.columns) w.String(c);
    w.EndArray();
    w.Key("rows");
    w.StartArray();
    for (const SqlConsoleRow& row : r.rows) {
        w.StartArray();
        for (const auto& cell : row) cell ? w.String(*cell) : w.Null();
        w.EndArray();
    }
    w.EndArray();
    w.Key("truncated");
    w.Bool(r.truncated);
    w.EndObject();
    return buffer.GetString();
}

std::string timeline(AppModel& model, const Value& args) {
    const Value& options = options_at(args, 0);
    TimelineHistogram h = build_timeline(model.store(), filter_member(options, "filter"), {},
                                         static_cast<int>(int_member(options, "buckets", 120, 1, 2000)));
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("bucket_ms");
    w.Int64(h.bucket_ms);
    w.Key("start");
    w.String(format_iso8601_utc(h.start_ms));
    w.Key("counts");
    w.StartArray();
    for (int64_t c : h.counts) w.Int64(c);
    w.EndArray();
    w.Key("total");
    w.Int64(h.total);
    w.EndObject();
    return buffer.GetString();
}

// load()'s per-file `mapping`, checked before anything is read: {ok, mapping} with the
// mapping in canonical field order, or {error}.
std::string check_mapping(AppModel&, const Value& args) {
    if (args.Size() < 1 || args[0].IsNull()) throw ApiError("checkMapping(mapping) needs a mapping object");
    std::string error;
    std::optional<ColumnMapping> mapping = column_mapping_from_json(args[0], error);
    if (!mapping) throw ApiError("mapping: " + error);
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("ok");
    w.Bool(true);
    w.Key("mapping");
    write_column_mapping(w, *mapping);
    w.EndObject();
    return buffer.GetString();
}

// The column-mapping dialog as the analyst sees it: {open: false}, or the file, its columns,
// the mapping chosen so far, where it came from, and why it cannot be used yet (if so).
std::string mapping_dialog(AppModel& model, const Value&) {
    const MappingPrompt* prompt = model.import_session().mapping_prompt();
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("open");
    w.Bool(prompt != nullptr);
    if (prompt) {
        w.Key("file");
        w.String(prompt->sample().file_name);
        w.Key("columns");
        w.StartArray();
        for (const std::string& c : prompt->sample().columns) w.String(c);
        w.EndArray();
        w.Key("mapping");
        write_column_mapping(w, prompt->mapping());
        w.Key("remembered_from");
        w.String(prompt->sample().remembered_from);
        w.Key("error");
        w.String(prompt->preview().error);
        w.Key("preview_rows");
        w.Int64(static_cast<int64_t>(prompt->preview().rows.size()));
    }
    w.EndObject();
    return buffer.GetString();
}

bool bool_member(const Value& options, const char* key, bool fallback) {
    auto it = options.FindMember(key);
    if (it == options.MemberEnd() || it->value.IsNull()) return fallback;
    if (!it->value.IsBool()) throw ApiError(std::string(key) + " must be true or false");
    return it->value.GetBool();
}

// exportCsv's and startExport's options {filter, sort, columns, all_fields, raw, bom,
// delimiter}: what is left out is the activity log's (its filter, sort and visible columns) and
// the Export panel's choices, as the Export button would write it.
CsvExportOptions export_options(AppModel& model, const Value& args) {
    const Value& options = options_at(args, 0);
    CsvExportOptions export_options = model.csv_export().current_options(model.log());
    if (options.HasMember("filter") && !options["filter"].IsNull()) export_options.filter = filter_member(options, "filter");
    if (options.HasMember("sort") && !options["sort"].IsNull()) export_options.sort = sort_member(options);
    if (auto it = options.FindMember("columns"); it != options.MemberEnd() && !it->value.IsNull()) {
        if (!it->value.IsArray()) throw ApiError("columns must be an array of field names");
        export_options.columns.clear();
        for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
            if (!it->value[i].IsString())
                throw ApiError("columns[" + std::to_string(i) + "] must be a field name (a string)");
            export_options.columns.push_back(it->value[i].GetString());
        }
    }
    export_options.all_fields = bool_member(options, "all_fields", export_options.all_fields);
    export_options.raw = bool_member(options, "raw", export_options.raw);
    export_options.bom = bool_member(options, "bom", export_options.bom);
    if (auto it = options.FindMember("delimiter"); it != options.MemberEnd() && !it->value.IsNull()) {
        const std::string_view d = it->value.IsString() ? it->value.GetString() : "";
        if (d != "," && d != ";") throw ApiError("delimiter must be \",\" or \";\"");
        export_options.delimiter = d.front();
    }
    return export_options;
}

// The CSV text, from the same job as the Export button's download.
std::string export_csv(AppModel& model, const Value& args) {
    CsvExportText csv = export_csv_text(model.store(), export_options(model, args));
    if (!csv.error.empty()) throw ApiError(csv.error);
    return json_string(csv.text);
}

// startExport(options): the Export button's download, started (the job runs between frames);
// exportStatus() follows it, cancelExport() stops it.
std::string start_export(AppModel& model, const Value& args) {
    const CsvExportOptions options = export_options(model, args);
    const std::string error = model.csv_export().start_download(options);
    if (!error.empty()) throw ApiError(error);
    return R"({"ok":true})";
}

std::string export_status(AppModel& model, const Value&) {
    const CsvExportSession& session = model.csv_export();
    const CsvExportOutcome& outcome = session.outcome();
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    w.StartObject();
    w.Key("running");
    w.Bool(session.running());
    if (const CsvExportJob* job = session.job()) {
        w.Key("selecting");
        w.Bool(job->selecting());
        w.Key("rows_total");
        w.Int64(job->rows_total());
        w.Key("rows_written");
        w.Int64(job->rows_written());
    }
    w.Key("done");
    w.Bool(outcome.done);
    w.Key("cancelled");
    w.Bool(outcome.cancelled);
    w.Key("error");
    w.String(outcome.error);
    w.Key("rows");
    w.Int64(outcome.rows);
    w.Key("bytes");
    w.Int64(outcome.bytes);
    w.EndObject();
    return buffer.GetString();
}

std::string cancel_export(AppModel& model, const Value&) {
    model.csv_export().cancel();
    return R"({"ok":true})";
}

// userInsights(user) and ipInsights(ip): query/insights_job.h, answered at once, with the
// saved policies' open alerts and matches (app/insight_policy_counts.h).
std::string insights(AppModel& model, InsightSubject subject, std::string_view value) {
    model.policies().complete_run(); // the counts are of every saved policy's answer
    EntityInsights answer = compute_insights(model.store(), subject, value);
    add_policy_counts(model.policies(), model.store(), answer);
    return insights_to_json(answer);
}
std::string user_insights(AppModel& model, const Value& args) {
    return insights(model, InsightSubject::User, string_arg(args, 0, "the user"));
}
std::string ip_insights(AppModel& model, const Value& args) {
    return insights(model, InsightSubject::Ip, string_arg(args, 0, "the IP address"));
}

using Handler = std::function<std::string(AppModel&, const Value&)>;

const std::map<std::string, Handler, std::less<>>& handlers() {
    static const std::map<std::string, Handler, std::less<>> table = {
        {"query", query},         {"values", values}, {"setFilter", set_filter}, {"getFilter", get_filter},
        {"clear", clear},         {"activity", activity}, {"status", status},
        {"queries", queries},     {"saveQuery", save_query}, {"applyQuery", apply_query},
        {"renameQuery", rename_query}, {"deleteQuery", delete_query}, {"sql", sql}, {"timeline", timeline}, {"mark", mark},
        {"checkMapping", check_mapping}, {"mappingDialog", mapping_dialog}, {"exportCsv", export_csv},
        {"startExport", start_export}, {"exportStatus", export_status}, {"cancelExport", cancel_export},
        {"setIpRange", set_ip_range_call}, {"ipRanges", ip_ranges_call}, {"removeIpRange", remove_ip_range_call},
        {"setIpAs", set_ip_as_call}, {"undo", undo_call},
        {"userInsights", user_insights}, {"ipInsights", ip_insights},
        {"exportSettings", export_settings_call}, {"importSettings", import_settings_call},
    };
    return table;
}

// The calls that change nothing the page shows. Some finish work first (status({complete}),
// the insights finish the policies' run): what that changes moves the log's revision, which
// the page watches on its own.
const std::set<std::string, std::less<>>& reading_calls() {
    static const std::set<std::string, std::less<>> names = {
        "query", "values", "getFilter", "activity", "status", "queries", "sql", "timeline", "checkMapping",
        "exportCsv", "exportStatus", "ipRanges", "userInsights", "ipInsights", "exportSettings",
        "policies", "testPolicy", "policyTemplates", "alerts",
    };
    return names;
}

} // namespace

bool AutomationApi::only_reads(std::string_view method) { return reading_calls().count(method) > 0; }

std::string AutomationApi::call(std::string_view method, std::string_view arguments_json) {
    auto handler = handlers().find(method);
    rapidjson::Document args;
    args.Parse(arguments_json.data(), arguments_json.size());
    if (args.HasParseError() || !args.IsArray()) return error_json("arguments must be a JSON array");
    try {
        if (handler != handlers().end()) return handler->second(model_, args);
        if (auto answer = call_policy_api(model_, method, args)) return *answer;
        return error_json("unknown call \"" + std::string(method) + "\"");
    } catch (const ApiError& e) {
        return error_json(e.what());
    } catch (const std::invalid_argument& e) {
        return error_json(e.what());
    } catch (const std::exception& e) {
        return error_json(std::string("internal error: ") + e.what());
    }
}

} // namespace sightline
