// The in-memory SQLite database of loaded activities: schema, bulk writing, and reads by
// rowid. Filtering and sorting live in query/activity_query.h; this class owns the data.
// Filter indexes are built after loading, all at once (ensure_indexes) or a step at a time
// between frames (store/index_builder.h).
#pragma once

#include "model/activity.h"
#include "model/activity_fields.h"
#include "store/activity_columns.h"
#include "store/activity_id_set.h"
#include "store/activity_origins.h"
#include "store/activity_sink.h"
#include "store/columns_builder.h"
#include "store/raw_records.h"
#include "store/result_cache.h"
#include "store/sqlite_handle.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace sightline {

class ActivityStore {
public:
    // `max_distinct_values`: where a column of the copy gives up (store/coded_column.h); tests
    // lower it to reach that case with little data.
    explicit ActivityStore(size_t max_distinct_values = CodedColumn::kMaxDistinctValues);
    ActivityStore(const ActivityStore&) = delete;
    ActivityStore& operator=(const ActivityStore&) = delete;

    sqlite3* db() const { return db_.get(); }

    int64_t count() const;
    // Newest activity time, the anchor of "last N days" and of 30-day insights.
    std::optional<int64_t> newest_time_ms() const;

    // Reads activities by rowid, in the order given. `with_raw` adds the original record.
    std::vector<Activity> read(std::span<const int64_t> rowids, bool with_raw = false) const;
    std::optional<Activity> find_by_id(std::string_view id, bool with_raw = true) const;

    // Builds every missing filter index and the planner statistics in one go.
    void ensure_indexes();
    void clear();                   // in a transaction of its own
    void delete_all_activities();   // inside the caller's transaction
    // Deletes activities whose rowid is at most `rowid` (those stored before a given moment),
    // inside the caller's transaction.
    void delete_activities_through(int64_t rowid);
    int64_t last_rowid() const;     // the highest rowid stored, 0 when empty

    // The original records, which free-text search scans directly (store/raw_records.h).
    const RawRecords& raw_records() const { return raw_; }
    // Where records kept in their files are read from (store/kept_sources.h); not owned.
    void use_kept_sources(KeptSources* sources) { raw_.use_kept_sources(sources); }

    // Increases whenever stored data changes (each commit or rollback of a write), so that
    // what was worked out from the data can tell whether it still holds.
    uint64_t data_generation() const { return data_generation_; }
    // The generation under which answers may be kept now: none inside a write transaction,
    // whose data changes before its commit starts a new generation.
    std::optional<uint64_t> answers_generation() const;
    // While one lives, commits keep data_generation(): for writes that no kept answer reads (a
    // row's star is neither in the column copy nor searched as free text), so that starring a
    // row does not throw away a million-row search.
    class WritesKeepAnswers {
    public:
        explicit WritesKeepAnswers(ActivityStore& store) : store_(store) { store_.writes_keep_answers_ = true; }
        ~WritesKeepAnswers() { store_.writes_keep_answers_ = false; }
        WritesKeepAnswers(const WritesKeepAnswers&) = delete;
        WritesKeepAnswers& operator=(const WritesKeepAnswers&) = delete;

    private:
        ActivityStore& store_;
    };
    // Answers kept for the current data_generation(): free-text searches
    // (query/free_text_search.h) and filters' matches over the copy (query/activity_query.cpp).
    RowidCache& rowid_cache() const { return rowid_cache_; }
    MatchCache& match_cache() const { return match_cache_; }

    // The column-wise copy of the stored activities (store/activity_columns.h), or nullptr
    // while it is not complete for the data as it is now. Any write makes it stale;
    // build_columns() brings it up to date a slice at a time (true while work remains).
    const ActivityColumns* columns() const { return columns_state_ == ColumnsState::Ready ? &columns_ : nullptr; }
    bool build_columns(double budget_ms);
    // For a write that changes only `fields` (coded fields of the copy) of stored rows, such as
    // IP ranges do (store/ip_overrides.h): `write` runs (its own transaction or savepoint), and
    // a complete copy is then brought up to date by reading those fields again, a fraction of
    // a rebuild, so filters stay on the fast path. A copy still being built starts over.
    void rewrite_coded_fields(std::span<const std::string_view> fields, const std::function<void(sqlite3*)>& write);
    // Progress of the copy for the data as it is now: a stale copy's rows do not count.
    int64_t columns_rows_built() const {
        return columns_state_ == ColumnsState::Stale ? 0 : static_cast<int64_t>(columns_.size());
    }

private:
    friend class ActivityWriter;

    // The ids of stored rows, rebuilt from the table after anything that can remove rows
    // (a delete, or a rollback that undoes inserts): rare events, a scan of ~0.1 s per 1M rows.
    ActivityIdSet& ids() const;
    std::optional<int64_t> rowid_of(std::string_view id, uint64_t hash) const;
    void mark_ids_stale() { ids_stale_ = true; }
    // Before any write: the copy no longer matches, and its reading statement must not stay
    // open while the table changes.
    void invalidate_columns();
    void reread_coded_fields(std::span<const std::string_view> fields);
    static void on_rollback(void* store);
    static int on_commit(void* store);

    // Declared first so that it outlives the database: closing it may roll back, which calls
    // on_rollback. sl_raw points at it, as sl_source and sl_file point at origins_.
    RawRecords raw_;
    ActivityOrigins origins_;
    SqliteDb db_;
    mutable ActivityIdSet ids_;
    mutable bool ids_stale_ = false;
    mutable Statement id_at_rowid_;
    uint64_t data_generation_ = 0;
    bool writes_keep_answers_ = false;
    mutable RowidCache rowid_cache_{8}; // a filter may hold several free-text conditions
    mutable MatchCache match_cache_{2}; // a byte per row each: 1 MB per million rows
    // Stale: the data changed since the copy was built (set by writes and by SQLite's rollback
    // hook). Building: columns_builder_ is filling columns_. Ready: columns_ matches the data.
    enum class ColumnsState { Stale, Building, Ready };
    ActivityColumns columns_;
    std::optional<ColumnsBuilder> columns_builder_;
    ColumnsState columns_state_ = ColumnsState::Stale;
};

// Writes activities in one transaction. Destroying it without commit() rolls everything
// back, which is how a cancelled or failed import leaves the data set as it was.
class ActivityWriter : public ActivitySink {
public:
    explicit ActivityWriter(ActivityStore& store);
    ~ActivityWriter() override;
    ActivityWriter(const ActivityWriter&) = delete;
    ActivityWriter& operator=(const ActivityWriter&) = delete;

    // ActivitySink: false for a duplicate.
    bool insert(const Activity& activity, std::string_view raw, std::optional<KeptAt> raw_kept = {}) override;
    bool insert(const Activity& activity) { return insert(activity, activity.raw); }
    // The same with the record as the store takes it, texts beside it found by the caller.
    bool insert(const ActivityFields& activity, const RawRecordIn& raw);
    void hold_source(uint32_t source) override;
    void commit();
    void rollback(); // as destroying it uncommitted does

private:
    void insert_list(sqlite3_stmt* st, int64_t rowid, TextList values);
    // A large batch drops the filter indexes (in its transaction, so a rollback restores them):
    // maintaining them row by row costs more than rebuilding them afterwards.
    void drop_filter_indexes_if_large();
    int64_t rows_before_ = 0;  // rows in the store when the batch began
    int64_t inserted_ = 0;
    bool indexes_dropped_ = false;

    ActivityStore& store_;
    Statement insert_activity_;
    std::array<Statement, kImportedListCount> insert_list_; // by FieldTag::imported_list_index
    bool open_ = true;
};

} // namespace sightline
