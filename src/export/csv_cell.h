// One CSV cell as Sightline writes it: RFC 4180 quoting, and cells that a spreadsheet would
// run as a formula (leading =, +, -, @, tab or carriage return) neutralised with a leading
// apostrophe (util/formula_guard.h), so an exported log cannot execute anything when opened.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

std::string csv_cell(std::string_view value, char delimiter = ',');
// The same, appended to `out` (the export's rows are built in one buffer, without a string a cell).
void append_csv_cell(std::string& out, std::string_view value, char delimiter = ',');
// Cells joined with the delimiter and ended with CRLF, as RFC 4180 asks.
std::string csv_row(const std::vector<std::string>& cells, char delimiter = ',');

} // namespace sightline
