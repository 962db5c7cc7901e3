// The `load` call's result: {files: [{name, format, rows, repaired, skipped, duplicates,
// mapping, errors: [{line, message}]}], total}, as shared/AUTOMATION.md defines it.
#pragma once

#include "import/import_report.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sightline {

std::string import_result_to_json(const std::vector<FileImportReport>& reports, int64_t total_activities,
                                  bool replaced_demo);

} // namespace sightline
