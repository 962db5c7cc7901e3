// RawRecords against a plain model (a map per committed state), under random appends,
// deletions, commits and rollbacks; and the free-text scan against contains_ci per record.
#include "filter/word_match.h"
#include "store/raw_records.h"
#include "test_random.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace sightline;
using sightline::testing::TestRandom;

namespace {

// What RawRecords must behave like: the live records, and a copy of them at the last commit.
struct Model {
    std::map<int64_t, std::string> live, committed;
    int64_t next_rowid() const { return live.empty() ? 1 : live.rbegin()->first + 1; }
};

std::string random_record(TestRandom& rng) {
    static const std::vector<std::string> words = {"falcon", "FALCON", "Fal", "con", "\"Operation\":", "x", "",
                                                   "Sign-in", "  ", "\xc3\xa9t\xc3\xa9", "falco", "n"};
    std::string out;
    for (size_t n = rng.below(12); n > 0; --n) out += rng.pick(words);
    if (rng.percent(3)) out.assign(3 << 20, 'a'); // a few large ones: blocks of their own size
    return out;
}

void check_same(const RawRecords& records, const Model& model, const std::vector<std::string>& needles) {
    REQUIRE(records.size() == model.live.size());
    for (const auto& [rowid, raw] : model.live) REQUIRE(records.find(rowid) == raw);
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
    const std::vector<std::string> needles = {"falcon", "alco", "n", "con\"", "É", "\xc3\xa9t", "aaaa", ""};
    for (uint64_t seed = 1; seed <= 40; ++seed) {
        TestRandom rng(seed);
        RawRecords records;
        Model model;
        for (int step = 0; step < 60; ++step) {
            const size_t action = rng.below(100);
            if (action < 60) {
                for (size_t n = rng.below(30); n > 0; --n) {
                    const int64_t rowid = model.next_rowid();
                    std::string raw = random_record(rng);
                    records.append(rowid, raw);
                    model.live[rowid] = raw;
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
            } else {
                records.rollback();
                model.live = model.committed;
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
