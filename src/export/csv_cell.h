// One CSV cell as Sightline writes it: RFC 4180 quoting, and cells that a spreadsheet would
// run as a formula (leading =, +, -, @, tab or carriage return) neutralised with a leading
// apostrophe, so an exported log cannot execute anything when opened.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

std::string csv_cell(std::string_view value);
// Cells joined with commas and ended with CRLF, as RFC 4180 asks.
std::string csv_row(const std::vector<std::string>& cells);

} // namespace sightline
