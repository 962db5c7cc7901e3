// The guard that keeps a CSV cell from running as a spreadsheet formula, written once for the
// writer (export/csv_cell.cpp adds it) and the reader of Sightline's own CSV
// (import/canonical_table_format.cpp takes it off), so that an export re-imports unchanged.
//
// A cell that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe,
// which Excel, LibreOffice and Google Sheets show as text rather than evaluate. So that the
// guard can be taken off again without guessing, a value that already starts with apostrophes
// followed by one of those characters ("'=x") gets one more ("''=x"): reading removes exactly
// one apostrophe from any cell of that shape.
#pragma once

#include <string_view>

namespace sightline {

inline constexpr char kFormulaGuard = '\'';

// Whether `value` must be written with a leading apostrophe.
constexpr bool needs_formula_guard(std::string_view value) {
    size_t i = 0;
    while (i < value.size() && value[i] == kFormulaGuard) ++i;
    if (i == value.size()) return false;
    switch (value[i]) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
    default: return false;
    }
}

// A cell as read back: the guard removed when the cell carries one.
constexpr std::string_view without_formula_guard(std::string_view cell) {
    if (!cell.empty() && cell.front() == kFormulaGuard && needs_formula_guard(cell.substr(1))) return cell.substr(1);
    return cell;
}

} // namespace sightline
