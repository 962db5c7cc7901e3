// SQL functions the filter compiler (filter/filter_sql.cpp) emits. They wrap text/word_match.h
// so SQL and C++ agree on words and case, and they read values with their byte length, so
// text with NUL bytes is compared whole (SQLite's LIKE would stop at the first NUL).
#include "store/sql_functions.h"

#include "text/word_match.h"
#include "store/sqlite_handle.h"

#include <sqlite3.h>

#include <string_view>

namespace sightline {
namespace {

// NULL reads as empty text: the filter operators treat a missing value like an empty one.
std::string_view value_text(sqlite3_value* value) {
    const unsigned char* text = sqlite3_value_text(value);
    if (!text) return {};
    return {reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_value_bytes(value))};
}

template <bool (*Match)(std::string_view, std::string_view)>
void text_predicate(sqlite3_context* context, int, sqlite3_value** argv) {
    sqlite3_result_int(context, Match(value_text(argv[0]), value_text(argv[1])) ? 1 : 0);
}

// sl_any_contains(needle, text1, text2, ...): one call per row for free-text search over
// every column, instead of one call per column.
void any_contains(sqlite3_context* context, int argc, sqlite3_value** argv) {
    std::string_view needle = value_text(argv[0]);
    for (int i = 1; i < argc; ++i) {
        if (contains_ci(value_text(argv[i]), needle)) {
            sqlite3_result_int(context, 1);
            return;
        }
    }
    sqlite3_result_int(context, 0);
}

void register_function(sqlite3* db, const char* name, int arg_count,
                       void (*function)(sqlite3_context*, int, sqlite3_value**)) {
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    if (sqlite3_create_function(db, name, arg_count, flags, nullptr, function, nullptr, nullptr) != SQLITE_OK)
        throw SqliteError(std::string("cannot register SQL function ") + name + ": " + sqlite3_errmsg(db));
}

} // namespace

void register_sql_functions(sqlite3* db) {
    register_function(db, "sl_has_word", 2, text_predicate<has_whole_word>);
    register_function(db, "sl_contains_ci", 2, text_predicate<contains_ci>);
    register_function(db, "sl_starts_with_ci", 2, text_predicate<starts_with_ci>);
    register_function(db, "sl_ends_with_ci", 2, text_predicate<ends_with_ci>);
    register_function(db, "sl_any_contains", -1, any_contains);
}

} // namespace sightline
