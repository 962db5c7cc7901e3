#include "query/free_text_job.h"

#include "model/canonical_fields.h"
#include "query/free_text_search.h"

#include <algorithm>
#include <chrono>

namespace sightline {
namespace {

// Work between two looks at the clock: a few milliseconds' worth in the page (a raw scan reads
// whole blocks, so at least one 8 MB block).
constexpr size_t kScanBytes = size_t{4} << 20;
constexpr int64_t kListRows = 32768;

} // namespace

FreeTextJob::FreeTextJob(const ActivityStore& store, const ActivityFilter& filter)
    : store_(store), generation_(store.data_generation()) {
    if (!store.columns()) return; // answers are only used with the copy (query/column_filter.h)
    for (const FieldInfo& field : canonical_fields())
        if (field.kind == FieldKind::List) list_fields_.push_back(field.name);
    for (FilterCondition& condition : filter.free_text_conditions())
        if (!store.rowid_cache().find(free_text_cache_key(condition), generation_))
            conditions_.push_back(std::move(condition));
}

bool FreeTextJob::step(double budget_ms) {
    if (done()) return false;
    if (store_.data_generation() != generation_) { // the answers so far are of other data
        outdated_ = true;
        next_condition_ = conditions_.size();
        return false;
    }
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration<double, std::milli>(budget_ms);
    while (!done()) {
        search_piece(conditions_[next_condition_]);
        if (Clock::now() >= deadline) break;
    }
    return !done();
}

// One piece of work on `condition`, moving through the phases in order.
void FreeTextJob::search_piece(const FilterCondition& condition) {
    switch (phase_) {
    case Phase::Start:
        if (store_.rowid_cache().find(free_text_cache_key(condition), generation_)) { // a repeated condition
            ++next_condition_;
            return;
        }
        rowids_.clear();
        list_ = 0;
        list_after_ = 0;
        list_last_ = -1;
        phase_ = Phase::Lists;
        return;
    case Phase::Lists:
        if (list_ >= list_fields_.size()) {
            phase_ = Phase::OtherColumns;
            return;
        }
        if (list_last_ < 0) list_last_ = list_last_rowid(store_, list_fields_[list_]);
        if (list_after_ >= list_last_) {
            ++list_;
            list_after_ = 0;
            list_last_ = -1;
            return;
        }
        free_text_in_list_rows(store_, list_fields_[list_], condition, list_after_, list_after_ + kListRows, rowids_);
        list_after_ += kListRows;
        return;
    case Phase::OtherColumns: {
        std::vector<int64_t> found = free_text_in_other_columns(store_, condition);
        rowids_.insert(rowids_.end(), found.begin(), found.end());
        value_ = 0;
        position_ = 0;
        phase_ = Phase::Raw;
        return;
    }
    case Phase::Raw:
        if (!free_text_searches_raw(condition) || value_ >= condition.values.size()) {
            finish_condition();
            return;
        }
        position_ = store_.raw_records().scan(condition.values[value_], position_, kScanBytes, rowids_);
        if (position_ >= store_.raw_records().scan_end()) {
            ++value_;
            position_ = 0;
        }
        return;
    }
}

void FreeTextJob::finish_condition() {
    store_.rowid_cache().put(free_text_cache_key(conditions_[next_condition_]), generation_, std::move(rowids_));
    rowids_ = {};
    ++next_condition_;
    phase_ = Phase::Start;
}

double FreeTextJob::progress() const {
    if (done() || conditions_.empty()) return 1.0;
    double within = 0.0;
    const FilterCondition& condition = conditions_[next_condition_];
    if (phase_ == Phase::Raw && !condition.values.empty()) {
        const size_t end = std::max<size_t>(1, store_.raw_records().scan_end());
        within = (static_cast<double>(value_) + static_cast<double>(position_) / static_cast<double>(end)) /
                 static_cast<double>(condition.values.size());
    }
    return (static_cast<double>(next_condition_) + std::min(within, 1.0)) / static_cast<double>(conditions_.size());
}

} // namespace sightline
