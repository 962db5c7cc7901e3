#include "store/raw_records.h"

#include "filter/find_ci.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

namespace sightline {
namespace {

// 8 MB blocks: few enough allocations for a gigabyte, small enough that the unused tail of the
// last block does not matter. A larger record gets a block of its own size.
constexpr size_t kBlockBytes = size_t{8} << 20;

} // namespace

char* RawRecords::reserve(size_t bytes) {
    if (blocks_.empty() || !blocks_.back().data || blocks_.back().capacity - blocks_.back().used < bytes) {
        Block block;
        block.capacity = std::max(kBlockBytes, bytes);
        block.data.reset(new char[block.capacity]); // uninitialised: every byte is written before it is read
        blocks_.push_back(std::move(block));
    }
    Block& last = blocks_.back();
    char* out = last.data.get() + last.used;
    last.used += bytes;
    return out;
}

void RawRecords::append(int64_t rowid, std::string_view raw, std::span<const std::string_view> extra_texts) {
    if (size() && rowid <= entries_.back().rowid)
        throw std::logic_error("raw records: rowid " + std::to_string(rowid) + " after " +
                               std::to_string(entries_.back().rowid));
    size_t bytes = raw.size();
    for (std::string_view extra : extra_texts) bytes += 1 + extra.size();
    if (bytes > UINT32_MAX) throw std::length_error("raw record over 4 GB");
    if (bytes) {
        char* at = reserve(bytes);
        std::memcpy(at, raw.data(), raw.size());
        at += raw.size();
        for (std::string_view extra : extra_texts) {
            *at++ = '\0';
            std::memcpy(at, extra.data(), extra.size());
            at += extra.size();
        }
    }
    // An empty record sits, with no bytes, where the next one will start: the records of a block
    // stay in offset order, which the search relies on.
    Entry entry{rowid, 0, 0, static_cast<uint32_t>(bytes), static_cast<uint32_t>(raw.size())};
    if (!blocks_.empty()) {
        entry.block = static_cast<uint32_t>(blocks_.size() - 1);
        entry.offset = static_cast<uint32_t>(blocks_.back().used - bytes);
    }
    // Rows appended after everything was deleted in the same transaction may reuse rowids of the
    // hidden ones, so the live part must stay sorted on its own: it is, as rowids only grow.
    entries_.push_back(entry);
}

std::string_view RawRecords::find(int64_t rowid) const {
    // SQLite computes the virtual column for each row it inserts, before append() runs.
    if (entries_.empty() || rowid > entries_.back().rowid) return {};
    auto begin = entries_.begin() + static_cast<std::ptrdiff_t>(live_begin_);
    auto it = std::lower_bound(begin, entries_.end(), rowid,
                               [](const Entry& e, int64_t r) { return e.rowid < r; });
    if (it == entries_.end() || it->rowid != rowid || it->raw_size == 0) return {};
    return {blocks_[it->block].data.get() + it->offset, it->raw_size};
}

void RawRecords::delete_through(int64_t rowid) {
    auto begin = entries_.begin() + static_cast<std::ptrdiff_t>(live_begin_);
    auto it = std::upper_bound(begin, entries_.end(), rowid,
                               [](int64_t r, const Entry& e) { return r < e.rowid; });
    live_begin_ = static_cast<size_t>(it - entries_.begin());
}

void RawRecords::delete_all() { live_begin_ = entries_.size(); }

RawRecords::Mark RawRecords::mark() const {
    return {entries_.size(), live_begin_, blocks_.size(), blocks_.empty() ? 0 : blocks_.back().used};
}

void RawRecords::commit() {
    free_deleted();
    committed_ = mark();
}

void RawRecords::rollback() {
    entries_.resize(committed_.entries);
    live_begin_ = committed_.live_begin;
    blocks_.resize(committed_.blocks);
    if (!blocks_.empty()) blocks_.back().used = committed_.last_block_used;
}

// Drops the hidden entries and every block that only they used.
void RawRecords::free_deleted() {
    if (live_begin_ == 0) return;
    const size_t first_kept_block = live_begin_ < entries_.size() ? entries_[live_begin_].block : blocks_.size();
    entries_.erase(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(live_begin_));
    live_begin_ = 0;
    for (size_t b = 0; b < first_kept_block && b < blocks_.size(); ++b) blocks_[b] = Block{};
    if (entries_.empty()) blocks_.clear(); // nothing refers to a block number any more
}

size_t RawRecords::memory_bytes() const {
    size_t bytes = entries_.capacity() * sizeof(Entry);
    for (const Block& block : blocks_) bytes += block.data ? block.capacity : 0;
    return bytes;
}

std::vector<int64_t> RawRecords::rowids_containing(std::string_view needle) const {
    std::vector<int64_t> out;
    scan(needle, 0, SIZE_MAX, out);
    return out;
}

size_t RawRecords::scan(std::string_view needle, size_t from, size_t max_bytes, std::vector<int64_t>& out) const {
    const bool raw_only = needle.find('\0') != std::string_view::npos;
    // Records of one block lie back to back, so each block is searched as one text.
    size_t first = std::max(from, live_begin_);
    size_t bytes = 0;
    while (first < entries_.size() && bytes < max_bytes) {
        size_t end = first + 1;
        while (end < entries_.size() && entries_[end].block == entries_[first].block) ++end;
        scan_block(first, end, needle, raw_only, out);
        bytes += entries_[end - 1].offset + entries_[end - 1].size - entries_[first].offset;
        first = end;
    }
    return std::min(first, entries_.size());
}

// Searches entries_[first, end), all in one block. A hit that runs past its record's end (or,
// for `raw_only`, past its raw text) is no match: the search resumes one byte later. After a
// match it resumes at the next record.
void RawRecords::scan_block(size_t first, size_t end, std::string_view needle, bool raw_only,
                            std::vector<int64_t>& out) const {
    if (needle.empty()) {
        for (size_t e = first; e < end; ++e) out.push_back(entries_[e].rowid);
        return;
    }
    const Entry& front = entries_[first];
    const Entry& back = entries_[end - 1];
    if (back.offset + back.size <= front.offset) return; // only empty records
    const char* base = blocks_[front.block].data.get();
    const std::string_view text(base, back.offset + back.size);
    size_t from = front.offset;
    size_t e = first;
    while (e < end) {
        const size_t hit = find_ci(text, needle, from);
        if (hit == std::string_view::npos) return;
        while (e < end && entries_[e].offset + entries_[e].size <= hit) ++e; // the record holding `hit`
        if (e == end) return;
        const size_t record_end = entries_[e].offset + entries_[e].size;
        const size_t match_end = entries_[e].offset + (raw_only ? entries_[e].raw_size : entries_[e].size);
        if (hit + needle.size() <= match_end) {
            out.push_back(entries_[e].rowid);
            from = record_end;
            ++e;
        } else {
            from = hit + 1;
        }
    }
}

} // namespace sightline
