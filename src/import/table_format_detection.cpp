// Chooses a known table format from the header. The most specific formats go first: the
// Defender CSV aliases (Date, User, App, ...) would also match the others' columns.
#include "import/table_formats.h"

namespace sightline {

std::unique_ptr<TableFormat> detect_known_table_format(const TableColumns& columns, TableSyntax syntax) {
    using Maker = std::unique_ptr<TableFormat> (*)(const TableColumns&, TableSyntax);
    static constexpr Maker makers[] = {make_canonical_table_format, make_audit_log_table_format,
                                       make_entra_signin_table_format, make_cloud_app_events_table_format,
                                       make_defender_csv_format};
    for (Maker make : makers)
        if (auto format = make(columns, syntax)) return format;
    return nullptr;
}

} // namespace sightline
