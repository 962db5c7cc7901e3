// Row id lists worked out from the data as it is, kept until the data changes. A free-text
// filter is searched once for the table, the timeline and the value counts that follow it,
// instead of once each (a search over 1M raw records takes a few hundred ms in the page).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

class RowidCache {
public:
    // The list stored under `key` for data `generation`, or nullptr.
    const std::vector<int64_t>* find(std::string_view key, uint64_t generation) const;
    // Keeps the few latest lists: older ones make way (an analyst refines one search at a time).
    void put(std::string key, uint64_t generation, std::vector<int64_t> rowids);
    void clear() { entries_.clear(); }

    static constexpr size_t kMaxEntries = 4;

private:
    struct Entry {
        std::string key;
        uint64_t generation = 0;
        std::vector<int64_t> rowids;
    };
    std::vector<Entry> entries_; // oldest first
};

} // namespace sightline
