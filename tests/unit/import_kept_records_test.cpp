// Raw records kept in the file's chunks (store/kept_sources.h) must read back exactly as copied
// ones: for every import fixture, in every chunking, the stored rows (raw included) and the
// report are the same either way. Clean UTF-8 files are kept, not copied; a file the decoder
// had to mend (UTF-16, invalid UTF-8) is copied from then on.
#include "import_test_support.h"

#include <filesystem>

using namespace sightline;
using namespace sightline::test;

TEST_CASE("raw records kept in the file read back as copied ones, for every fixture") {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(SIGHTLINE_FIXTURES_DIR) + "/import")) {
        const std::string name = entry.path().filename().string();
        const std::string bytes = read_fixture(name);
        for (size_t chunk : {size_t{0}, size_t{1}, size_t{7}, size_t{4096}}) {
            INFO("fixture: ", name, ", chunk: ", chunk);
            const ImportResult kept = import_bytes(name, bytes, chunk);
            const ImportResult copied = import_bytes(name, bytes, chunk, {}, RawKeeping::Copied);
            CHECK(kept.rows == copied.rows);
            CHECK(kept.report.rows == copied.report.rows);
            CHECK(kept.report.errors.size() == copied.report.errors.size());
        }
    }
}

namespace {

// A Defender CSV of `rows` rows, each with a long JSON-ish description as raw exports have.
std::string defender_csv(size_t rows, std::string_view extra_line = {}) {
    std::string out = "Activity,User,App,Date,Event ID\r\n";
    for (size_t i = 0; i < rows; ++i) {
        out += "\"Download file: report-" + std::to_string(i) + ".pdf, " + std::string(400, 'x') +
               "\",alice@contoso.com,Box,2024-03-01T08:00:00Z,ev-" + std::to_string(i) + "\r\n";
        if (i == rows / 2) out += extra_line;
    }
    return out;
}

} // namespace

TEST_CASE("a clean UTF-8 file's records stay in its chunks; a mended file's are copied") {
    const std::string clean = defender_csv(20000); // ~9 MB
    const ImportResult kept = import_bytes("clean.csv", clean, 65536);
    const ImportResult copied = import_bytes("clean.csv", clean, 65536, {}, RawKeeping::Copied);
    REQUIRE(kept.report.rows == 20000);
    CHECK(kept.rows == copied.rows);
    CHECK(copied.raw_memory_bytes > clean.size() * 3 / 4);
    CHECK(kept.raw_memory_bytes < clean.size() / 4);

    // An invalid byte half way: the rows before it stay kept, the rest are copied with U+FFFD.
    const std::string mended_file = defender_csv(20000, "\"bad \xff byte\",bob@contoso.com,Box,2024-03-01T09:00:00Z,ev-bad\r\n");
    const ImportResult mended = import_bytes("mended.csv", mended_file, 65536);
    const ImportResult mended_copied = import_bytes("mended.csv", mended_file, 65536, {}, RawKeeping::Copied);
    REQUIRE(mended.report.rows == 20001);
    CHECK(mended.rows == mended_copied.rows);
    CHECK(mended.rows.find("bad \xef\xbf\xbd byte") != std::string::npos);
    CHECK(mended.raw_memory_bytes < mended_copied.raw_memory_bytes * 3 / 4);
}

TEST_CASE("a file's kept bytes go when no stored row lies in them: duplicates only, or cancelled") {
    const std::string file = defender_csv(50);
    KeptChunks kept;
    ActivityStore store;
    store.use_kept_sources(&kept);
    auto import_once = [&](bool commit) {
        ActivityWriter writer(store);
        ImportOptions options;
        options.kept_source = kept.open();
        FileImporter importer("again.csv", writer, options);
        kept.append(options.kept_source, std::span(reinterpret_cast<const uint8_t*>(file.data()), file.size()));
        importer.feed(std::span(reinterpret_cast<const uint8_t*>(file.data()), file.size()));
        importer.finish();
        if (commit) writer.commit();
        return importer.report();
    };
    CHECK(import_once(true).rows == 50);
    CHECK(kept.sources() == 1);
    CHECK(import_once(true).duplicates == 50); // a transaction that wrote nothing
    CHECK(kept.sources() == 1);
    import_once(false); // not committed: rolled back
    CHECK(kept.sources() == 1);
    CHECK(kept.bytes_kept() == file.size());
    CHECK(store.find_by_id("ev-7")->raw.starts_with("\"Download file: report-7.pdf"));
}
