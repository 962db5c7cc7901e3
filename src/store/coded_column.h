// One text field of every activity as small integer codes into a dictionary of its distinct
// values. Filters and value counts over a million rows then test or count codes, and each
// distinct value is examined once instead of once per row.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sightline {

class CodedColumn {
public:
    // Past this many distinct values a field is nearly one value per row (IP addresses or user
    // agents in some exports): codes would save nothing and the dictionary would cost more than
    // the column. The column then gives up (abandoned()) and that field is left to SQL.
    static constexpr size_t kMaxDistinctValues = 250000;
    explicit CodedColumn(size_t max_distinct_values = kMaxDistinctValues) : max_distinct_(max_distinct_values) {}

    // Room for `rows` codes up front: growing a million-code array doubles and copies it, and
    // such a copy (fresh pages to fault in) took ~40 ms of one slice of the page's build.
    void reserve(size_t rows);
    void append(std::string_view value);
    void clear();
    // After the last append: frees the value -> code lookup, which only appending needs (tens
    // of MB for a field with a million distinct values). Append again only after clear().
    void finish_appending() { index_ = {}; }
    bool abandoned() const { return abandoned_; }

    size_t size() const { return wide_ ? wide_codes_.size() : narrow_codes_.size(); }
    uint32_t code_at(size_t position) const { return wide_ ? wide_codes_[position] : narrow_codes_[position]; }
    // The distinct values, indexed by code.
    const std::deque<std::string>& values() const { return values_; }
    // Whether a value holds a NUL byte (JSON's \u0000): SQLite's LIKE and NOCASE stop reading
    // there, so filters on such a column are left to SQL (query/column_filter.cpp).
    bool has_nul() const { return has_nul_; }

    // Calls visit(position, code) for every row, in position order, without a branch per row.
    template <typename Visit>
    void for_each_code(Visit visit) const {
        if (wide_) for (size_t p = 0; p < wide_codes_.size(); ++p) visit(p, wide_codes_[p]);
        else for (size_t p = 0; p < narrow_codes_.size(); ++p) visit(p, narrow_codes_[p]);
    }

private:
    uint32_t code_of(std::string_view value);

    std::deque<std::string> values_; // a deque never moves its elements: index_'s keys stay valid
    std::unordered_map<std::string_view, uint32_t> index_;
    bool has_nul_ = false;
    // Two bytes a row while there are at most 65,536 distinct values (users, apps, countries),
    // four beyond that (IP addresses of a large tenant).
    bool wide_ = false;
    bool abandoned_ = false;
    size_t max_distinct_;
    std::vector<uint16_t> narrow_codes_;
    std::vector<uint32_t> wide_codes_;
    size_t reserved_rows_ = 0;
};

} // namespace sightline
