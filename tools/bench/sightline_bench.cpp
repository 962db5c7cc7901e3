// sightline-bench: one benchmark run of the core, natively, for ./sightline bench (bench/run.mjs).
// Ingests one file through the same path as the page (AppModel's import session: FileImporter
// into an ActivityWriter, commit, indexes, the activity log's view), then times each operation
// of an operations file once, and prints one JSON object. Repeating runs and taking medians is
// the caller's job, so that each run starts from a fresh process and a fresh peak RSS.
//
//   sightline-bench FILE OPERATIONS.json
// OPERATIONS.json: [{"name", "kind": "query"|"values"|"policy", "filter": {...}, "field", "limit", "policy": {...}}]
#include "api/activity_json.h"
#include "app/app_model.h"
#include "filter/filter_json.h"
#include "filter/policy_json.h"
#include "query/activity_query.h"
#include "query/policy_evaluation.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace sightline {
namespace {

constexpr size_t kChunkBytes = 8 << 20; // the page's largest File.slice() piece

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Peak resident set size of this process (VmHWM), in bytes; 0 where /proc is not there.
int64_t peak_rss_bytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6)) * 1024;
    return 0;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string json_text(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    value.Accept(w);
    return buffer.GetString();
}

ActivityFilter filter_of(const rapidjson::Value& op) {
    if (!op.HasMember("filter")) return {};
    FilterParseResult parsed = parse_filter_json(json_text(op["filter"]));
    if (!parsed.filter) throw std::runtime_error("operation filter: " + parsed.error);
    return *parsed.filter;
}

int run(const std::string& data_path, const std::string& operations_path) {
    rapidjson::Document operations;
    const std::string operations_text = read_text(operations_path);
    operations.Parse(operations_text.c_str());
    if (operations.HasParseError() || !operations.IsArray()) throw std::runtime_error("operations must be a JSON array");

    std::ifstream in(data_path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + data_path);
    AppModel model;
    std::vector<uint8_t> chunk(kChunkBytes);
    const auto ingest_start = Clock::now();
    model.import_session().begin(1, 0);
    model.import_session().begin_file(data_path.substr(data_path.find_last_of('/') + 1));
    int64_t bytes = 0;
    while (in) {
        in.read(reinterpret_cast<char*>(chunk.data()), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<size_t>(in.gcount());
        if (got == 0) break;
        bytes += static_cast<int64_t>(got);
        model.import_session().feed(std::span<const uint8_t>(chunk.data(), got));
    }
    model.import_session().end_file();
    const double parse_insert_ms = ms_since(ingest_start);
    const auto finish_start = Clock::now();
    model.import_session().finish(); // commit, indexes, the activity log's view
    const double finish_ms = ms_since(finish_start);
    const double ingest_ms = ms_since(ingest_start);
    // What the page does between frames after an import: the column copy, then the indexes.
    // The operations below run on the finished state, as an analyst's later filters do.
    while (model.do_background_work(50.0)) {
    }
    const double background_ms = ms_since(ingest_start) - ingest_ms;

    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("ingest");
    w.StartObject();
    w.Key("ms");
    w.Double(ingest_ms);
    w.Key("parse_insert_ms");
    w.Double(parse_insert_ms);
    w.Key("commit_index_view_ms");
    w.Double(finish_ms);
    w.Key("background_ms");
    w.Double(background_ms);
    w.Key("bytes");
    w.Int64(bytes);
    w.Key("rows");
    w.Int64(model.log().total_activities());
    const FileImportReport* report =
        model.import_session().last_reports().empty() ? nullptr : &model.import_session().last_reports().front();
    w.Key("format");
    w.String(report ? report->format : "");
    w.Key("skipped");
    w.Int64(report ? report->skipped : 0);
    w.Key("repaired");
    w.Int64(report ? report->repaired : 0);
    w.Key("duplicates");
    w.Int64(report ? report->duplicates : 0);
    w.Key("peak_rss_bytes");
    w.Int64(peak_rss_bytes());
    w.EndObject();

    w.Key("operations");
    w.StartObject();
    for (const rapidjson::Value& op : operations.GetArray()) {
        const std::string name = op["name"].GetString();
        const std::string kind = op["kind"].GetString();
        const ActivityFilter filter = filter_of(op);
        const int64_t limit = op.HasMember("limit") ? op["limit"].GetInt64() : 100;
        w.Key(name.c_str());
        w.StartObject();
        if (kind == "query") {
            // What the automation API's query() does: count + first page, as JSON text.
            const auto start = Clock::now();
            QuerySpec spec;
            spec.filter = filter;
            spec.limit = limit;
            QueryResult result = run_query(model.store(), spec);
            rapidjson::StringBuffer rows;
            JsonWriter rows_writer(rows);
            rows_writer.StartArray();
            for (const Activity& a : result.rows) write_activity_json(rows_writer, a, false);
            rows_writer.EndArray();
            w.Key("ms");
            w.Double(ms_since(start));
            w.Key("total");
            w.Int64(result.total);
            w.Key("returned");
            w.Int64(static_cast<int64_t>(result.rows.size()));
        } else if (kind == "values") {
            const auto start = Clock::now();
            auto counts = count_values(model.store(), op["field"].GetString(), filter, limit);
            w.Key("ms");
            w.Double(ms_since(start));
            w.Key("returned");
            w.Int64(static_cast<int64_t>(counts.size()));
            w.Key("top");
            w.String(counts.empty() ? "" : counts.front().value);
            w.Key("top_count");
            w.Int64(counts.empty() ? 0 : counts.front().count);
        } else if (kind == "policy") {
            // What the automation API's testPolicy does, without writing its JSON answer.
            rapidjson::StringBuffer policy_json;
            rapidjson::Writer<rapidjson::StringBuffer> policy_writer(policy_json);
            op["policy"].Accept(policy_writer);
            PolicyParseResult parsed = parse_policy_json(policy_json.GetString());
            if (!parsed.policy) throw std::runtime_error(name + ": " + parsed.error);
            const auto start = Clock::now();
            PolicyMatches result = evaluate_policy(model.store(), *parsed.policy);
            w.Key("ms");
            w.Double(ms_since(start));
            w.Key("total");
            w.Int64(static_cast<int64_t>(result.ids.size()));
            w.Key("alerts");
            w.Int64(static_cast<int64_t>(result.alerts.size()));
        } else {
            throw std::runtime_error("unknown operation kind " + kind);
        }
        w.EndObject();
    }
    w.EndObject();
    w.Key("peak_rss_bytes");
    w.Int64(peak_rss_bytes());
    w.EndObject();
    std::cout << buffer.GetString() << '\n';
    return 0;
}

} // namespace
} // namespace sightline

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: sightline-bench FILE OPERATIONS.json\n";
        return 2;
    }
    try {
        return sightline::run(argv[1], argv[2]);
    } catch (const std::exception& e) {
        std::cerr << "sightline-bench: " << e.what() << '\n';
        return 1;
    }
}
