#include "store/activity_marks.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace sightline {
namespace {

std::optional<int64_t> rowid_of(ActivityStore& store, std::string_view id) {
    Statement st = prepare(store.db(), "SELECT rowid FROM activities WHERE id = ?");
    bind_text(st.get(), 1, id);
    if (!step_row(store.db(), st.get())) return std::nullopt;
    return sqlite3_column_int64(st.get(), 0);
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return std::string(text);
}

} // namespace

bool set_starred(ActivityStore& store, std::string_view id, bool starred) {
    auto rowid = rowid_of(store, id);
    if (!rowid) return false;
    ActivityStore::WritesKeepAnswers keep(store); // no kept answer reads `starred`
    Statement st = prepare(store.db(), "UPDATE activities SET starred = ? WHERE rowid = ?");
    sqlite3_bind_int(st.get(), 1, starred ? 1 : 0);
    sqlite3_bind_int64(st.get(), 2, *rowid);
    step_row(store.db(), st.get());
    return true;
}

bool set_comment(ActivityStore& store, std::string_view id, std::string_view comment) {
    auto rowid = rowid_of(store, id);
    if (!rowid) return false;
    Statement st = prepare(store.db(), "UPDATE activities SET comment = ? WHERE rowid = ?");
    bind_text(st.get(), 1, trimmed(comment));
    sqlite3_bind_int64(st.get(), 2, *rowid);
    step_row(store.db(), st.get());
    return true;
}

bool set_tags(ActivityStore& store, std::string_view id, const std::vector<std::string>& tags) {
    auto rowid = rowid_of(store, id);
    if (!rowid) return false;
    std::vector<std::string> clean;
    for (const std::string& tag : tags) {
        std::string t = trimmed(tag);
        if (!t.empty() && std::find(clean.begin(), clean.end(), t) == clean.end()) clean.push_back(std::move(t));
    }
    exec(store.db(), "SAVEPOINT set_tags");
    Statement remove = prepare(store.db(), "DELETE FROM activity_tags WHERE activity = ?");
    sqlite3_bind_int64(remove.get(), 1, *rowid);
    step_row(store.db(), remove.get());
    Statement insert = prepare(store.db(), "INSERT INTO activity_tags (activity, value) VALUES (?, ?)");
    for (const std::string& tag : clean) {
        sqlite3_reset(insert.get());
        sqlite3_bind_int64(insert.get(), 1, *rowid);
        bind_text(insert.get(), 2, tag);
        step_row(store.db(), insert.get());
    }
    exec(store.db(), "RELEASE set_tags");
    return true;
}

} // namespace sightline
