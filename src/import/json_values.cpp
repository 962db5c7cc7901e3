#include "import/json_values.h"

#include "import/field_text.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace sightline {

const rapidjson::Value* json_member(const rapidjson::Value& value, std::string_view path) {
    const rapidjson::Value* current = &value;
    while (!path.empty()) {
        const size_t dot = path.find('.');
        const std::string_view key = path.substr(0, dot);
        if (!current->IsObject()) return nullptr;
        auto it = current->FindMember(rapidjson::Value(rapidjson::StringRef(key.data(), key.size())));
        if (it == current->MemberEnd()) return nullptr;
        current = &it->value;
        path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    }
    return current;
}

std::string json_value_text(const rapidjson::Value& value) {
    if (value.IsString()) return std::string(value.GetString(), value.GetStringLength());
    if (value.IsNull()) return {};
    if (value.IsBool()) return value.GetBool() ? "true" : "false";
    if (value.IsInt64()) return std::to_string(value.GetInt64());
    if (value.IsUint64()) return std::to_string(value.GetUint64());
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
}

std::string json_text(const rapidjson::Value& record, std::string_view path) {
    const rapidjson::Value* v = json_member(record, path);
    return v ? json_value_text(*v) : std::string{};
}

std::string_view json_string(const rapidjson::Value& record, std::string_view path) {
    const rapidjson::Value* v = json_member(record, path);
    if (!v || !v->IsString()) return {};
    return trim(std::string_view(v->GetString(), v->GetStringLength()));
}

std::vector<std::string> json_text_list(const rapidjson::Value& record, std::string_view path) {
    std::vector<std::string> out;
    const rapidjson::Value* v = json_member(record, path);
    if (!v) return out;
    if (v->IsString()) return split_list(std::string_view(v->GetString(), v->GetStringLength()));
    if (!v->IsArray()) return out;
    for (const rapidjson::Value& item : v->GetArray()) {
        if (item.IsObject()) {
            const std::string_view name = json_string(item, "name");
            append_unique(out, name.empty() ? json_value_text(item) : std::string(name));
        } else {
            append_unique(out, json_value_text(item));
        }
    }
    return out;
}

std::vector<std::string> json_object_keys(const rapidjson::Value& object) {
    std::vector<std::string> keys;
    if (!object.IsObject()) return keys;
    for (const auto& m : object.GetObject()) keys.emplace_back(m.name.GetString(), m.name.GetStringLength());
    return keys;
}

} // namespace sightline
