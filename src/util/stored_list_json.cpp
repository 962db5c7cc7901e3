#include "util/stored_list_json.h"

#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

namespace sightline {
namespace {

// Deepest [ / { nesting outside strings; a scan, since parsing is what must not happen first.
int json_depth(std::string_view json) {
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (size_t i = 0; i < json.size(); ++i) {
        char c = json[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

} // namespace

StoredList read_stored_list(std::string_view json, std::string_view what, const char* list_key, int format_version,
                            int max_depth) {
    StoredList out;
    if (json.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) return out; // nothing stored yet
    const std::string name(what);
    if (max_depth > 0 && json_depth(json) > max_depth) {
        out.error = name + " could not be read: nested more than " + std::to_string(max_depth) + " levels deep";
        return out;
    }
    rapidjson::Document& doc = out.document;
    doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
    if (doc.HasParseError()) {
        out.error = name + " could not be read (invalid JSON at offset " + std::to_string(doc.GetErrorOffset()) + ": " +
                    rapidjson::GetParseError_En(doc.GetParseError()) + ")";
        return out;
    }
    if (!doc.IsObject() || !doc.HasMember(list_key) || !doc[list_key].IsArray()) {
        out.error = name + " could not be read: expected {\"version\": " + std::to_string(format_version) + ", \"" +
                    list_key + "\": [...]}";
        return out;
    }
    if (doc.HasMember("version") && (!doc["version"].IsInt() || doc["version"].GetInt() > format_version)) {
        out.error = name + " were written by a newer Sightline and could not be read";
        return out;
    }
    out.list_key = list_key;
    out.read = true;
    return out;
}

std::string append_error(std::string errors, const std::string& error) {
    return errors.empty() ? error : errors + "; " + error;
}

std::string compact_json(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

} // namespace sightline
