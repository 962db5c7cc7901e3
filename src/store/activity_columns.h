// A column-wise copy of the fields that filters and value counts use most, for every stored
// activity, in the activity log's default order (newest first): position 0 is the newest.
//
// Why: on a million rows even an indexed SQLite query visits every matching row through the
// B-tree (~0.2-0.3 s a pass), and indexes for every filterable field would cost more memory
// than the data. Codes in arrays answer the common filters (equals, not, starts with, date
// ranges, CIDR, booleans) and value counts in milliseconds at ~2-4 bytes a field a row.
// SQLite stays the reference: query/column_filter.h answers only what it can answer exactly
// as filter/filter_sql.h does, and everything else goes to SQL.
//
// The copy is built from the store a slice at a time (ColumnsBuilder, between frames) after
// each change, and is used only when complete.
#pragma once

#include "store/coded_column.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace sightline {

class ActivityColumns {
public:
    explicit ActivityColumns(size_t max_distinct_values = CodedColumn::kMaxDistinctValues)
        : flags_(flag_fields().size()), coded_(coded_fields().size(), CodedColumn(max_distinct_values)),
          max_distinct_values_(max_distinct_values) {}

    // The text fields kept as codes and the boolean fields kept as bytes (FieldCopy of the field
    // table, model/field_table.h), each in the table's order, which is the order the builder reads them.
    static const std::vector<std::string_view>& coded_fields();
    static const std::vector<std::string_view>& flag_fields();

    size_t size() const { return rowids_.size(); }
    const std::vector<int64_t>& rowids() const { return rowids_; }
    const std::vector<int64_t>& times() const { return times_; }
    // nullptr for a field that is not kept here (not a coded field, or one that gave up).
    const CodedColumn* coded(std::string_view field) const;
    const std::vector<uint8_t>* flags(std::string_view field) const; // nullptr for a field not in flag_fields()
    std::optional<int64_t> newest_time() const;
    // Where an activity is in the copy (after finish()); nullopt for a rowid not stored.
    std::optional<size_t> position_of(int64_t rowid) const;

    void clear();
    // Room for about `rows` rows, so that appending them never grows (copies) an array.
    void reserve(size_t rows);
    // Rows must come newest first: (time desc, rowid desc).
    // `flags`: one byte (0/1) for each of flag_fields(); `coded`: one text for each of coded_fields().
    void append_row(int64_t rowid, int64_t time, std::span<const uint8_t> flags, const std::vector<std::string_view>& coded);
    // After the last row: builds the rowid -> position lookup.
    void finish();
    // A coded field read again for every row (in the copy's order), after a write that changed
    // only a few fields (IP ranges, store/ip_overrides.h): an empty column made for it, then
    // the filled one in its place.
    CodedColumn empty_coded_column() const { return CodedColumn(max_distinct_values_); }
    void replace_coded(std::string_view field, CodedColumn column);

private:
    std::vector<int64_t> rowids_;
    std::vector<int64_t> times_;
    std::vector<std::vector<uint8_t>> flags_;
    std::vector<CodedColumn> coded_;
    size_t max_distinct_values_;
    // Rowids are dense (SQLite assigns max + 1), so a vector indexed by rowid - first is the
    // lookup: 4 bytes a row.
    int64_t first_rowid_ = 0;
    std::vector<uint32_t> position_by_rowid_;
};

} // namespace sightline
