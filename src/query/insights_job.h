// Works out one user's or one IP address's insights (query/entity_insights.h), a slice at a
// time so that the drawer's frames never wait for the counts: they fill in when done.
//
// Two paths with one meaning: the column copy (store/activity_columns.h), whose rows are newest
// first so the 30-day window is a prefix of positions, decides the subject once per distinct
// value and then counts codes; without the copy (it is being built, or the subject's column
// gave up on too many distinct values) one parameterised SQL statement reads the window's rows
// of the subject. tests/unit/entity_insights_test.cpp checks both against plain counts.
#pragma once

#include "filter/activity_filter.h"
#include "query/entity_insights.h"
#include "store/activity_store.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sightline {

class InsightsJob {
public:
    // Rows of the column copy one step() looks at: ~2-4 ms natively, ~10 ms in the page.
    static constexpr size_t kRowsPerStep = 250000;

    // The job reads `store` as it is now; after a write it is stale() and must be made anew.
    // `use_columns` false reads SQL even when the copy is ready (the reference in tests).
    InsightsJob(const ActivityStore& store, InsightSubject subject, std::string value, bool use_columns = true);
    ~InsightsJob();
    InsightsJob(InsightsJob&&) noexcept;
    InsightsJob& operator=(InsightsJob&&) noexcept;

    // Does up to `max_rows` rows of work (the SQL path does all of it in one step). Returns
    // true while work remains.
    bool step(size_t max_rows = kRowsPerStep);
    void run_to_end() { while (step()) {} }
    bool done() const;
    // 0..1 of the window's rows looked at.
    double progress() const;
    // Whether the column copy answers (false: SQL).
    bool uses_columns() const;
    bool stale() const { return store_->data_generation() != generation_; }
    // After a write (stale()): true when the rows it counted are the same (an index was built,
    // an import was cancelled), and then it is current again; false when they changed, or when
    // it was still under way (its scan read the copy the write dropped): then make it anew.
    bool still_holds();
    InsightSubject subject() const { return subject_; }
    const std::string& value() const { return value_; }
    // The answer once done(); before that, the window and the subject only.
    const EntityInsights& insights() const { return insights_; }

private:
    struct ColumnScan;
    void run_sql();

    const ActivityStore* store_;
    InsightSubject subject_;
    std::string value_;
    uint64_t generation_;
    // What the rows were: the count, the last rowid and the newest time.
    struct DataKey {
        int64_t count = 0, last_rowid = 0;
        std::optional<int64_t> newest;
        bool operator==(const DataKey&) const = default;
    };
    static DataKey key_of(const ActivityStore& store);
    DataKey key_;
    EntityInsights insights_;
    std::unique_ptr<ColumnScan> scan_; // null on the SQL path
    bool done_ = false;
    bool from_columns_ = false;
};

// The filter that selects exactly the activities counted: the subject (eq, without case) and
// `last_days 30`.
ActivityFilter insights_filter(InsightSubject subject, std::string_view value);

// Insights at once (the automation API, the CLI, tests), through the copy when it is ready.
EntityInsights compute_insights(const ActivityStore& store, InsightSubject subject, std::string_view value);
// The same through SQL alone, whatever the copy: the reference the copy's path is tested against.
EntityInsights compute_insights_with_sql(const ActivityStore& store, InsightSubject subject, std::string_view value);

} // namespace sightline
