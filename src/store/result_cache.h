// Answers worked out from the data as it is, kept until the data changes. A free-text filter is
// searched once for the table, the timeline and the value counts that follow it, instead of
// once each (a search over 1M raw records took a few hundred ms in the page), and a filter's
// matches over the column copy are worked out once for the table and the timeline.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

template <typename Answer>
class ResultCache {
public:
    explicit ResultCache(size_t max_entries) : max_entries_(max_entries) {}

    // The answer stored under `key` for data `generation`, or nullptr.
    const Answer* find(std::string_view key, uint64_t generation) const {
        for (const Entry& entry : entries_)
            if (entry.generation == generation && entry.key == key) return &entry.answer;
        return nullptr;
    }

    // Keeps the few latest answers: older ones make way (an analyst refines one filter at a time).
    void put(std::string key, uint64_t generation, Answer answer) {
        // Answers of an older generation can never be found again.
        std::erase_if(entries_, [&](const Entry& e) { return e.generation != generation || e.key == key; });
        if (entries_.size() >= max_entries_) entries_.erase(entries_.begin());
        entries_.push_back(Entry{std::move(key), generation, std::move(answer)});
    }

    void clear() { entries_.clear(); }
    size_t max_entries() const { return max_entries_; }

private:
    struct Entry {
        std::string key;
        uint64_t generation = 0;
        Answer answer;
    };
    size_t max_entries_;
    std::vector<Entry> entries_; // oldest first
};

// Rowids of a free-text condition (query/free_text_search.h).
using RowidCache = ResultCache<std::vector<int64_t>>;
// A filter's matches over the column copy, a byte per position (query/column_filter.h).
using MatchCache = ResultCache<std::vector<uint8_t>>;

} // namespace sightline
