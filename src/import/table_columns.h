// The header of a table-shaped export (CSV header row, or the keys of flat JSON records) and
// lookup of columns by any of their known names, ignoring case, spaces and punctuation.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

class TableColumns {
public:
    TableColumns() = default;
    explicit TableColumns(std::vector<std::string> names);

    const std::vector<std::string>& names() const { return names_; }
    size_t size() const { return names_.size(); }

    // Index of the first column named like one of `aliases`, or -1.
    int find(std::initializer_list<std::string_view> aliases) const;
    int find_exact(std::string_view name) const; // by the header text itself (explicit mappings)
    bool has(std::initializer_list<std::string_view> aliases) const { return find(aliases) >= 0; }

private:
    std::vector<std::string> names_;
    std::vector<std::string> keys_; // header_key() of each name
};

// The trimmed value of column `index` of a row, "" when the column is absent or the row short.
inline std::string_view cell(std::span<const std::string_view> row, int index) {
    if (index < 0 || static_cast<size_t>(index) >= row.size()) return {};
    std::string_view v = row[static_cast<size_t>(index)];
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
}

} // namespace sightline
