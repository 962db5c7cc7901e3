// The original records (Activity::raw) of the stored activities, kept beside SQLite instead of
// in it. They are most of the data (about 1.2 KB of a 1.3 KB row) and are only ever read whole:
// for the drawer's raw view and by free-text search. Inside SQLite they cost a third of the
// import time (copied into 64 KB pages and overflow chains), 10% more memory than their bytes,
// and a free-text search had to walk every page. Here they lie back to back in large blocks,
// and free-text search scans the blocks directly.
//
// A record read byte for byte from a file is not copied at all: the file stays kept where it
// was read into (store/kept_sources.h), and the record is found again at its offset there.
// Free-text search reads such records a window of the file at a time.
//
// SQL still sees them: `activities.raw` is a virtual column computed by sl_raw(rowid)
// (store/schema.cpp), so the SQL console and the filter compiler read it as before.
//
// Each record may carry extra texts that free text must find but that the record does not
// hold verbatim (the writer adds an activity's id and description when they are not in its
// raw record): searched, never returned by find(). They always lie in the blocks.
//
// Records follow SQLite's transactions: ActivityStore calls commit() and rollback() from
// SQLite's hooks. Deletions hide records at once and free their memory at commit; a rollback
// brings back the records deleted and drops those added since the last commit. A kept source
// is released once no record, committed or not, lies in it.
#pragma once

#include "store/kept_sources.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace sightline {

// A row's original record as the store takes it. A record that lies byte for byte in a held
// kept source comes as its place and size only: whoever read it (the page's parse worker, say)
// had its text, the store need not. `extra_texts`: what free text must also find (see above).
struct RawRecordIn {
    std::string_view text;       // the record, copied into the blocks; empty when kept
    std::optional<KeptAt> kept;  // where it lies instead
    uint32_t kept_size = 0;      // its length there
    std::span<const std::string_view> extra_texts;

    // The record `raw`, kept at `kept` when given (an empty record is never kept). Throws
    // std::length_error past 4 GB.
    static RawRecordIn of(std::string_view raw, std::optional<KeptAt> kept,
                          std::span<const std::string_view> extra_texts = {});
};

class RawRecords {
public:
    // Where records that lie in kept sources are read from. Not owned; set before any such
    // record is appended, and outliving this.
    void use_kept_sources(KeptSources* sources) { kept_sources_ = sources; }
    // Takes `source` into the records' care: it is released at the next commit or rollback
    // after which no record lies in it.
    void hold_source(uint32_t source);

    // Rowids must grow: SQLite gives each new row one more than the largest stored.
    void append(int64_t rowid, const RawRecordIn& record);
    // With `kept`, `raw` lies byte for byte at kept->offset of a held source and is not copied.
    void append(int64_t rowid, std::string_view raw, std::span<const std::string_view> extra_texts = {},
                std::optional<KeptAt> kept = {});
    // The record of a stored activity; empty when there is none. The view is of the records'
    // own memory or, for a record in a kept source, of `scratch`.
    std::string_view find(int64_t rowid, std::string& scratch) const;
    std::string find(int64_t rowid) const;
    // Hides the records of rowid <= `rowid` (or all of them) until commit() or rollback().
    void delete_through(int64_t rowid);
    void delete_all();
    void commit();
    void rollback();
    // Releases the held sources in which no record lies (commit() and rollback() do it too).
    void release_unused_sources();

    // Rowids, ascending, of the records whose raw text or one of whose extra texts contains
    // `needle`, ASCII case ignored (the rule of text/word_match.h's contains_ci). A needle
    // holding a NUL byte is looked for in the raw texts only.
    std::vector<int64_t> rowids_containing(std::string_view needle) const;
    // The same a piece at a time, so that a search can run between frames: scans whole blocks
    // from the scan position `from` (0 to start) until about `max_bytes` are read, appends
    // rowids to `out`, and returns the position to go on from, or scan_end() when done. Only
    // valid while nothing is written: a caller that sees the data change must start again.
    size_t scan(std::string_view needle, size_t from, size_t max_bytes, std::vector<int64_t>& out) const;
    size_t scan_end() const { return entries_.size(); }

    size_t size() const { return entries_.size() - live_begin_; }
    size_t memory_bytes() const; // in this process's memory (kept sources not counted)

private:
    // A record's bytes in the blocks: the raw text (unless it lies in a kept source), then each
    // extra text after a NUL byte. A needle without NUL cannot match across a NUL, so each text
    // is searched on its own.
    struct Entry {
        int64_t rowid;
        uint64_t kept_offset; // where the raw text lies in `source`
        uint32_t source;      // the kept source holding the raw text, or 0: it is in the blocks
        uint32_t block;
        uint32_t offset;
        uint32_t size;     // all of its bytes in the blocks
        uint32_t raw_size; // the raw text's
        uint32_t raw_in_block() const { return source ? 0 : raw_size; }
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
    void forget_entries(size_t first, size_t end); // their sources' counts
    size_t window_end(size_t first) const;
    void scan_block(size_t first, size_t end, std::string_view needle, bool raw_only, std::vector<size_t>& hits) const;
    void scan_kept(size_t first, size_t end, std::string_view needle, std::vector<size_t>& hits) const;
    Mark mark() const;

    std::vector<Entry> entries_; // ascending rowid; entries_[live_begin_..] are visible
    size_t live_begin_ = 0;
    std::vector<Block> blocks_;
    Mark committed_;
    KeptSources* kept_sources_ = nullptr;
    std::unordered_map<uint32_t, size_t> source_records_; // held sources: how many entries lie in each
    // scan()'s working memory, kept between calls: a kept window read, and the entries that matched.
    mutable std::string window_;
    mutable std::vector<size_t> block_hits_, kept_hits_, merged_hits_;
};

} // namespace sightline
