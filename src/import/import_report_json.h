// The JSON form of import reports, shaped like the `load` call's result (shared/AUTOMATION.md):
// {"files": [{name, format, rows, repaired, skipped, duplicates, mapping, errors, ...}], "total"}.
#pragma once

#include "import/import_report.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sightline {

// One file's report as an object; `mapping` is the mapping object or null; `fatal` says the
// file could not be read at all, and then `error` holds the reason (also first in `errors`).
void write_file_report_json(rapidjson::Writer<rapidjson::StringBuffer>& writer, const FileImportReport& report);

// `replaced_demo`, when given, says whether the files replaced the demo data (the page's load).
std::string import_reports_to_json(const std::vector<FileImportReport>& reports, int64_t total,
                                   std::optional<bool> replaced_demo = std::nullopt);

} // namespace sightline
