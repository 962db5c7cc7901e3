#include "app/saved_queries.h"

#include "filter/filter_check.h"
#include "filter/filter_json.h"
#include "util/stored_list_json.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

namespace sightline {
namespace {

constexpr int kFormatVersion = 1;
// Filters nest a few levels; rapidjson frees and writes values recursively, so deeper input
// could exhaust the (small, in wasm) stack before any check ran.
constexpr int kMaxJsonDepth = 128;

std::string_view trim(std::string_view text) {
    const char* space = " \t\r\n\f\v";
    size_t first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(space) - first + 1);
}

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return fold(x) == fold(y); });
}

// Case-insensitive order, then exact order so that the sort is total.
bool name_before(std::string_view a, std::string_view b) {
    bool less = std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                             [](char x, char y) { return fold(x) < fold(y); });
    if (less) return true;
    return same_name(a, b) && a < b;
}

// Characters as the analyst sees them: UTF-8 continuation bytes do not start one.
size_t character_count(std::string_view text) {
    return static_cast<size_t>(std::count_if(text.begin(), text.end(),
                                             [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string quoted(std::string_view text) {
    std::string out(1, '"');
    out.append(text).push_back('"');
    return out;
}

std::string not_found(std::string_view name) { return "no saved query is named " + quoted(trim(name)); }

} // namespace

QueryNameCheck check_query_name(std::string_view name) {
    QueryNameCheck check;
    std::string_view trimmed = trim(name);
    if (trimmed.empty()) check.error = "a saved query needs a name";
    else if (character_count(trimmed) > SavedQueries::kMaxNameChars)
        check.error = "a query name can have at most " + std::to_string(SavedQueries::kMaxNameChars) + " characters";
    else if (std::any_of(trimmed.begin(), trimmed.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        check.error = "a query name cannot contain line breaks or control characters";
    else check.name = trimmed;
    return check;
}

std::vector<NamedQuery>::iterator SavedQueries::find_slot(std::string_view trimmed_name) {
    return std::find_if(queries_.begin(), queries_.end(), [&](const NamedQuery& q) { return same_name(q.name, trimmed_name); });
}

std::vector<NamedQuery>::const_iterator SavedQueries::find_slot(std::string_view trimmed_name) const {
    return std::find_if(queries_.begin(), queries_.end(), [&](const NamedQuery& q) { return same_name(q.name, trimmed_name); });
}

void SavedQueries::insert_sorted(NamedQuery query) {
    auto at = std::upper_bound(queries_.begin(), queries_.end(), query,
                               [](const NamedQuery& a, const NamedQuery& b) { return name_before(a.name, b.name); });
    queries_.insert(at, std::move(query));
}

std::string SavedQueries::save_as(std::string_view name, const ActivityFilter& filter) {
    QueryNameCheck check = check_query_name(name);
    if (!check.error.empty()) return check.error;
    if (find_slot(check.name) != queries_.end())
        return "a saved query named " + quoted(find_slot(check.name)->name) + " already exists; choose another name";
    if (std::string error = check_filter(filter); !error.empty()) return "the filter cannot be saved: " + error;
    insert_sorted({std::move(check.name), filter});
    return {};
}

std::string SavedQueries::replace(std::string_view name, const ActivityFilter& filter) {
    auto slot = find_slot(trim(name));
    if (slot == queries_.end()) return not_found(name);
    if (std::string error = check_filter(filter); !error.empty()) return "the filter cannot be saved: " + error;
    slot->filter = filter;
    return {};
}

void SavedQueries::merge(const SavedQueries& other) {
    for (const NamedQuery& query : other.queries_) {
        auto slot = find_slot(query.name);
        if (slot != queries_.end()) *slot = query; // the same name ignoring case: the newer spelling too
        else insert_sorted(query);
    }
}

std::string SavedQueries::rename(std::string_view from, std::string_view to) {
    auto slot = find_slot(trim(from));
    if (slot == queries_.end()) return not_found(from);
    QueryNameCheck check = check_query_name(to);
    if (!check.error.empty()) return check.error;
    auto clash = find_slot(check.name);
    if (clash != queries_.end() && clash != slot)
        return "a saved query named " + quoted(clash->name) + " already exists; choose another name";
    NamedQuery renamed{std::move(check.name), std::move(slot->filter)};
    queries_.erase(slot);
    insert_sorted(std::move(renamed));
    return {};
}

std::string SavedQueries::remove(std::string_view name) {
    auto slot = find_slot(trim(name));
    if (slot == queries_.end()) return not_found(name);
    queries_.erase(slot);
    return {};
}

const ActivityFilter* SavedQueries::find(std::string_view name) const {
    auto slot = find_slot(trim(name));
    return slot == queries_.end() ? nullptr : &slot->filter;
}

std::string SavedQueries::to_json() const {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("version");
    w.Int(kFormatVersion);
    w.Key("queries");
    w.StartArray();
    for (const NamedQuery& query : queries_) {
        w.StartObject();
        w.Key("name");
        w.String(query.name.data(), static_cast<rapidjson::SizeType>(query.name.size()));
        w.Key("filter");
        std::string filter = filter_to_json(query.filter);
        w.RawValue(filter.data(), filter.size(), rapidjson::kObjectType);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

SavedQueriesLoad SavedQueries::from_json(std::string_view json) {
    SavedQueriesLoad load;
    StoredList stored = read_stored_list(json, "saved queries", "queries", kFormatVersion, kMaxJsonDepth);
    load.error = std::move(stored.error);
    if (!stored.items()) return load;
    const rapidjson::Value& entries = *stored.items();
    for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
        const rapidjson::Value& entry = entries[i];
        std::string where = "saved query " + std::to_string(i + 1);
        if (!entry.IsObject() || !entry.HasMember("name") || !entry["name"].IsString() || !entry.HasMember("filter")) {
            load.error = append_error(load.error, where + " skipped: expected {\"name\": ..., \"filter\": ...}");
            continue;
        }
        std::string_view name(entry["name"].GetString(), entry["name"].GetStringLength());
        where = "saved query " + quoted(name);
        FilterParseResult filter = parse_filter_json(compact_json(entry["filter"]));
        std::string error = filter.filter ? load.queries.save_as(name, *filter.filter) : filter.error;
        if (!error.empty()) load.error = append_error(load.error, where + " skipped: " + error);
    }
    return load;
}

} // namespace sightline
