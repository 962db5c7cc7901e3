// A free-text search run between frames: on a million rows the raw records alone are more than
// a gigabyte, and searching everything in one go held the page for 0.3-0.5 s. The job finds
// the filter's free-text conditions that the store's rowid_cache() does not answer yet and
// searches each a budget at a time: the list tables by rowid ranges, the other columns in one
// step, the raw records a block (8 MB) at a time. Each answer goes to the cache, where the
// view, the timeline and the value counts then find it (query/free_text_search.h).
#pragma once

#include "filter/activity_filter.h"
#include "store/activity_store.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace sightline {

class FreeTextJob {
public:
    // Nothing to do (done() at once) when every free-text condition is answered already, or
    // the column copy, which the answers serve, is not ready.
    FreeTextJob(const ActivityStore& store, const ActivityFilter& filter);

    // Searches for about `budget_ms`; returns true while work remains. Data written meanwhile
    // ends the job, outdated(): its caller starts a new one for the data as it is (whose column
    // copy may not be ready, and whose kept answers may be others).
    bool step(double budget_ms);
    bool done() const { return next_condition_ >= conditions_.size(); }
    bool outdated() const { return outdated_; }
    // 0..1, for a progress line.
    double progress() const;

private:
    enum class Phase { Start, Lists, OtherColumns, Raw };
    void search_piece(const FilterCondition& condition);
    void finish_condition();

    const ActivityStore& store_;
    std::vector<FilterCondition> conditions_; // those not answered yet
    std::vector<std::string_view> list_fields_;
    uint64_t generation_ = 0;
    size_t next_condition_ = 0;
    bool outdated_ = false;
    // Where the search of the current condition stands, and its rowids so far.
    Phase phase_ = Phase::Start;
    size_t list_ = 0;            // Lists: which list table
    int64_t list_after_ = 0;     // Lists: rows after this rowid are left
    int64_t list_last_ = -1;     // Lists: the table's last rowid; -1 before it is read
    size_t value_ = 0;           // Raw: which value
    size_t position_ = 0;        // Raw: the scan's position (RawRecords::scan)
    std::vector<int64_t> rowids_;
};

} // namespace sightline
