#include "query/matching_rowid_reader.h"

#include "query/activity_query.h"

#include <sqlite3.h>

#include <chrono>

namespace sightline {

MatchingRowidReader::MatchingRowidReader(const ActivityStore& store, const ActivityFilter& filter,
                                         const std::vector<SortKey>& sort)
    : store_(&store), statement_(prepare_matching_rowids(store, filter, sort)) {}

bool MatchingRowidReader::read(std::vector<int64_t>& out, double budget_ms) {
    if (done_) return false;
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration<double, std::milli>(budget_ms);
    // Check the clock every few thousand rows: reading the clock costs more than a step.
    for (;;) {
        for (int i = 0; i < 4096; ++i) {
            if (!step_row(store_->db(), statement_.get())) {
                done_ = true;
                statement_.reset();
                return false;
            }
            out.push_back(sqlite3_column_int64(statement_.get(), 0));
        }
        if (Clock::now() >= deadline) return true;
    }
}

} // namespace sightline
