// RawRecords against a plain model (a map per committed state), under random appends,
// deletions, commits and rollbacks, with records copied and records kept in their files;
// and the free-text scan against contains_ci per record.
#include "text/word_match.h"
#include "store/kept_chunks.h"
#include "store/raw_records.h"
#include "test_random.h"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

using namespace sightline;
using sightline::testing::TestRandom;

namespace {

// What RawRecords must behave like: the live records, and a copy of them at the last commit.
struct Model {
    std::map<int64_t, std::string> live, committed;
    std::map<int64_t, uint32_t> source_of, committed_source_of; // records kept in a file: which
    int64_t next_rowid() const { return live.empty() ? 1 : live.rbegin()->first + 1; }
    std::set<uint32_t> live_sources() const {
        std::set<uint32_t> out;
        for (const auto& [rowid, raw] : live)
            if (auto it = source_of.find(rowid); it != source_of.end()) out.insert(it->second);
        return out;
    }
};

// `large_percent`: how often a record is megabytes long.
std::string random_record(TestRandom& rng, size_t large_percent = 3) {
    static const std::vector<std::string> words = {"falcon", "FALCON", "Fal", "con", "\"Operation\":", "x", "",
                                                   "Sign-in", "  ", "\xc3\xa9t\xc3\xa9", "falco", "n"};
    std::string out;
    for (size_t n = rng.below(12); n > 0; --n) out += rng.pick(words);
    if (rng.percent(large_percent)) out.assign(3 << 20, 'a'); // a few large ones: they fill blocks and windows
    return out;
}

// Appends records to a new kept source the way an import does: the file holds them in order,
// with what separates records in a file between them, fed to the keeper in uneven chunks.
void append_kept(RawRecords& records, KeptChunks& kept, Model& model, TestRandom& rng, size_t count) {
    static const std::vector<std::string> separators = {"", "\n", ",", "\r\n", "falcon\n"};
    const uint32_t source = kept.open();
    records.hold_source(source);
    uint64_t file_size = 0;
    for (size_t n = count; n > 0; --n) {
        std::string raw = random_record(rng, 1);
        const std::string file_bytes = rng.pick(separators) + raw;
        const uint64_t offset = file_size + file_bytes.size() - raw.size();
        for (size_t at = 0; at < file_bytes.size();) { // the keeper gets each piece before the record is stored
            const size_t piece = std::min(file_bytes.size() - at, 1 + rng.below(40 + file_bytes.size() / 3));
            kept.append(source, std::span(reinterpret_cast<const uint8_t*>(file_bytes.data()) + at, piece));
            at += piece;
        }
        file_size += file_bytes.size();
        const int64_t rowid = model.next_rowid();
        records.append(rowid, raw, {}, KeptAt{source, offset});
        model.live[rowid] = raw;
        if (raw.empty()) model.source_of.erase(rowid);
        else model.source_of[rowid] = source;
    }
}


void check_same(const RawRecords& records, const Model& model, const std::vector<std::string>& needles) {
    REQUIRE(records.size() == model.live.size());
    std::string scratch;
    for (const auto& [rowid, raw] : model.live) {
        REQUIRE(records.find(rowid) == raw);
        REQUIRE(records.find(rowid, scratch) == raw);
    }
    CHECK(records.find(0).empty());
    CHECK(records.find(model.next_rowid()).empty());
    for (const std::string& needle : needles) {
        std::vector<int64_t> expected;
        for (const auto& [rowid, raw] : model.live)
            if (contains_ci(raw, needle)) expected.push_back(rowid);
        INFO("needle=" << needle);
        REQUIRE(records.rowids_containing(needle) == expected);
    }
}

} // namespace

TEST_CASE("raw records follow commits and rollbacks like the rows they belong to") {
    const std::vector<std::string> needles = {"falcon", "alco", "n", "con\"", "É", "\xc3\xa9t", "aaaa",
                                              "\n", ""}; // "\n" lies between kept records, never in one
    for (uint64_t seed = 1; seed <= 40; ++seed) {
        TestRandom rng(seed);
        KeptChunks kept;
        RawRecords records;
        records.use_kept_sources(&kept);
        Model model;
        for (int step = 0; step < 60; ++step) {
            const size_t action = rng.below(100);
            if (action < 20) {
                append_kept(records, kept, model, rng, rng.below(30));
            } else if (action < 60) {
                for (size_t n = rng.below(30); n > 0; --n) {
                    const int64_t rowid = model.next_rowid();
                    std::string raw = random_record(rng);
                    records.append(rowid, raw);
                    model.live[rowid] = raw;
                    model.source_of.erase(rowid); // a rowid reused after deleting everything
                }
            } else if (action < 70 && !model.live.empty()) {
                const int64_t through = model.live.begin()->first + static_cast<int64_t>(rng.below(model.live.size()));
                records.delete_through(through);
                model.live.erase(model.live.begin(), model.live.upper_bound(through));
            } else if (action < 73) {
                records.delete_all();
                model.live.clear();
            } else if (action < 88) {
                records.commit();
                model.committed = model.live;
                model.committed_source_of = model.source_of;
                CHECK(kept.sources() == model.live_sources().size()); // the others were released
            } else {
                records.rollback();
                model.live = model.committed;
                model.source_of = model.committed_source_of;
                CHECK(kept.sources() == model.live_sources().size());
            }
            check_same(records, model, needles);
        }
    }
}

TEST_CASE("raw records: rows added after deleting everything may reuse rowids") {
    RawRecords records;
    records.append(1, "old one");
    records.append(2, "old two");
    records.commit();
    records.delete_all();
    records.append(1, "new one"); // SQLite numbers from 1 again once the table is empty
    CHECK(records.find(1) == "new one");
    CHECK(records.find(2).empty());
    CHECK(records.rowids_containing("old").empty());
    records.rollback();
    CHECK(records.find(1) == "old one");
    CHECK(records.find(2) == "old two");
    CHECK(records.rowids_containing("OLD") == std::vector<int64_t>{1, 2});
}

TEST_CASE("raw records: a match must lie inside one record, not across two") {
    RawRecords records;
    records.append(1, "xxfal");
    records.append(2, "conxx");
    records.append(3, "");
    records.append(4, "falcon");
    CHECK(records.rowids_containing("falcon") == std::vector<int64_t>{4});
    CHECK(records.rowids_containing("lco") == std::vector<int64_t>{4});
    CHECK_THROWS(records.append(4, "same rowid again"));
}

TEST_CASE("raw records free their memory once deletions are committed") {
    RawRecords records;
    const std::string big(1 << 20, 'r');
    for (int64_t rowid = 1; rowid <= 40; ++rowid) records.append(rowid, big);
    records.commit();
    const size_t full = records.memory_bytes();
    CHECK(full >= 40 * big.size());
    records.delete_through(39);
    CHECK(records.memory_bytes() == full); // until the commit, a rollback may need them
    records.commit();
    CHECK(records.memory_bytes() < full / 2);
    CHECK(records.find(40) == big);
    records.delete_all();
    records.commit();
    CHECK(records.memory_bytes() < 4096);
}

TEST_CASE("raw records: a scan in pieces finds what one scan finds") {
    RawRecords records;
    std::string text(1000, '.');
    for (int64_t rowid = 1; rowid <= 30000; ++rowid) { // ~30 MB: several 8 MB blocks
        text.replace(0, 12, rowid % 7 == 0 ? "Falcon seen " : "nothing here");
        records.append(rowid, text);
    }
    records.commit();
    records.delete_through(10); // a scan starts after hidden records
    const std::vector<int64_t> whole = records.rowids_containing("falcon");
    REQUIRE(whole.size() == 30000 / 7 - 1);
    std::vector<int64_t> pieces;
    size_t position = 0;
    int calls = 0;
    while (position < records.scan_end()) {
        position = records.scan("falcon", position, 1, pieces); // one block a call
        ++calls;
    }
    CHECK(calls >= 3);
    CHECK(pieces == whole);
}

TEST_CASE("raw records kept in a file are read back from it, in pieces and across chunks") {
    KeptChunks kept;
    RawRecords records;
    records.use_kept_sources(&kept);
    const uint32_t source = kept.open();
    records.hold_source(source);
    // ~40 MB of file in 64 KB chunks: several scan windows, records cut by chunk boundaries.
    std::string file, line(1000, '.');
    std::vector<uint64_t> offsets;
    for (int64_t rowid = 1; rowid <= 40000; ++rowid) {
        line.replace(0, 12, rowid % 9 == 0 ? "Falcon seen " : "nothing here");
        offsets.push_back(file.size());
        // Every other record with "kestrel" as an extra text holds it in its raw text too.
        file += line.substr(0, line.size() - 7) + (rowid % 2000 == 0 ? "kestrel" : ".......") + "\r\n";
    }
    for (size_t at = 0; at < file.size(); at += 65536)
        kept.append(source, std::span(reinterpret_cast<const uint8_t*>(file.data()) + at,
                                      std::min<size_t>(65536, file.size() - at)));
    RawRecords copied; // the same records, copied
    for (int64_t rowid = 1; rowid <= 40000; ++rowid) {
        const size_t offset = offsets[static_cast<size_t>(rowid - 1)];
        const std::string description = rowid % 1000 == 0 ? "kestrel" : ""; // not in the record: an extra text
        const std::string_view extras[] = {description};
        const auto extra_texts = description.empty() ? std::span<const std::string_view>() : std::span(extras);
        records.append(rowid, std::string_view(file).substr(offset, line.size()), extra_texts, KeptAt{source, offset});
        if (rowid % 2000 == 0) CHECK(records.find(rowid).ends_with("kestrel"));
        copied.append(rowid, std::string_view(file).substr(offset, line.size()), extra_texts);
    }
    records.commit();
    // The records' bytes stayed in the file's chunks (the extra texts took one block).
    CHECK(copied.memory_bytes() - records.memory_bytes() >= 40000 * line.size() / 2);
    CHECK(records.find(9).substr(0, 6) == "Falcon");
    const std::vector<int64_t> kestrels = records.rowids_containing("kestrel"); // each row once
    CHECK(kestrels.size() == 40);
    CHECK(std::set<int64_t>(kestrels.begin(), kestrels.end()).size() == 40);
    CHECK(records.rowids_containing("seen \r").empty()); // a match must not run into the line break
    CHECK(records.rowids_containing("\nnothing").empty());
    const std::vector<int64_t> whole = records.rowids_containing("falcon");
    REQUIRE(whole.size() == 40000 / 9);
    std::vector<int64_t> pieces;
    size_t position = 0;
    int calls = 0;
    while (position < records.scan_end()) {
        position = records.scan("falcon", position, 1, pieces);
        ++calls;
    }
    CHECK(calls >= 3);
    CHECK(pieces == whole);
    records.delete_all();
    CHECK(kept.sources() == 1); // until the deletion is committed
    records.commit();
    CHECK(kept.sources() == 0);
}

TEST_CASE("raw records: a kept source that no record came to lies in is released") {
    KeptChunks kept;
    RawRecords records;
    records.use_kept_sources(&kept);
    records.hold_source(kept.open()); // a file of duplicates only, say
    records.append(1, "copied");
    records.commit();
    CHECK(kept.sources() == 0);
    records.hold_source(kept.open()); // an import cancelled
    records.rollback();
    CHECK(kept.sources() == 0);
    CHECK(records.find(1) == "copied");
}
