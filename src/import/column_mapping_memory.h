// Column mappings the analyst confirmed, remembered per header: a file whose columns have the
// same names (normalised: trimmed, case and runs of spaces ignored) opens with the mapping
// chosen last time, in the mapping dialog and in load(). The page keeps them in localStorage,
// as it keeps saved queries; only column names and mappings are stored, never data.
#pragma once

#include "import/import_report.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// One column name as headers are compared: trimmed, ASCII lower case, every run of
// whitespace one space ("  Client   IP " -> "client ip").
std::string normalized_column_name(std::string_view name);
// The header's identity: its normalised names in order (order matters: it is the same file
// layout only when the columns come in the same order).
std::string header_identity(const std::vector<std::string>& column_names);

struct RememberedMapping {
    ColumnMapping mapping;  // with the column names of the file asked about
    std::string file_name;  // the file it was confirmed for
};

struct ColumnMappingMemoryLoad;

class ColumnMappingMemory {
public:
    // Old entries go first when there are more; a header is a few hundred bytes.
    static constexpr size_t kMaxEntries = 100;

    // Remembers (or replaces) the mapping for this header, as the most recent entry.
    void remember(const std::vector<std::string>& column_names, const ColumnMapping& mapping, std::string file_name);
    // The mapping remembered for a header like this one, its column names spelt as in this
    // header; nullopt when none (or when it names a column this header lacks).
    std::optional<RememberedMapping> find(const std::vector<std::string>& column_names) const;
    size_t size() const { return entries_.size(); }
    // Remembers `other`'s mappings as the most recent ones, in their order (a settings import).
    void merge(const ColumnMappingMemory& other);

    // {"version": 1, "mappings": [{"columns": [...], "mapping": {...}, "file": "..."}]}, newest first.
    std::string to_json() const;
    // Never throws: unreadable JSON gives an empty memory and an error; bad entries are
    // left out and named while the others load.
    static ColumnMappingMemoryLoad from_json(std::string_view json);

private:
    struct Entry {
        std::vector<std::string> columns; // as the confirmed file spelt them
        ColumnMapping mapping;
        std::string file_name;
    };
    std::vector<Entry> entries_; // newest first
};

struct ColumnMappingMemoryLoad {
    ColumnMappingMemory memory;
    std::string error; // empty when everything stored was loaded
};

} // namespace sightline
