#include "import_command.h"

#include "base_name.h"

#include "api/activity_json.h"
#include "app/import_file_driver.h"
#include "app/import_session.h"
#include "import/import_report_json.h"
#include "store/activity_store.h"
#include "store/kept_chunks.h"
#include "store/sqlite_handle.h"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

namespace sightline::cli {
namespace {

constexpr size_t kChunkBytes = 1 << 20; // what the page reads per File.slice()

struct ImportArgs {
    std::vector<std::string> files;
    std::string jsonl_path;
    bool stats = false;
    bool via_worker_protocol = false; // as the page's parse worker reads, its output replayed
};

bool parse_args(const std::vector<std::string>& args, ImportArgs& out) {
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--jsonl") {
            if (i + 1 >= args.size()) return false;
            out.jsonl_path = args[++i];
        } else if (args[i] == "--stats") {
            out.stats = true;
        } else if (args[i] == "--via-worker-protocol") {
            out.via_worker_protocol = true;
        } else if (args[i].rfind("--", 0) == 0) {
            return false;
        } else {
            out.files.push_back(args[i]);
        }
    }
    return !out.files.empty();
}

// The command line has no demo to replace and no UI to redraw.
struct QuietListener final : ImportSessionListener {
    bool showing_demo_data() const override { return false; }
    void import_starting() override {}
    void import_ended(bool, bool) override {}
    void mapping_prompt_changed() override {}
    void mapping_remembered() override {}
};

FileImportReport unreadable(const std::string& name, const std::string& error) {
    FileImportReport report;
    report.name = name;
    report.format = "unknown";
    report.fatal_error = error;
    report.errors.push_back({0, 0, report.fatal_error});
    report.issue_count = 1;
    return report;
}

// One file through the page's import session, in a batch of its own: a file that cannot be read
// leaves the store as it was. The chunks read are kept, as the page keeps its own, and records
// read byte for byte are stored as places in them (store/kept_sources.h).
FileImportReport import_file(const std::string& path, ImportSession& session, KeptChunks& kept,
                             bool via_worker_protocol, int& read_in_worker) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return unreadable(base_name(path), "cannot open file");
    session.begin(1, 0);
    FileDriveOptions options;
    options.read = [&](std::span<uint8_t> buffer) {
        in.read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(buffer.size()));
        return static_cast<size_t>(in.gcount());
    };
    options.chunk_bytes = kChunkBytes;
    options.via_worker_protocol = via_worker_protocol;
    options.kept = &kept;
    const FileDriveResult driven = drive_file(session, base_name(path), std::move(options));
    read_in_worker += driven.read_in_worker ? 1 : 0;
    if (driven.state != ImportState::FileDone) {
        session.cancel();
        return unreadable(base_name(path), session.error().empty() ? "the import stopped" : session.error());
    }
    FileImportReport report = session.batch_reports()->back();
    if (report.fatal_error.empty()) session.finish();
    else session.cancel();
    return report;
}

void write_jsonl(ActivityStore& store, const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    Statement st = prepare(store.db(), "SELECT rowid FROM activities ORDER BY time, id");
    std::vector<int64_t> rowids;
    while (step_row(store.db(), st.get())) rowids.push_back(sqlite3_column_int64(st.get(), 0));
    constexpr size_t kBatch = 500;
    for (size_t i = 0; i < rowids.size(); i += kBatch) {
        const size_t n = std::min(kBatch, rowids.size() - i);
        for (const Activity& a : store.read(std::span<const int64_t>(rowids.data() + i, n), true))
            out << activity_to_json(a, true) << '\n';
    }
}

std::string pretty(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse(json.c_str());
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    writer.SetIndent(' ', 2);
    doc.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace

int run_import_command(const std::vector<std::string>& args) {
    ImportArgs parsed;
    if (!parse_args(args, parsed)) {
        std::cerr << "usage: sightline-cli import FILE... [--jsonl OUT] [--stats] [--via-worker-protocol]\n";
        return 2;
    }
    KeptChunks kept; // before the store, which releases sources into it until it closes
    ActivityStore store;
    store.use_kept_sources(&kept);
    QuietListener listener;
    ImportSession session(store, listener);
    std::vector<FileImportReport> reports;
    int read_in_worker = 0; // files whose rows came through the worker's protocol
    bool any_fatal = false;
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& path : parsed.files) {
        reports.push_back(import_file(path, session, kept, parsed.via_worker_protocol, read_in_worker));
        any_fatal = any_fatal || !reports.back().fatal_error.empty();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << pretty(import_reports_to_json(reports, store.count())) << '\n';
    if (parsed.stats) {
        int64_t rows = 0, bytes = 0;
        for (const FileImportReport& r : reports) rows += r.rows + r.duplicates, bytes += r.bytes;
        std::fprintf(stderr, "imported %lld rows, %.1f MB in %.3f s: %.0f rows/s, %.1f MB/s\n",
                     static_cast<long long>(rows), bytes / 1e6, seconds, rows / seconds, bytes / 1e6 / seconds);
        if (parsed.via_worker_protocol)
            std::fprintf(stderr, "%d of %zu files read through the parse worker's protocol\n", read_in_worker,
                         parsed.files.size());
    }
    if (!parsed.jsonl_path.empty()) write_jsonl(store, parsed.jsonl_path);
    return any_fatal ? 1 : 0;
}

} // namespace sightline::cli
