#include "filter/filter_url.h"

#include "filter/filter_json.h"
#include "model/canonical_fields.h"

#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/stringbuffer.h>

#include <array>

namespace sightline {
namespace {

// Browsers and servers handle URLs of a few kilobytes everywhere; a real filter needs far less,
// and the cap bounds the work (and JSON nesting) a tampered link can ask for.
constexpr size_t kMaxFragmentBytes = 8192;

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Each byte's value in kAlphabet, or -1.
const std::array<int, 256>& alphabet_values() {
    static const std::array<int, 256> values = [] {
        std::array<int, 256> v;
        v.fill(-1);
        for (size_t i = 0; i < kAlphabet.size(); ++i) v[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int>(i);
        return v;
    }();
    return values;
}

bool valid_utf8(std::string_view text) {
    rapidjson::MemoryStream in(text.data(), text.size());
    rapidjson::StringBuffer sink;
    while (in.Tell() < text.size())
        if (!rapidjson::UTF8<>::Validate(in, sink)) return false;
    return true;
}

std::string encode_sort(const std::vector<SortKey>& sort) {
    std::string out;
    for (const SortKey& key : sort) {
        if (!out.empty()) out += ',';
        if (key.descending) out += '-';
        out += key.field;
    }
    return out;
}

std::string decode_sort(std::string_view text, std::vector<SortKey>& out) {
    while (!text.empty()) {
        size_t comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        SortKey key;
        key.descending = item.starts_with('-');
        key.field = item.substr(key.descending ? 1 : 0);
        auto field = find_field(key.field);
        if (!field || field->kind == FieldKind::List)
            return "the link's sort names a field that cannot be sorted: \"" + key.field + "\"";
        out.push_back(std::move(key));
    }
    return {};
}

std::string decode_filter(std::string_view encoded, ActivityFilter& out) {
    std::optional<std::string> json = base64url_decode(encoded);
    if (!json) return "the link's filter is damaged (not base64url); was the address cut short?";
    if (!valid_utf8(*json)) return "the link's filter is damaged (not UTF-8 text)";
    FilterParseResult parsed = parse_filter_json(*json);
    if (!parsed.filter) return "the link's filter is not valid: " + parsed.error;
    out = std::move(*parsed.filter);
    return {};
}

} // namespace

std::string base64url_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    uint32_t bits = 0;
    int bit_count = 0;
    for (unsigned char byte : bytes) {
        bits = (bits << 8) | byte;
        bit_count += 8;
        while (bit_count >= 6) {
            bit_count -= 6;
            out += kAlphabet[(bits >> bit_count) & 63];
        }
    }
    if (bit_count > 0) out += kAlphabet[(bits << (6 - bit_count)) & 63];
    return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
    while (text.ends_with('=')) text.remove_suffix(1);
    if (text.size() % 4 == 1) return std::nullopt;  // no byte count leaves a single character
    std::string out;
    out.reserve(text.size() * 3 / 4);
    uint32_t bits = 0;
    int bit_count = 0;
    for (char c : text) {
        int value = alphabet_values()[static_cast<unsigned char>(c)];
        if (value < 0) return std::nullopt;
        bits = (bits << 6) | static_cast<uint32_t>(value);
        bit_count += 6;
        if (bit_count >= 8) {
            bit_count -= 8;
            out += static_cast<char>((bits >> bit_count) & 0xFF);
        }
    }
    // Leftover bits must be zero, as an encoder writes them; anything else was altered.
    if ((bits & ((1u << bit_count) - 1)) != 0) return std::nullopt;
    return out;
}

std::string encode_filter_fragment(const ActivityFilter& filter, const std::vector<SortKey>& sort) {
    std::string out;
    if (!filter.empty()) out += "f=" + base64url_encode(filter_to_json(filter));
    if (!is_default_sort(sort)) out += (out.empty() ? "s=" : "&s=") + encode_sort(sort);
    return out.empty() ? out : "#" + out;
}

FilterUrlDecode decode_filter_fragment(std::string_view fragment) {
    FilterUrlDecode result;
    if (fragment.starts_with('#')) fragment.remove_prefix(1);
    if (fragment.size() > kMaxFragmentBytes) {
        result.error = "the link's filter is too long (over " + std::to_string(kMaxFragmentBytes) + " characters)";
        return result;
    }
    FilterUrlState state;
    bool found = false;
    while (!fragment.empty() && result.error.empty()) {
        size_t amp = fragment.find('&');
        std::string_view part = fragment.substr(0, amp);
        fragment = amp == std::string_view::npos ? std::string_view{} : fragment.substr(amp + 1);
        if (part.starts_with("f=")) {
            result.error = decode_filter(part.substr(2), state.filter);
            found = true;
        } else if (part.starts_with("s=")) {
            state.sort.clear();
            result.error = decode_sort(part.substr(2), state.sort);
            found = true;
        }
    }
    if (found && result.error.empty()) result.state = std::move(state);
    return result;
}

} // namespace sightline
