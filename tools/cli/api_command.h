// `sightline-cli api FILE... --calls CALLS.jsonl [--columns]`: imports the files into a fresh
// application model the way the page's load() does (a file in no known format is read with the
// guessed mapping), then answers each line of CALLS.jsonl through the automation API
// (api/automation_api.h) and prints one JSON answer per line, for golden-file tests.
#pragma once

#include <string>
#include <vector>

namespace sightline::cli {

int run_api_command(const std::vector<std::string>& args);

} // namespace sightline::cli
