// `sightline-cli import FILE... [--jsonl OUT] [--stats]`: imports files into a fresh store the
// way the page does (1 MB chunks), prints the reports as JSON, optionally writes every row.
#pragma once

#include <string>
#include <vector>

namespace sightline::cli {

int run_import_command(const std::vector<std::string>& args);

} // namespace sightline::cli
