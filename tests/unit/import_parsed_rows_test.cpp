// Files read by the page's parse worker (import/parsed_rows.h): a FileImporter writes into a
// ParsedRowsEncoder, and ImportJob replays the bytes into the store. For every import fixture
// and chunking, the stored rows (raw records included) and the report must be exactly those of
// an import in one thread; a file in no known format is handed back with nothing stored.
#include "import_test_support.h"

#include "app/import_job.h"
#include "import/parsed_rows.h"

#include <filesystem>
#include <stdexcept>

using namespace sightline;
using namespace sightline::test;

namespace {

std::span<const uint8_t> as_span(std::string_view s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }

struct ParsedImport {
    ImportResult result;
    bool handed_back = false;
    size_t pieces = 0; // add_parsed calls
};

// Reads `bytes` as the worker does (fed in `chunk`-sized pieces, each piece's rows posted at
// once) into an ImportJob over `store`, which must keep its sources in `kept`.
ParsedImport import_parsed(ActivityStore& store, KeptChunks& kept, const std::string& name, const std::string& bytes,
                           size_t chunk) {
    ParsedImport out;
    ImportJob job(store, 1, static_cast<int64_t>(bytes.size()), false);
    ImportOptions options;
    options.kept_source = kept.open();
    options.stop_at_unknown_format = true;
    job.begin_parsed_file(name, options.kept_source);
    ParsedRowsEncoder encoder;
    FileImporter worker(name, encoder, options);
    auto post = [&] {
        job.add_parsed(as_span(encoder.bytes()));
        encoder.clear();
        ++out.pieces;
    };
    const size_t step = chunk == 0 ? std::max<size_t>(bytes.size(), 1) : chunk;
    for (size_t i = 0; i < bytes.size() && !worker.stopped_at_unknown_format(); i += step) {
        const auto piece = as_span(bytes).subspan(i, std::min(step, bytes.size() - i));
        kept.append(options.kept_source, piece);
        encoder.add_progress(worker.report().bytes + static_cast<int64_t>(piece.size())); // as the worker does
        worker.feed(piece);
        post();
        CHECK(job.progress().bytes_done == worker.report().bytes); // the progress bar follows the worker
    }
    if (!worker.stopped_at_unknown_format()) worker.finish();
    out.handed_back = worker.stopped_at_unknown_format();
    if (!out.handed_back) {
        encoder.add_report(worker.report());
        post();
        REQUIRE(job.reports().size() == 1);
        out.result.report = job.reports()[0];
        job.commit();
    }
    out.result.rows = stored_rows_jsonl(store);
    return out;
}

ParsedImport import_parsed(const std::string& name, const std::string& bytes, size_t chunk) {
    KeptChunks kept;
    ActivityStore store;
    store.use_kept_sources(&kept);
    return import_parsed(store, kept, name, bytes, chunk);
}

} // namespace

TEST_CASE("rows parsed by the worker are stored as an import in one thread stores them, for every fixture") {
    int handed_back = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(SIGHTLINE_FIXTURES_DIR) + "/import")) {
        const std::string name = entry.path().filename().string();
        const std::string bytes = read_fixture(name);
        for (size_t chunk : {size_t{0}, size_t{7}, size_t{4096}}) {
            INFO("fixture: ", name, ", chunk: ", chunk);
            const ImportResult direct = import_bytes(name, bytes, chunk);
            const ParsedImport parsed = import_parsed(name, bytes, chunk);
            if (parsed.handed_back) {
                // Only a file the one-thread import reads with a guessed mapping (or not at all).
                CHECK((direct.report.mapping_source == "guessed" || direct.report.format == "unknown"));
                CHECK(parsed.result.rows.empty());
                handed_back += chunk == 0;
                continue;
            }
            CHECK(parsed.result.rows == direct.rows);
            check_same_report(parsed.result.report, direct.report);
        }
    }
    CHECK(handed_back >= 3); // generic_guessed.csv, generic_guessed.jsonl, unknown_columns.csv, ...
}

TEST_CASE("the store counts the duplicates of parsed rows, and keeps their raw records in the file") {
    std::string file = "Activity,User,App,Date,Event ID\r\n";
    for (int i = 0; i < 3000; ++i)
        file += "\"Download file: r" + std::to_string(i) + ".pdf " + std::string(400, 'x') + "\",alice@contoso.com,Box,2024-03-01T08:00:00Z,ev-" +
                std::to_string(i) + "\r\n";
    KeptChunks kept;
    ActivityStore store;
    store.use_kept_sources(&kept);
    const ParsedImport first = import_parsed(store, kept, "a.csv", file, 10000);
    CHECK(first.result.report.rows == 3000);
    CHECK(first.result.report.duplicates == 0);
    CHECK(first.pieces > 5);
    CHECK(store.raw_records().memory_bytes() < file.size() / 4); // kept, not copied
    CHECK(store.find_by_id("ev-42")->raw ==
          "\"Download file: r42.pdf " + std::string(400, 'x') + "\",alice@contoso.com,Box,2024-03-01T08:00:00Z,ev-42");

    const ParsedImport again = import_parsed(store, kept, "b.csv", file, 0);
    CHECK(again.result.report.rows == 0);
    CHECK(again.result.report.duplicates == 3000);
    CHECK(kept.sources() == 1); // the second file's bytes went: no row lies in them
}

TEST_CASE("a file handed back by the worker is read again on the page's thread, once") {
    const std::string file = read_fixture("generic_guessed.csv");
    KeptChunks kept;
    ActivityStore store;
    store.use_kept_sources(&kept);
    ImportJob job(store, 1, 0, false);
    const uint32_t source = kept.open();
    job.begin_parsed_file("generic_guessed.csv", source);
    kept.append(source, as_span(file));
    ImportOptions options;
    options.kept_source = source;
    job.begin_file("generic_guessed.csv", options); // handed back: the parsed file gives way
    job.feed(as_span(file));
    job.end_file();
    job.commit();
    REQUIRE(job.reports().size() == 1);
    CHECK(job.reports()[0].mapping_source == "guessed");
    CHECK(job.reports()[0].rows == import_fixture("generic_guessed.csv").report.rows);
    CHECK(job.reports()[0].rows > 0);
}

TEST_CASE("parsed rows: a cut or foreign entry is an error, never a row") {
    Activity a;
    a.id = "x1";
    a.time_ms = 1700000000000;
    a.description = "Log on";
    a.ip_tags = {"VPN", "Risky"};
    ParsedRowsEncoder encoder;
    encoder.insert(a, "x1,Log on", KeptAt{3, 1234});
    const size_t first_row = encoder.bytes().size();
    encoder.insert(a, "copied record", std::nullopt);
    const std::string bytes = encoder.bytes();

    ParsedRowsDecoder whole(as_span(bytes));
    REQUIRE(whole.next() == ParsedRowsDecoder::Entry::Row);
    REQUIRE(whole.activity().ip_tags.size() == 2);
    CHECK(whole.activity().ip_tags[0] == "VPN");
    CHECK(whole.activity().ip_tags[1] == "Risky");
    CHECK(whole.activity().description == "Log on");
    CHECK(whole.activity().time_ms == 1700000000000);
    REQUIRE(whole.raw().kept.has_value());
    CHECK(whole.raw().kept->source == 3);
    CHECK(whole.raw().kept->offset == 1234);
    CHECK(whole.raw().kept_size == 9);
    CHECK(whole.raw().extra_texts.size() == 0); // id and description are in the record
    REQUIRE(whole.next() == ParsedRowsDecoder::Entry::Row);
    CHECK(whole.raw().text == "copied record");
    CHECK(whole.raw().extra_texts.size() == 2);
    CHECK(whole.next() == ParsedRowsDecoder::Entry::End);

    for (size_t cut = 1; cut < bytes.size(); ++cut) {
        if (cut == first_row) continue; // whole entries
        INFO("cut at ", cut);
        ParsedRowsDecoder rows(as_span(std::string_view(bytes).substr(0, cut)));
        CHECK_THROWS_AS(while (rows.next() != ParsedRowsDecoder::Entry::End) {}, std::runtime_error);
    }
    const std::string foreign = "Z" + bytes;
    ParsedRowsDecoder rows(as_span(foreign));
    CHECK_THROWS_AS(rows.next(), std::runtime_error);
}

TEST_CASE("parsed rows are stored a slice at a time when the time is up, and none is lost") {
    std::string file = "Activity,User,App,Date,Event ID\n";
    for (int i = 0; i < 1000; ++i)
        file += "Log on,bob@contoso.com,Box,2024-03-01T08:00:00Z,ev-" + std::to_string(i) + "\n";
    ParsedRowsEncoder encoder;
    ImportOptions options;
    options.stop_at_unknown_format = true;
    FileImporter worker("slices.csv", encoder, options);
    worker.feed(as_span(file));
    worker.finish();
    encoder.add_report(worker.report());
    const std::string rows = encoder.bytes();

    ActivityStore store;
    ImportJob job(store, 1, 0, false);
    job.begin_parsed_file("slices.csv", 0);
    size_t done = 0, slices = 0;
    while (done < rows.size()) {
        const size_t used = job.add_parsed(as_span(rows).subspan(done), ParsedFileReplay::Clock::now());
        REQUIRE(used > 0); // a slice always stores some rows
        done += used;
        ++slices;
    }
    CHECK(slices > 10); // past its deadline at once: a slice per 32 rows
    job.commit();
    REQUIRE(job.reports().size() == 1);
    CHECK(job.reports()[0].rows == 1000);
    CHECK(store.count() == 1000);
}

TEST_CASE("a parsed file's replay refuses what no worker sends: rows after its report, a hand-back after rows") {
    Activity a;
    a.id = "r1";
    a.time_ms = 1700000000000;
    ParsedRowsEncoder encoder;
    encoder.insert(a, "r1", std::nullopt);
    FileImportReport report;
    report.name = "late.csv";
    encoder.add_report(report);
    a.id = "r2";
    encoder.insert(a, "r2", std::nullopt);

    ActivityStore store;
    ImportJob job(store, 1, 0, false);
    job.begin_parsed_file("late.csv", 0);
    try {
        job.add_parsed(as_span(encoder.bytes()));
        FAIL("rows after the report were taken");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "late.csv: rows arrived after the file's report");
    }

    ActivityStore other;
    ImportJob stored(other, 1, 0, false);
    stored.begin_parsed_file("half.csv", 0);
    ParsedRowsEncoder one;
    one.insert(a, "r2", std::nullopt);
    stored.add_parsed(as_span(one.bytes()));
    CHECK_THROWS_AS(stored.begin_file("half.csv"), std::logic_error);
}
