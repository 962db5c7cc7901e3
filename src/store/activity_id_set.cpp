#include "store/activity_id_set.h"

#include <stdexcept>

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
    if (rowid < 0 || rowid > UINT32_MAX) throw std::length_error("activity ids: rowid beyond 4 billion");
    if ((size_ + 1) * 2 > slots_.size()) grow();
    insert(tag_of(hash), static_cast<uint32_t>(rowid));
}

void ActivityIdSet::insert(uint32_t tag, uint32_t rowid) {
    size_t i = tag & mask();
    while (slots_[i].tag != 0) i = (i + 1) & mask();
    slots_[i] = {tag, rowid};
    ++size_;
}

void ActivityIdSet::grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    size_ = 0;
    for (const Slot& s : old)
        if (s.tag != 0) insert(s.tag, s.rowid);
}

} // namespace sightline
