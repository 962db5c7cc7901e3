#include "export/csv_cell.h"

namespace sightline {
namespace {

bool looks_like_formula(std::string_view value) {
    if (value.empty()) return false;
    switch (value.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
    default: return false;
    }
}

} // namespace

std::string csv_cell(std::string_view value) {
    std::string text;
    if (looks_like_formula(value)) text += '\'';
    text += value;
    bool quote = text.find_first_of(",\"\r\n") != std::string::npos || text.front() == ' ' || text.back() == ' ';
    if (text.empty() || !quote) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string csv_row(const std::vector<std::string>& cells) {
    std::string row;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) row += ',';
        row += csv_cell(cells[i]);
    }
    return row + "\r\n";
}

} // namespace sightline
