#include "export/csv_cell.h"

#include "util/formula_guard.h"

namespace sightline {
namespace {

// Quotes when RFC 4180 needs them (the delimiter, a quote, a line break), and around leading or
// trailing spaces, which some readers trim.
bool needs_quotes(std::string_view text, char delimiter) {
    if (text.empty()) return false;
    // Letters and digits, most of every cell, fail the first test (',' and ';' sort above '"').
    for (char c : text)
        if ((static_cast<unsigned char>(c) <= '"' && (c == '"' || c == '\r' || c == '\n')) || c == delimiter) return true;
    return text.front() == ' ' || text.back() == ' ';
}

} // namespace

void append_csv_cell(std::string& out, std::string_view value, char delimiter) {
    const bool guard = needs_formula_guard(value);
    const bool quote = needs_quotes(value, delimiter);
    if (quote) out += '"';
    if (guard) out += kFormulaGuard;
    if (!quote) {
        out += value;
        return;
    }
    size_t start = 0;
    for (size_t q = value.find('"'); q != std::string_view::npos; q = value.find('"', q + 1)) {
        out.append(value.substr(start, q + 1 - start));
        out += '"';
        start = q + 1;
    }
    out.append(value.substr(start));
    out += '"';
}

std::string csv_cell(std::string_view value, char delimiter) {
    std::string out;
    append_csv_cell(out, value, delimiter);
    return out;
}

std::string csv_row(const std::vector<std::string>& cells, char delimiter) {
    std::string row;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) row += delimiter;
        append_csv_cell(row, cells[i], delimiter);
    }
    return row + "\r\n";
}

} // namespace sightline
