#include "store/activity_id_set.h"

namespace sightline {

uint64_t ActivityIdSet::hash_id(std::string_view id) {
    // FNV-1a then a murmur3 finaliser: std::hash is only 32 bits wide in wasm, and ids are
    // short, so hashing speed matters less than spreading the bits over the table's mask.
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : id) h = (h ^ c) * 0x100000001b3ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h == 0 ? 1 : h;
}

void ActivityIdSet::clear() {
    slots_ = {};
    size_ = 0;
}

void ActivityIdSet::add(uint64_t hash, int64_t rowid) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    size_t i = hash & mask();
    while (slots_[i].hash != 0) i = (i + 1) & mask();
    slots_[i] = {hash, rowid};
    ++size_;
}

void ActivityIdSet::grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    size_ = 0;
    for (const Slot& s : old)
        if (s.hash != 0) add(s.hash, s.rowid);
}

} // namespace sightline
