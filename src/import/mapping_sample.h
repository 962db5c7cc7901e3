// What an import shows the analyst when a file is in no known format and the UI asked to
// choose the mapping: the header, the first rows as cells, and the mapping to start from
// (remembered for this header, or guessed). The import waits until it gets an answer.
#pragma once

#include "import/import_report.h"
#include "import/table_format.h"

#include <string>
#include <vector>

namespace sightline {

struct MappingSample {
    std::string file_name;
    std::vector<std::string> columns;          // the header, as the file spells it
    std::vector<std::vector<std::string>> rows; // the first rows' cells (JSON values as text)
    TableSyntax syntax = TableSyntax::Csv;
    ColumnMapping initial_mapping;              // in canonical field order; may lack time
    std::string remembered_from;                // the file the remembered mapping was confirmed for, or ""
};

} // namespace sightline
