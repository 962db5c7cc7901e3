// Where activities came from, (source format, file name), stored once per pair rather than in
// every row: a million rows of one file repeated ~60 bytes of the same two texts, ~60 MB of the
// page's memory. The table keeps a small code (`origin`); `source` and `file` are virtual
// columns that look the texts up here (sl_source / sl_file), so SQL reads them as before.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;

namespace sightline {

class ActivityOrigins {
public:
    // The code of a pair, added when new. Codes are never reused or forgotten, not even when
    // the store is cleared: a rolled-back clear brings back rows that still use them, and
    // indexes on `source` and `file` count on a code always meaning the same texts.
    int64_t code_of(std::string_view source, std::string_view file);
    // Empty texts for an unknown code.
    std::string_view source(int64_t code) const;
    std::string_view file(int64_t code) const;

    // Registers sl_source(code) and sl_file(code) on `db`, reading from this object.
    void register_functions(sqlite3* db) const;

private:
    struct Origin {
        std::string source, file;
    };
    std::deque<Origin> origins_; // a deque never moves its elements: SQLite reads them in place
    // Keyed by the source's length, ':', source and file. Re-imported Sightline exports carry
    // a source and file per row, so there may be many pairs.
    std::unordered_map<std::string, int64_t> codes_;
    int64_t last_code_ = -1; // rows come file by file: most lookups are the last pair
};

} // namespace sightline
