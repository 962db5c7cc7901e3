// Tests of the filter in the URL fragment: round trips of filter and sort, a clean address for
// the default view, base64url edge cases, and tampered or cut-short links that must come back
// as errors (never a crash, never an unchecked filter).
#include "filter/filter_json.h"
#include "filter/filter_url.h"

#include <doctest/doctest.h>

#include <cctype>
#include <string>
#include <vector>

using namespace sightline;

namespace {

ActivityFilter filter(const char* json) { return parse_filter_json(json).filter.value(); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool url_safe(const std::string& text) {
    for (char c : text)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '#' || c == '=' ||
              c == '&' || c == ','))
            return false;
    return true;
}

const char* const kComplex = R"({"all":[{"field":"activity_type","op":"eq","values":["Log on","Failed log on"]},
    {"any":[{"field":"country","op":"neq","values":["US"]},{"field":"ip","op":"in_cidr","values":["10.0.0.0/8"]}]},
    {"field":"user_agent","op":"contains","values":["\"python-requests\" curl"]},
    {"op":"text","values":["ünïcödé & #hash ?query=1"]}]})";

} // namespace

TEST_CASE("base64url encodes and decodes every length and byte") {
    CHECK(base64url_encode("") == "");
    CHECK(base64url_encode("f") == "Zg");
    CHECK(base64url_encode("fo") == "Zm8");
    CHECK(base64url_encode("foo") == "Zm9v");
    CHECK(base64url_encode("foob") == "Zm9vYg");
    CHECK(base64url_encode("\xfb\xff") == "-_8");  // the URL-safe letters, not + and /
    std::string all_bytes;
    for (int i = 0; i < 256; ++i) all_bytes += static_cast<char>(i);
    for (size_t n = 0; n <= all_bytes.size(); n += 37) {
        std::string bytes = all_bytes.substr(0, n);
        CHECK(base64url_decode(base64url_encode(bytes)) == bytes);
    }
    CHECK(base64url_decode("Zm8=") == std::optional<std::string>("fo"));  // padding tolerated
    CHECK_FALSE(base64url_decode("Zm9v+g"));   // standard base64 letters are not ours
    CHECK_FALSE(base64url_decode("Zm9 v"));
    CHECK_FALSE(base64url_decode("Z"));        // one character cannot be a byte
    CHECK_FALSE(base64url_decode("Zh"));       // leftover bits set: altered
}

TEST_CASE("filter and sort round-trip through the fragment") {
    ActivityFilter f = filter(kComplex);
    std::vector<SortKey> sort = {{"user", false}, {"time", true}};
    std::string fragment = encode_filter_fragment(f, sort);
    CHECK(fragment.starts_with("#f="));
    CHECK(fragment.ends_with("&s=user,-time"));
    CHECK(url_safe(fragment));
    FilterUrlDecode decoded = decode_filter_fragment(fragment);
    REQUIRE(decoded.state);
    CHECK(decoded.error == "");
    CHECK(filter_to_json(decoded.state->filter) == filter_to_json(f));
    REQUIRE(decoded.state->sort.size() == 2);
    CHECK(decoded.state->sort[0].field == "user");
    CHECK_FALSE(decoded.state->sort[0].descending);
    CHECK(decoded.state->sort[1].descending);
    SUBCASE("without the leading #, as location.hash.slice(1) gives it") {
        CHECK(decode_filter_fragment(fragment.substr(1)).state.has_value());
    }
    SUBCASE("the fragment is short: base64 of the compact JSON, nothing more") {
        CHECK(fragment.size() < filter_to_json(f).size() * 4 / 3 + 20);
    }
}

TEST_CASE("the default view leaves the address clean, and a clean address applies nothing") {
    CHECK(encode_filter_fragment(ActivityFilter{}) == "");
    CHECK(encode_filter_fragment(ActivityFilter{}, default_sort()) == "");
    CHECK(encode_filter_fragment(ActivityFilter{}, {{"user", true}}) == "#s=-user");
    std::string logons = encode_filter_fragment(filter(R"({"all":[{"field":"activity_type","op":"eq","values":["Log on"]}]})"),
                                                default_sort());
    CHECK(logons.find("&s=") == std::string::npos);

    for (const char* empty : {"", "#", "#other=1", "tab=policies"}) {
        CAPTURE(empty);
        FilterUrlDecode d = decode_filter_fragment(empty);
        CHECK_FALSE(d.state);
        CHECK(d.error == "");
    }
    FilterUrlDecode sort_only = decode_filter_fragment("#s=-user");
    REQUIRE(sort_only.state);
    CHECK(sort_only.state->filter.empty());
    CHECK(sort_only.state->sort.size() == 1);
    FilterUrlDecode with_others = decode_filter_fragment("#tab=x&" + logons.substr(1) + "&zoom=2");
    CHECK(with_others.state.has_value());
}

TEST_CASE("tampered or cut-short links are errors, never crashes") {
    std::string good = encode_filter_fragment(filter(kComplex));
    CHECK(contains(decode_filter_fragment(good.substr(0, good.size() - 1)).error, "the link's filter"));
    CHECK(contains(decode_filter_fragment(good.substr(0, good.size() / 2)).error, "the link's filter"));
    CHECK(contains(decode_filter_fragment("#f=%7B%22all%22").error, "not base64url"));
    CHECK(contains(decode_filter_fragment("#f=" + base64url_encode("{\"all\":[")).error, "not valid: invalid JSON"));
    CHECK(contains(decode_filter_fragment("#f=" + base64url_encode(R"({"all":[{"field":"usr","op":"eq","values":["x"]}]})")).error,
                   "not valid: all[0]: unknown field \"usr\""));
    CHECK(contains(decode_filter_fragment("#f=" + base64url_encode("{\"all\":[{\"op\":\"text\",\"values\":[\"\xff\"]}]}")).error,
                   "not UTF-8"));
    CHECK(contains(decode_filter_fragment("#s=-objects").error, "cannot be sorted: \"objects\""));
    CHECK(contains(decode_filter_fragment("#s=nope").error, "cannot be sorted"));
    CHECK(contains(decode_filter_fragment("#s=-").error, "cannot be sorted"));
    CHECK(contains(decode_filter_fragment("#f=" + std::string(9000, 'A')).error, "too long"));
    SUBCASE("deep nesting within the length cap is refused by the filter checks") {
        std::string deep;
        for (int i = 0; i < 2000; ++i) deep += "{\"any\":[";
        for (int i = 0; i < 2000; ++i) deep += "]}";
        FilterUrlDecode d = decode_filter_fragment("#f=" + base64url_encode(deep).substr(0, 8000));
        CHECK_FALSE(d.state);
        CHECK(d.error != "");
    }
    SUBCASE("every single-character change is either refused or still a valid filter") {
        const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (size_t i = 3; i < good.size(); i += 7) {
            std::string changed = good;
            changed[i] = alphabet[(alphabet.find(changed[i]) + 1) % alphabet.size()];
            FilterUrlDecode d = decode_filter_fragment(changed);
            CHECK((d.state.has_value() != !d.error.empty()));
            if (d.state) CHECK(parse_filter_json(filter_to_json(d.state->filter)).filter.has_value());
        }
    }
}

TEST_CASE("time of day and the user role travel in the fragment; bad ones are refused") {
    ActivityFilter f = filter(R"({"all":[{"field":"time","op":"time_of_day","values":["22:00","06:00:30"]},
        {"field":"user","as":"any","op":"eq","values":["x@y.example"]}]})");
    FilterUrlDecode decoded = decode_filter_fragment(encode_filter_fragment(f));
    REQUIRE(decoded.state);
    CHECK(filter_to_json(decoded.state->filter) == filter_to_json(f));
    CHECK(decoded.state->filter.root.children[1].condition.role == UserRole::Any);
    CHECK(contains(decode_filter_fragment("#f=" + base64url_encode(
                       R"({"all":[{"field":"time","op":"time_of_day","values":["24:00","06:00"]}]})")).error,
                   "not valid: all[0].values[0]: not a time of day"));
    CHECK(contains(decode_filter_fragment("#f=" + base64url_encode(
                       R"({"all":[{"field":"app","as":"object","op":"eq","values":["x"]}]})")).error,
                   "not valid: all[0].as: a role applies only to field \"user\""));
}
