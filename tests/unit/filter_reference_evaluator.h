// An independent, deliberately plain evaluator of ActivityFilter over Activity structs, used
// by the tests as the oracle for compile_filter_to_sql. It shares no matching code with
// src/filter (no word_match.h, no parse_cidr) so a bug there cannot hide in both places.
#pragma once

#include "filter/activity_filter.h"
#include "model/activity.h"
#include "util/ip_address.h"
#include "util/time_format.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sightline::reference {

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
}

inline bool is_letter_or_digit(char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80;
}

// Lower-cased words of text, split on everything that is not a letter or digit.
inline std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (char c : text) {
        if (is_letter_or_digit(c)) {
            current += c;
        } else if (!current.empty()) {
            words.push_back(lower(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(lower(current));
    return words;
}

// A contains value as a character-by-character state machine: inside quotes builds a phrase.
inline bool contains_value_matches(std::string_view text, std::string_view value) {
    std::vector<std::string> text_words = words_of(text);
    std::string lowered_text = lower(text);
    std::string outside, phrase;
    bool quoted = false;
    bool matched = false;
    auto finish_phrase = [&] {
        if (!phrase.empty() && lowered_text.find(lower(phrase)) != std::string::npos) matched = true;
        phrase.clear();
    };
    for (char c : value) {
        if (c == '"') {
            if (quoted) finish_phrase();
            else outside += ' ';
            quoted = !quoted;
        } else if (quoted) {
            phrase += c;
        } else {
            outside += c;
        }
    }
    if (quoted) finish_phrase();
    for (const std::string& w : words_of(outside))
        for (const std::string& t : text_words)
            if (w == t) matched = true;
    return matched;
}

inline const std::string* text_field(const Activity& a, std::string_view f) {
    const std::pair<std::string_view, const std::string*> table[] = {
        {"id", &a.id}, {"app", &a.app}, {"activity_type", &a.activity_type}, {"action_type", &a.action_type},
        {"description", &a.description}, {"user", &a.user}, {"user_domain", &a.user_domain}, {"ip", &a.ip},
        {"ip_category", &a.ip_category}, {"country", &a.country}, {"city", &a.city}, {"isp", &a.isp},
        {"user_agent", &a.user_agent}, {"device_type", &a.device_type}, {"browser", &a.browser}, {"os", &a.os},
        {"result", &a.result}, {"source", &a.source}, {"file", &a.file}};
    for (const auto& [name, value] : table)
        if (name == f) return value;
    return nullptr;
}

inline const std::vector<std::string>* list_field(const Activity& a, std::string_view f) {
    if (f == "ip_tags") return &a.ip_tags;
    if (f == "ua_tags") return &a.ua_tags;
    if (f == "objects") return &a.objects;
    if (f == "matched_policies") return &a.matched_policies;
    return nullptr;
}

inline int64_t time_value(const std::string& v) {
    bool digits = !v.empty();
    for (size_t i = 0; i < v.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(v[i])) && !(i == 0 && v[i] == '-')) digits = false;
    return digits ? std::stoll(v) : *parse_iso8601(v);
}

// Compares the first prefix bits of ip with the network address of cidr.
inline bool in_cidr(const std::string& ip, const std::string& cidr) {
    auto address = parse_ip(ip);
    if (!address) return false;
    size_t slash = cidr.find('/');
    std::string network_text = cidr.substr(0, slash);
    auto network = parse_ip(network_text);
    bool v4 = network_text.find(':') == std::string::npos;
    int bits = slash == std::string::npos ? (v4 ? 32 : 128) : std::stoi(cidr.substr(slash + 1));
    if (v4) bits += 96;
    for (int bit = 0; bit < bits; ++bit) {
        int mask = 0x80 >> (bit % 8);
        if (((*address)[bit / 8] & mask) != ((*network)[bit / 8] & mask)) return false;
    }
    return true;
}

// One value test of a text-like operator against one string.
inline bool value_test(FilterOp op, std::string_view field, const std::string& text, const std::string& value) {
    switch (op) {
    case FilterOp::Eq: case FilterOp::Neq:
        if (field == "user" || field == "user_domain" || field == "ip") return lower(text) == lower(value);
        return text == value;
    case FilterOp::Contains: case FilterOp::NotContains:
        return contains_value_matches(text, value);
    case FilterOp::StartsWith: case FilterOp::NotStartsWith:
        return lower(text).rfind(lower(value), 0) == 0;
    default:  // EndsWith
        return text.size() >= value.size() && lower(text).substr(text.size() - value.size()) == lower(value);
    }
}

inline bool any_value(FilterOp op, std::string_view field, const std::string& text,
                      const std::vector<std::string>& values) {
    for (const std::string& v : values)
        if (value_test(op, field, text, v)) return true;
    return false;
}

inline bool free_text(const Activity& a, const std::vector<std::string>& values) {
    std::vector<std::string> haystack = {a.id, a.app, a.activity_type, a.action_type, a.description, a.user,
                                         a.user_domain, a.ip, a.ip_category, a.country, a.city, a.isp,
                                         a.user_agent, a.device_type, a.browser, a.os, a.result, a.source,
                                         a.file, a.raw};
    for (const auto* list : {&a.ip_tags, &a.ua_tags, &a.objects, &a.matched_policies})
        haystack.insert(haystack.end(), list->begin(), list->end());
    for (const std::string& v : values)
        for (const std::string& h : haystack)
            if (lower(h).find(lower(v)) != std::string::npos) return true;
    return false;
}

// time_of_day by text: the activity's "HH:MM:SS.mmm" from its ISO form against the bounds
// padded to the same width, so fixed-width string order is time order (no modulo arithmetic).
inline bool time_of_day_matches(int64_t time_ms, const std::vector<std::string>& v) {
    std::string clock = format_iso8601_utc(time_ms).substr(11, 12);
    auto padded = [](const std::string& bound) { return bound + (bound.size() == 5 ? ":00.000" : ".000"); };
    std::string from = padded(v[0]), to = padded(v[1]);
    if (from < to) return clock >= from && clock < to;
    return clock >= from || clock < to;
}

inline bool is_negative(FilterOp op) {
    return op == FilterOp::Neq || op == FilterOp::NotContains || op == FilterOp::NotStartsWith;
}

// "as" object / any, spelled out per activity: does the actor match, does some object match
// (both without case, as for user), then combine by the operator's sign.
inline bool user_role_matches(const FilterCondition& c, const Activity& a) {
    // An empty user never counts against a negative, as for every negative operator.
    bool actor = (!is_negative(c.op) || !a.user.empty()) && any_value(c.op, "user", a.user, c.values);
    bool object = false;
    for (const std::string& o : a.objects) object = object || any_value(c.op, "user", o, c.values);
    bool hit = c.role == UserRole::Object ? object : (actor || object);
    return is_negative(c.op) ? !hit : hit;
}

inline bool condition_matches(const FilterCondition& c, const Activity& a, std::optional<int64_t> newest) {
    const std::vector<std::string>& v = c.values;
    switch (c.op) {
    case FilterOp::Text: return free_text(a, v);
    case FilterOp::Before: return a.time_ms < time_value(v[0]);
    case FilterOp::After: return a.time_ms > time_value(v[0]);
    case FilterOp::Between: {
        int64_t x = time_value(v[0]), y = time_value(v[1]);
        return a.time_ms >= std::min(x, y) && a.time_ms <= std::max(x, y);
    }
    case FilterOp::LastDays: return newest && a.time_ms >= *newest - std::stoll(v[0]) * 86400000;
    case FilterOp::TimeOfDay: return time_of_day_matches(a.time_ms, v);
    case FilterOp::InCidr: case FilterOp::NotInCidr: {
        bool inside = false;
        for (const std::string& cidr : v) inside = inside || in_cidr(a.ip, cidr);
        return c.op == FilterOp::InCidr ? inside : !inside;
    }
    default: break;
    }
    if (c.field == "admin" || c.field == "impersonated") {
        bool value = c.field == "admin" ? a.admin : a.impersonated;
        if (c.op == FilterOp::IsTrue) return value;
        if (c.op == FilterOp::IsFalse) return !value;
        bool listed = false;
        for (const std::string& s : v) listed = listed || (lower(s) == "true") == value;
        return c.op == FilterOp::Eq ? listed : !listed;
    }
    if (c.field == "time") return c.op == FilterOp::IsSet;
    if (const std::vector<std::string>* list = list_field(a, c.field)) {
        if (c.op == FilterOp::IsSet) return !list->empty();
        if (c.op == FilterOp::IsNotSet) return list->empty();
        bool some = false;
        for (const std::string& element : *list) some = some || any_value(c.op, c.field, element, v);
        return is_negative(c.op) ? !some : some;
    }
    if (c.field == "user" && c.role != UserRole::Actor) return user_role_matches(c, a);
    const std::string& text = *text_field(a, c.field);
    if (c.op == FilterOp::IsSet) return !text.empty();
    if (c.op == FilterOp::IsNotSet) return text.empty();
    if (is_negative(c.op)) return text.empty() || !any_value(c.op, c.field, text, v);
    return any_value(c.op, c.field, text, v);
}

inline bool node_matches(const FilterNode& n, const Activity& a, std::optional<int64_t> newest) {
    if (n.kind == FilterNode::Kind::Condition) return condition_matches(n.condition, a, newest);
    bool all = n.kind == FilterNode::Kind::All;
    for (const FilterNode& child : n.children)
        if (node_matches(child, a, newest) != all) return !all;
    return all;
}

} // namespace sightline::reference
