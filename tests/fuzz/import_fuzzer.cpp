// libFuzzer target for the importers: any bytes, fed in chunks whose size comes from the
// input itself, must never crash, hang or leak, whatever format the content resembles. Each
// input is imported three ways: raw records kept in the input's chunks (as the page and the CLI
// do), copied, and parsed as the page's parse worker does (import/parsed_rows.h), the rows
// encoded and replayed into the store. All must store the same rows, raw records included.
#include "api/activity_json.h"
#include "app/import_job.h"
#include "import/file_importer.h"
#include "import/parsed_rows.h"
#include "store/activity_store.h"
#include "store/kept_chunks.h"
#include "store/sqlite_handle.h"

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

namespace {

// The rows the open transaction holds, as JSON lines in rowid order.
std::string stored_rows(sightline::ActivityStore& store) {
    sightline::Statement st = sightline::prepare(store.db(), "SELECT rowid FROM activities ORDER BY rowid");
    std::vector<int64_t> rowids;
    while (sightline::step_row(store.db(), st.get())) rowids.push_back(sqlite3_column_int64(st.get(), 0));
    std::string out;
    for (const sightline::Activity& a : store.read(rowids, true)) out += sightline::activity_to_json(a, true) + "\n";
    return out;
}

// Imports `input` in `chunk`-byte feeds, reads the rows back and rolls everything back.
std::string import_rows(sightline::ActivityStore& store, sightline::KeptChunks* kept, std::span<const uint8_t> input,
                        size_t chunk) {
    sightline::ActivityWriter writer(store);
    sightline::ImportOptions options;
    if (kept) options.kept_source = kept->open();
    sightline::FileImporter importer("fuzz.csv", writer, options);
    for (size_t i = 0; i < input.size(); i += chunk) {
        const auto piece = input.subspan(i, std::min(chunk, input.size() - i));
        if (kept) kept->append(options.kept_source, piece);
        importer.feed(piece);
    }
    importer.finish();
    (void)importer.report();
    return stored_rows(store);
}

// The same through the worker's path; a file the worker hands back (no known format) gives "".
std::string import_parsed_rows(sightline::ActivityStore& store, sightline::KeptChunks& kept,
                               std::span<const uint8_t> input, size_t chunk, bool& handed_back) {
    sightline::ImportJob job(store, 1, 0, false); // never committed: rolled back when it goes
    sightline::ImportOptions options;
    options.kept_source = kept.open();
    options.stop_at_unknown_format = true;
    job.begin_parsed_file("fuzz.csv", options.kept_source);
    sightline::ParsedRowsEncoder encoder;
    sightline::FileImporter importer("fuzz.csv", encoder, options);
    auto post = [&] {
        const std::string& bytes = encoder.bytes();
        job.add_parsed(std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
        encoder.clear();
    };
    for (size_t i = 0; i < input.size() && !importer.stopped_at_unknown_format(); i += chunk) {
        const auto piece = input.subspan(i, std::min(chunk, input.size() - i));
        kept.append(options.kept_source, piece);
        importer.feed(piece);
        post();
    }
    if (!importer.stopped_at_unknown_format()) importer.finish();
    handed_back = importer.stopped_at_unknown_format();
    if (handed_back) return {};
    encoder.add_report(importer.report());
    post();
    return stored_rows(store);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static sightline::KeptChunks kept;
    static sightline::ActivityStore store_kept, store_copied, store_parsed; // every run is rolled back
    static bool ready = (store_kept.use_kept_sources(&kept), store_parsed.use_kept_sources(&kept), true);
    (void)ready;
    if (size == 0) return 0;
    const size_t chunk = 1 + data[0] % 64; // small chunks reach every boundary case
    std::span<const uint8_t> input(data + 1, size - 1);
    const std::string rows = import_rows(store_kept, &kept, input, chunk);
    if (rows != import_rows(store_copied, nullptr, input, chunk)) std::abort();
    bool handed_back = false;
    const std::string parsed = import_parsed_rows(store_parsed, kept, input, chunk, handed_back);
    if (!handed_back && parsed != rows) std::abort();
    if (kept.sources() != 0) std::abort(); // the rollbacks released the input's sources
    return 0;
}
