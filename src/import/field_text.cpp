#include "import/field_text.h"

#include "text/word_match.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>

namespace sightline {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool istarts_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

std::string header_key(std::string_view header) {
    std::string key;
    for (char c : header)
        if (std::isalnum(static_cast<unsigned char>(c))) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key;
}

std::optional<bool> parse_flag(std::string_view text) {
    text = trim(text);
    if (iequals(text, "true") || iequals(text, "yes") || text == "1") return true;
    if (iequals(text, "false") || iequals(text, "no") || text == "0") return false;
    return std::nullopt;
}

std::vector<std::string> split_list(std::string_view text, bool also_commas) {
    std::vector<std::string> out;
    text = trim(text);
    if (text.empty()) return out;
    if (text.front() == '[') {
        rapidjson::Document doc;
        doc.Parse(text.data(), text.size());
        if (!doc.HasParseError() && doc.IsArray()) {
            for (const auto& v : doc.GetArray()) {
                if (v.IsString()) append_unique(out, trim(std::string_view(v.GetString(), v.GetStringLength())));
                else if (v.IsInt64()) append_unique(out, std::to_string(v.GetInt64()));
                else if (v.IsObject() && v.HasMember("name") && v["name"].IsString()) append_unique(out, v["name"].GetString());
            }
            return out;
        }
    }
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ';' || (also_commas && text[i] == ',')) {
            append_unique(out, trim(text.substr(start, i - start)));
            start = i + 1;
        }
    }
    return out;
}

std::string join_list(const std::vector<std::string>& values) {
    const bool as_json = (!values.empty() && !values.front().empty() && values.front().front() == '[') ||
                         std::any_of(values.begin(), values.end(),
                                     [](const std::string& v) { return v.find(';') != std::string::npos; });
    if (as_json) {
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
        w.StartArray();
        for (const std::string& v : values) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
        w.EndArray();
        return std::string(buffer.GetString(), buffer.GetSize());
    }
    std::string out;
    for (const std::string& v : values) {
        if (!out.empty()) out += "; ";
        out += v;
    }
    return out;
}

void append_unique(std::vector<std::string>& list, std::string_view value) {
    if (value.empty()) return;
    if (std::find(list.begin(), list.end(), value) == list.end()) list.emplace_back(value);
}

std::string domain_of_user(std::string_view user) {
    const size_t at = user.rfind('@');
    if (at == std::string_view::npos || at + 1 >= user.size()) return {};
    return lower_ascii(trim(user.substr(at + 1)));
}

} // namespace sightline
