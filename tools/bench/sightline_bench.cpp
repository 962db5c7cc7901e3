// sightline-bench: one benchmark run of the core, natively, for ./sightline bench (bench/run.mjs).
// Ingests one file through the same path as the page (AppModel's import session: FileImporter
// into an ActivityWriter, commit, indexes, the activity log's view), then times each operation
// of an operations file once, and prints one JSON object. Repeating runs and taking medians is
// the caller's job, so that each run starts from a fresh process and a fresh peak RSS.
//
//   sightline-bench FILE OPERATIONS.json
// OPERATIONS.json: [{"name", "kind": "query"|"values"|"export"|"ip_range"|"insights"|"policy"|"ip_location",
//                    "filter": {...}, "field", "limit", "range": {...} (ip_range: the argument of the
//                    API's setIpRange), "subject", "value" (insights), "policy": {...},
//                    "asset" (ip_location: the path of the IP location asset)}]; kind
//                    "user_agent_enrichment" goes last (it rewrites the user-agent fields)
#include "api/activity_json.h"
#include "api/automation_api.h"
#include "api/insights_json.h"
#include "app/app_model.h"
#include "app/user_agent_enrichment_job.h"
#include "enrich/ip_location_file.h"
#include "enrich/ip_location_fill.h"
#include "export/csv_sink.h"
#include "filter/filter_json.h"
#include "filter/policy_json.h"
#include "query/activity_query.h"
#include "query/insights_job.h"
#include "query/policy_evaluation.h"
#include "store/sqlite_handle.h"

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

#include <unistd.h>

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

// An export's chunks into a file, as the sqlite3 shell's `.once FILE` writes its CSV.
class FileCsvSink final : public CsvSink {
public:
    explicit FileCsvSink(const std::string& path) : path_(path), out_(path, std::ios::binary) {}
    void write(std::string_view bytes) override { out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); }
    void finish() override { out_.close(); }
    void abort() override {
        out_.close();
        std::remove(path_.c_str());
    }

private:
    std::string path_;
    std::ofstream out_;
};

// The Export button's job over the activity log's view (its columns unless `columns` is given),
// stepped in 20 ms slices as the page steps it, into a temporary file.
void run_export(AppModel& model, const rapidjson::Value& op, rapidjson::Writer<rapidjson::StringBuffer>& w) {
    CsvExportOptions options = model.csv_export().current_options(model.log());
    options.filter = filter_of(op);
    const std::string path = "/tmp/sightline-bench-export-" + std::to_string(::getpid()) + ".csv";
    const auto start = Clock::now();
    const std::string error = model.csv_export().start(options, std::make_unique<FileCsvSink>(path));
    if (!error.empty()) throw std::runtime_error("export: " + error);
    int64_t slices = 0;
    while (model.csv_export().running()) {
        model.csv_export().step(20.0);
        ++slices;
    }
    const double ms = ms_since(start);
    std::remove(path.c_str());
    if (!model.csv_export().outcome().done) throw std::runtime_error("export: " + model.csv_export().outcome().error);
    w.Key("ms");
    w.Double(ms);
    w.Key("total");
    w.Int64(model.csv_export().outcome().rows);
    w.Key("bytes");
    w.Int64(model.csv_export().outcome().bytes);
    w.Key("slices");
    w.Int64(slices);
}

// The offline IP location over every distinct address of the log (issue 16's enrichment reads
// each distinct value once): the asset read and checked, then fill_ip_location per address.
void run_ip_location(AppModel& model, const rapidjson::Value& op, rapidjson::Writer<rapidjson::StringBuffer>& w) {
    const auto distinct_start = Clock::now();
    std::vector<std::string> ips;
    Statement st = prepare(model.store().db(), "SELECT DISTINCT ip FROM activities WHERE ip <> ''");
    while (step_row(model.store().db(), st.get())) ips.push_back(column_text(st.get(), 0));
    const double distinct_ms = ms_since(distinct_start);
    const auto load_start = Clock::now();
    IpLocationTableParse parsed = read_ip_location_file(op["asset"].GetString());
    if (!parsed.table) throw std::runtime_error(parsed.error);
    const double load_ms = ms_since(load_start);
    const auto start = Clock::now();
    const std::vector<IpFill> fills = fill_ip_locations(*parsed.table, ips);
    const double ms = ms_since(start);
    int64_t located = 0;
    for (const IpFill& f : fills) located += f.empty() ? 0 : 1;
    w.Key("ms");
    w.Double(ms);
    w.Key("total");
    w.Int64(static_cast<int64_t>(ips.size()));
    w.Key("located");
    w.Int64(located);
    w.Key("distinct_ms");
    w.Double(distinct_ms);
    w.Key("load_ms");
    w.Double(load_ms);
    w.Key("asset_bytes");
    w.Int64(static_cast<int64_t>(parsed.table->size_bytes()));
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
        } else if (kind == "export") {
            run_export(model, op, w);
        } else if (kind == "ip_location") {
            run_ip_location(model, op, w);
        } else if (kind == "ip_range") {
            // What the automation API's setIpRange does: the range checked, applied to every
            // matching activity, the column copy brought up to date.
            rapidjson::StringBuffer range;
            rapidjson::Writer<rapidjson::StringBuffer> range_writer(range);
            op["range"].Accept(range_writer);
            AutomationApi api(model);
            const auto start = Clock::now();
            const std::string answer = api.call("setIpRange", "[" + std::string(range.GetString()) + "]");
            w.Key("ms");
            w.Double(ms_since(start));
            if (answer.find("\"error\"") != std::string::npos) throw std::runtime_error(name + ": " + answer);
            w.Key("column_copy_kept");
            w.Bool(model.store().columns() != nullptr);
        } else if (kind == "insights") {
            // What userInsights() / ipInsights() do: the counts, the lists and the JSON.
            const auto start = Clock::now();
            const InsightSubject subject = std::string(op["subject"].GetString()) == "ip" ? InsightSubject::Ip : InsightSubject::User;
            const EntityInsights insights = compute_insights(model.store(), subject, op["value"].GetString());
            const std::string json = insights_to_json(insights);
            w.Key("ms");
            w.Double(ms_since(start));
            w.Key("total");
            w.Int64(insights.activities);
            w.Key("json_bytes");
            w.Int64(static_cast<int64_t>(json.size()));
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
        } else if (kind == "user_agent_enrichment") {
            // User-agent enrichment of every row as after an import of a file without Browser,
            // Operating system, Device type or tags: those are emptied first (untimed; the
            // rollback makes the column copy stale, as an import does), then one job runs to the
            // end: the parser's compile, a parse per distinct user agent, the writes. Last in the
            // file: it changes the data.
            sqlite3* db = model.store().db();
            exec(db, "UPDATE activities SET browser = '', os = '', device_type = '', computed = 0; "
                     "DELETE FROM activity_ua_tags; BEGIN; ROLLBACK");
            UserAgentEnrichmentJob job;
            const auto start = Clock::now();
            job.start(model.store());
            job.complete(model.store());
            w.Key("ms");
            w.Double(ms_since(start));
            w.Key("total");
            w.Int64(job.activities_filled());
            w.Key("distinct_user_agents");
            w.Int64(static_cast<int64_t>(job.distinct_user_agents()));
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
