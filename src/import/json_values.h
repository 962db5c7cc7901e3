// Reading fields out of parsed JSON records (rapidjson): dotted paths, any scalar as text,
// nested values as compact JSON text, and a record's top-level keys seen as table columns.
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// The member at a dotted path ("user.userName"), or nullptr.
const rapidjson::Value* json_member(const rapidjson::Value& value, std::string_view path);

// A scalar as text (strings as they are, numbers and booleans written out, null as "");
// arrays and objects as compact JSON.
std::string json_value_text(const rapidjson::Value& value);

// json_value_text of the member at `path`, "" when absent.
std::string json_text(const rapidjson::Value& record, std::string_view path);

// A string member's text without copying, "" when absent or not a string.
std::string_view json_string(const rapidjson::Value& record, std::string_view path);

// The items of an array member as texts (objects give their "name", else their JSON).
std::vector<std::string> json_text_list(const rapidjson::Value& record, std::string_view path);

// Top-level keys of an object, in order.
std::vector<std::string> json_object_keys(const rapidjson::Value& object);

} // namespace sightline
