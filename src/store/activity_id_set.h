// Which activity ids are stored, for duplicate detection during import and lookup by id.
// A UNIQUE index on `activities.id` did the same job but cost a B-tree insert of a random key
// per row (about a third of insert time on 1M rows); this keeps 64-bit hashes of the ids with
// their rowids in memory and confirms every hash match against the stored id, so a hash
// collision can never turn a new activity into a "duplicate".
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
    // Calls `visit(rowid)` for each stored row whose id hashes to `hash` until it returns true;
    // returns whether one did. Nearly always zero or one candidate.
    template <class Visit> bool any_of(uint64_t hash, Visit visit) const {
        if (slots_.empty()) return false;
        for (size_t i = hash & mask(); slots_[i].hash != 0; i = (i + 1) & mask())
            if (slots_[i].hash == hash && visit(slots_[i].rowid)) return true;
        return false;
    }
    size_t size() const { return size_; }
    size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

private:
    // Open addressing with linear probing: 16 bytes a slot, at most half full. A node-based
    // std::unordered_map costs about three times that per row.
    struct Slot {
        uint64_t hash = 0;   // 0 marks an empty slot (hash_id never returns 0)
        int64_t rowid = 0;
    };
    size_t mask() const { return slots_.size() - 1; }
    void grow();

    std::vector<Slot> slots_;
    size_t size_ = 0;
};

} // namespace sightline
