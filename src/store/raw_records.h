// The original records (Activity::raw) of the stored activities, kept beside SQLite instead of
// in it. They are most of the data (about 1.2 KB of a 1.3 KB row) and are only ever read whole:
// for the drawer's raw view and by free-text search. Inside SQLite they cost a third of the
// import time (copied into 64 KB pages and overflow chains), 10% more memory than their bytes,
// and a free-text search had to walk every page. Here they lie back to back in large blocks,
// and free-text search scans the blocks directly.
//
// SQL still sees them: `activities.raw` is a virtual column computed by sl_raw(rowid)
// (store/schema.cpp), so the SQL console and the filter compiler read it as before.
//
// Each record may carry extra texts that free text must find but that the record does not
// hold verbatim (the writer adds an activity's id and description when they are not in its
// raw record): searched, never returned by find().
//
// Records follow SQLite's transactions: ActivityStore calls commit() and rollback() from
// SQLite's hooks. Deletions hide records at once and free their memory at commit; a rollback
// brings back the records deleted and drops those added since the last commit.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace sightline {

class RawRecords {
public:
    // Rowids must grow: SQLite gives each new row one more than the largest stored.
    void append(int64_t rowid, std::string_view raw, std::span<const std::string_view> extra_texts = {});
    // The record of a stored activity; empty when there is none.
    std::string_view find(int64_t rowid) const;
    // Hides the records of rowid <= `rowid` (or all of them) until commit() or rollback().
    void delete_through(int64_t rowid);
    void delete_all();
    void commit();
    void rollback();

    // Rowids, ascending, of the records whose raw text or one of whose extra texts contains
    // `needle`, ASCII case ignored (the rule of filter/word_match.h's contains_ci). A needle
    // holding a NUL byte is looked for in the raw texts only.
    std::vector<int64_t> rowids_containing(std::string_view needle) const;
    // The same a piece at a time, so that a search can run between frames: scans whole blocks
    // from the scan position `from` (0 to start) until about `max_bytes` are read, appends
    // rowids to `out`, and returns the position to go on from, or scan_end() when done. Only
    // valid while nothing is written: a caller that sees the data change must start again.
    size_t scan(std::string_view needle, size_t from, size_t max_bytes, std::vector<int64_t>& out) const;
    size_t scan_end() const { return entries_.size(); }

    size_t size() const { return entries_.size() - live_begin_; }
    size_t memory_bytes() const;

private:
    // A record's bytes: the raw text, then each extra text after a NUL byte. A needle without
    // NUL cannot match across a NUL, so each text is searched on its own.
    struct Entry {
        int64_t rowid;
        uint32_t block;
        uint32_t offset;
        uint32_t size;     // all of its bytes
        uint32_t raw_size; // the raw text's
    };
    struct Block {
        std::unique_ptr<char[]> data; // null once freed; kept so that entries' block numbers stay valid
        size_t capacity = 0;
        size_t used = 0;
    };
    // Where the records stood at the last commit: what rollback() returns to.
    struct Mark {
        size_t entries = 0;
        size_t live_begin = 0;
        size_t blocks = 0;
        size_t last_block_used = 0;
    };

    char* reserve(size_t bytes); // room for one record, in the last block or a new one
    void free_deleted();
    void scan_block(size_t first, size_t end, std::string_view needle, bool raw_only, std::vector<int64_t>& out) const;
    Mark mark() const;

    std::vector<Entry> entries_; // ascending rowid; entries_[live_begin_..] are visible
    size_t live_begin_ = 0;
    std::vector<Block> blocks_;
    Mark committed_;
};

} // namespace sightline
