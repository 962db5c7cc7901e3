// The form the analyst's settings take in the browser's storage, {"version": N, "<list>": [...]}
// (saved queries, remembered column mappings), read back with messages that say which setting
// could not be read and why. Each reader then checks its own entries.
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>

namespace sightline {

struct StoredList {
    rapidjson::Document document;
    const char* list_key = "";
    bool read = false; // false for blank text or an error
    std::string error;
    // The list; nullptr when nothing was read. (Looked up, not kept: a pointer into the document
    // would not survive moving it.)
    const rapidjson::Value* items() const { return read ? &document[list_key] : nullptr; }
};

// `what` names the setting in messages ("saved queries"), `list_key` is the list's member.
// Blank text is "nothing stored yet": no items and no error. A positive `max_depth` refuses
// deeper nesting before parsing (rapidjson frees and writes values recursively).
StoredList read_stored_list(std::string_view json, std::string_view what, const char* list_key, int format_version,
                            int max_depth = 0);

// A value as compact JSON text (a stored entry handed on to its own reader).
std::string compact_json(const rapidjson::Value& value);

// "first; second": the problems found while reading entries, in order.
std::string append_error(std::string errors, const std::string& error);

} // namespace sightline
