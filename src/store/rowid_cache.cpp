#include "store/rowid_cache.h"

#include <algorithm>

namespace sightline {

const std::vector<int64_t>* RowidCache::find(std::string_view key, uint64_t generation) const {
    for (const Entry& entry : entries_)
        if (entry.generation == generation && entry.key == key) return &entry.rowids;
    return nullptr;
}

void RowidCache::put(std::string key, uint64_t generation, std::vector<int64_t> rowids) {
    // Lists of an older generation can never be found again.
    std::erase_if(entries_, [&](const Entry& e) { return e.generation != generation || e.key == key; });
    if (entries_.size() >= kMaxEntries) entries_.erase(entries_.begin());
    entries_.push_back(Entry{std::move(key), generation, std::move(rowids)});
}

} // namespace sightline
