// Constructors of the table formats Sightline knows. Each returns nullptr when the columns are
// not that format's; detect_known_table_format() (table_format_detection.cpp) tries them in order.
#pragma once

#include "import/import_report.h"
#include "import/table_format.h"

namespace sightline {

std::unique_ptr<TableFormat> make_canonical_table_format(const TableColumns& columns, TableSyntax syntax);
std::unique_ptr<TableFormat> make_audit_log_table_format(const TableColumns& columns, TableSyntax syntax);
std::unique_ptr<TableFormat> make_entra_signin_table_format(const TableColumns& columns, TableSyntax syntax);
std::unique_ptr<TableFormat> make_cloud_app_events_table_format(const TableColumns& columns, TableSyntax syntax);
std::unique_ptr<TableFormat> make_defender_csv_format(const TableColumns& columns, TableSyntax syntax);

// Any other table: a mapping guessed from header names and sample rows; nullptr (with `why`)
// when no column looks like a date/time.
std::unique_ptr<TableFormat> make_guessed_table_format(const TableColumns& columns,
                                                       const std::vector<std::vector<std::string>>& samples,
                                                       TableSyntax syntax, std::string& why);
// The mapping a guess would use (names first, then sample values); time may be missing.
ColumnMapping guess_column_mapping(const TableColumns& columns, const std::vector<std::vector<std::string>>& samples);
// A table read with the analyst's mapping; nullptr (with `why`) when it names missing columns.
std::unique_ptr<TableFormat> make_mapped_table_format(const TableColumns& columns, const ColumnMapping& mapping,
                                                      TableSyntax syntax, std::string& why);

} // namespace sightline
