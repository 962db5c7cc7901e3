#include "store/raw_records.h"

#include "text/find_ci.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <stdexcept>
#include <string>

namespace sightline {
namespace {

// 8 MB blocks: few enough allocations for a gigabyte, small enough that the unused tail of the
// last block does not matter. A larger record gets a block of its own size.
constexpr size_t kBlockBytes = size_t{8} << 20;
// How much of a kept source free-text search reads at a time: the records of a window are
// searched as one text, like a block's.
constexpr uint64_t kKeptWindowBytes = uint64_t{4} << 20;

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

void RawRecords::hold_source(uint32_t source) {
    if (!kept_sources_) throw std::logic_error("raw records: a source held with no kept sources");
    source_records_.try_emplace(source, 0);
}

RawRecordIn RawRecordIn::of(std::string_view raw, std::optional<KeptAt> kept,
                            std::span<const std::string_view> extra_texts) {
    if (raw.size() > UINT32_MAX) throw std::length_error("raw record over 4 GB");
    if (kept && !raw.empty()) return {{}, kept, static_cast<uint32_t>(raw.size()), extra_texts};
    return {raw, {}, 0, extra_texts};
}

void RawRecords::append(int64_t rowid, std::string_view raw, std::span<const std::string_view> extra_texts,
                        std::optional<KeptAt> kept) {
    append(rowid, RawRecordIn::of(raw, kept, extra_texts));
}

void RawRecords::append(int64_t rowid, const RawRecordIn& record) {
    if (size() && rowid <= entries_.back().rowid)
        throw std::logic_error("raw records: rowid " + std::to_string(rowid) + " after " +
                               std::to_string(entries_.back().rowid));
    std::optional<KeptAt> kept = record.kept;
    if (kept && !record.text.empty()) throw std::logic_error("raw records: a kept record comes without its text");
    if (kept && record.kept_size == 0) kept.reset();
    if (kept && !source_records_.count(kept->source))
        throw std::logic_error("raw records: source " + std::to_string(kept->source) + " is not held");
    const std::string_view copied = record.text;
    size_t bytes = copied.size();
    for (std::string_view extra : record.extra_texts) bytes += 1 + extra.size();
    if (bytes > UINT32_MAX || copied.size() > UINT32_MAX) throw std::length_error("raw record over 4 GB");
    if (bytes) {
        char* at = reserve(bytes);
        if (!copied.empty()) std::memcpy(at, copied.data(), copied.size());
        at += copied.size();
        for (std::string_view extra : record.extra_texts) {
            *at++ = '\0';
            std::memcpy(at, extra.data(), extra.size());
            at += extra.size();
        }
    }
    // An empty record sits, with no bytes, where the next one will start: the records of a block
    // stay in offset order, which the search relies on.
    const uint32_t raw_size = kept ? record.kept_size : static_cast<uint32_t>(copied.size());
    Entry entry{rowid, 0, 0, 0, 0, static_cast<uint32_t>(bytes), raw_size};
    if (kept) {
        entry.source = kept->source;
        entry.kept_offset = kept->offset;
        ++source_records_[kept->source];
    }
    if (!blocks_.empty()) {
        entry.block = static_cast<uint32_t>(blocks_.size() - 1);
        entry.offset = static_cast<uint32_t>(blocks_.back().used - bytes);
    }
    // Rows appended after everything was deleted in the same transaction may reuse rowids of the
    // hidden ones, so the live part must stay sorted on its own: it is, as rowids only grow.
    entries_.push_back(entry);
}

std::string_view RawRecords::find(int64_t rowid, std::string& scratch) const {
    // SQLite computes the virtual column for each row it inserts, before append() runs.
    if (entries_.empty() || rowid > entries_.back().rowid) return {};
    auto begin = entries_.begin() + static_cast<std::ptrdiff_t>(live_begin_);
    auto it = std::lower_bound(begin, entries_.end(), rowid,
                               [](const Entry& e, int64_t r) { return e.rowid < r; });
    if (it == entries_.end() || it->rowid != rowid || it->raw_size == 0) return {};
    if (!it->source) return {blocks_[it->block].data.get() + it->offset, it->raw_size};
    scratch.resize(it->raw_size);
    kept_sources_->read(it->source, it->kept_offset, it->raw_size, scratch.data());
    return scratch;
}

std::string RawRecords::find(int64_t rowid) const {
    std::string scratch;
    return std::string(find(rowid, scratch));
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
    release_unused_sources();
}

void RawRecords::rollback() {
    forget_entries(committed_.entries, entries_.size());
    entries_.resize(committed_.entries);
    live_begin_ = committed_.live_begin;
    blocks_.resize(committed_.blocks);
    if (!blocks_.empty()) blocks_.back().used = committed_.last_block_used;
    release_unused_sources();
}

void RawRecords::forget_entries(size_t first, size_t end) {
    for (size_t e = first; e < end; ++e)
        if (entries_[e].source) --source_records_[entries_[e].source];
}

void RawRecords::release_unused_sources() {
    for (auto it = source_records_.begin(); it != source_records_.end();) {
        if (it->second) {
            ++it;
            continue;
        }
        kept_sources_->release(it->first);
        it = source_records_.erase(it);
    }
}

// Drops the hidden entries and every block that only they used.
void RawRecords::free_deleted() {
    if (live_begin_ == 0) return;
    const size_t first_kept_block = live_begin_ < entries_.size() ? entries_[live_begin_].block : blocks_.size();
    forget_entries(0, live_begin_);
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
    size_t first = std::max(from, live_begin_);
    size_t bytes = 0;
    while (first < entries_.size() && bytes < max_bytes) {
        const size_t end = window_end(first);
        // The entries that match in their block bytes, then those that match in a kept source;
        // each list ascending, merged into rowid order.
        block_hits_.clear();
        kept_hits_.clear();
        scan_block(first, end, needle, raw_only, block_hits_);
        if (entries_[first].source) scan_kept(first, end, needle, kept_hits_);
        merged_hits_.clear();
        std::set_union(block_hits_.begin(), block_hits_.end(), kept_hits_.begin(), kept_hits_.end(),
                       std::back_inserter(merged_hits_)); // an entry that matched in both, once
        for (size_t e : merged_hits_) out.push_back(entries_[e].rowid);
        const Entry& front = entries_[first];
        const Entry& back = entries_[end - 1];
        bytes += back.offset + back.size - front.offset;
        if (front.source) bytes += back.kept_offset + back.raw_size - front.kept_offset;
        first = end;
    }
    return std::min(first, entries_.size());
}

// Entries from `first` on that can be searched as one text: their block bytes in one block and,
// when their raw texts are kept, all in one source, in order, within a window's size.
size_t RawRecords::window_end(size_t first) const {
    const Entry& front = entries_[first];
    size_t end = first + 1;
    while (end < entries_.size()) {
        const Entry& e = entries_[end];
        if (e.block != front.block || e.source != front.source) break;
        const Entry& before = entries_[end - 1];
        if (front.source && (e.kept_offset < before.kept_offset + before.raw_size ||
                             e.kept_offset + e.raw_size - front.kept_offset > kKeptWindowBytes))
            break;
        ++end;
    }
    return end;
}

// Searches the block bytes of entries_[first, end), all in one block, as one text. A hit that runs
// past its record's end (or, for `raw_only`, past its raw text) is no match: the search resumes
// one byte later. After a match it resumes at the next record.
void RawRecords::scan_block(size_t first, size_t end, std::string_view needle, bool raw_only,
                            std::vector<size_t>& hits) const {
    if (needle.empty()) {
        for (size_t e = first; e < end; ++e) hits.push_back(e);
        return;
    }
    const Entry& front = entries_[first];
    const Entry& back = entries_[end - 1];
    if (back.offset + back.size <= front.offset) return; // nothing in the block
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
        const size_t match_end = entries_[e].offset + (raw_only ? entries_[e].raw_in_block() : entries_[e].size);
        if (hit + needle.size() <= match_end) {
            hits.push_back(e);
            from = record_end;
            ++e;
        } else {
            from = hit + 1;
        }
    }
}

// Searches the raw texts of entries_[first, end), which lie in order in one kept source, in one
// read of the source: records there are separated by what lies between them in the file (line
// breaks, commas), so a hit must also start inside its record.
void RawRecords::scan_kept(size_t first, size_t end, std::string_view needle, std::vector<size_t>& hits) const {
    if (needle.empty()) return; // scan_block() counted every record
    const uint64_t start = entries_[first].kept_offset;
    const uint64_t stop = entries_[end - 1].kept_offset + entries_[end - 1].raw_size;
    window_.resize(static_cast<size_t>(stop - start));
    kept_sources_->read(entries_[first].source, start, window_.size(), window_.data());
    const std::string_view text(window_);
    auto begin_of = [&](size_t e) { return static_cast<size_t>(entries_[e].kept_offset - start); };
    size_t from = 0;
    size_t e = first;
    while (e < end) {
        const size_t hit = find_ci(text, needle, from);
        if (hit == std::string_view::npos) return;
        while (e < end && begin_of(e) + entries_[e].raw_size <= hit) ++e;
        if (e == end) return;
        if (hit < begin_of(e)) {
            from = begin_of(e); // a hit between records
        } else if (hit + needle.size() <= begin_of(e) + entries_[e].raw_size) {
            hits.push_back(e);
            from = begin_of(e) + entries_[e].raw_size;
            ++e;
        } else {
            from = hit + 1;
        }
    }
}

} // namespace sightline
