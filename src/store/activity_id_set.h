// Which activity ids are stored, for duplicate detection during import and lookup by id.
// A UNIQUE index on `activities.id` did the same job but cost a B-tree insert of a random key
// per row (about a third of insert time on 1M rows); this keeps hashes of the ids with their
// rowids in memory and confirms every hash match against the stored id, so a hash collision
// can never turn a new activity into a "duplicate".
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace sightline {

class ActivityIdSet {
public:
    static uint64_t hash_id(std::string_view id);

    void clear();
    void add(uint64_t hash, int64_t rowid);
    // Calls `visit(rowid)` for each stored row whose id may hash to `hash` (the set keeps 32 of
    // its bits) until it returns true; returns whether one did. Nearly always zero or one.
    template <class Visit> bool any_of(uint64_t hash, Visit visit) const {
        if (slots_.empty()) return false;
        const uint32_t tag = tag_of(hash);
        for (size_t i = tag & mask(); slots_[i].tag != 0; i = (i + 1) & mask())
            if (slots_[i].tag == tag && visit(int64_t{slots_[i].rowid})) return true;
        return false;
    }
    size_t size() const { return size_; }
    size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

private:
    // Open addressing with linear probing: 8 bytes a slot, at most half full (16 MB for 1M
    // rows; 24 MB at the moment it grows, which stays in the page's wasm heap). A slot keeps 32
    // bits of the hash, its tag, which also gives its place: growing needs nothing else. Tags
    // that match by chance cost one look at the stored id. A node-based std::unordered_map
    // costs about six times that per row.
    struct Slot {
        uint32_t tag = 0;    // 0 marks an empty slot (tag_of never returns 0)
        uint32_t rowid = 0;
    };
    static uint32_t tag_of(uint64_t hash) {
        const auto tag = static_cast<uint32_t>(hash >> 32);
        return tag == 0 ? 1 : tag;
    }
    size_t mask() const { return slots_.size() - 1; }
    void grow();
    void insert(uint32_t tag, uint32_t rowid);

    std::vector<Slot> slots_;
    size_t size_ = 0;
};

} // namespace sightline
