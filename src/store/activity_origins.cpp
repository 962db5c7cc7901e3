#include "store/activity_origins.h"

#include "store/sqlite_handle.h"

#include <sqlite3.h>

namespace sightline {
namespace {

using TextOf = std::string_view (ActivityOrigins::*)(int64_t) const;

template <TextOf text_of>
void origin_text_function(sqlite3_context* context, int, sqlite3_value** argv) {
    const auto* origins = static_cast<const ActivityOrigins*>(sqlite3_user_data(context));
    std::string_view text = (origins->*text_of)(sqlite3_value_int64(argv[0]));
    // Static: origins are never changed or removed while the store lives.
    sqlite3_result_text(context, text.data() ? text.data() : "", static_cast<int>(text.size()), SQLITE_STATIC);
}

void register_function(sqlite3* db, const char* name, const ActivityOrigins* origins,
                       void (*function)(sqlite3_context*, int, sqlite3_value**)) {
    // Deterministic: a code means the same texts for the store's whole life (see the header).
    if (sqlite3_create_function(db, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                const_cast<ActivityOrigins*>(origins), function, nullptr, nullptr) != SQLITE_OK)
        throw SqliteError(std::string("cannot register ") + name + ": " + sqlite3_errmsg(db));
}

} // namespace

int64_t ActivityOrigins::code_of(std::string_view source, std::string_view file) {
    auto matches = [&](int64_t code) {
        const Origin& o = origins_[static_cast<size_t>(code)];
        return o.source == source && o.file == file;
    };
    if (last_code_ >= 0 && matches(last_code_)) return last_code_;
    // The source's length first: texts may hold any byte, NUL included.
    std::string key = std::to_string(source.size());
    key.append(1, ':').append(source).append(file);
    auto [it, added] = codes_.try_emplace(std::move(key), static_cast<int64_t>(origins_.size()));
    if (added) origins_.push_back(Origin{std::string(source), std::string(file)});
    return last_code_ = it->second;
}

std::string_view ActivityOrigins::source(int64_t code) const {
    if (code < 0 || code >= static_cast<int64_t>(origins_.size())) return {};
    return origins_[static_cast<size_t>(code)].source;
}

std::string_view ActivityOrigins::file(int64_t code) const {
    if (code < 0 || code >= static_cast<int64_t>(origins_.size())) return {};
    return origins_[static_cast<size_t>(code)].file;
}

void ActivityOrigins::register_functions(sqlite3* db) const {
    register_function(db, "sl_source", this, &origin_text_function<&ActivityOrigins::source>);
    register_function(db, "sl_file", this, &origin_text_function<&ActivityOrigins::file>);
}

} // namespace sightline
