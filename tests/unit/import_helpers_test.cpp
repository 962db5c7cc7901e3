// The importers' small helpers: timestamps, the activity type table, locations, text decoding.
#include <doctest/doctest.h>

#include "import/activity_completion.h"
#include "import/activity_type_map.h"
#include "import/location_text.h"
#include "import/text_decoder.h"
#include "import/timestamp_parsing.h"
#include "util/time_format.h"

using namespace sightline;

TEST_CASE("Import timestamps: ISO, US locale, month names, epoch") {
    const int64_t t = *parse_iso8601("2023-09-20T04:05:03Z");
    CHECK(parse_timestamp("2023-09-20T04:05:03.0000000Z") == t);
    CHECK(parse_timestamp("2023-09-20T04:05:03") == t);
    CHECK(parse_timestamp("9/20/2023 4:05:03 AM") == t);
    CHECK(parse_timestamp("9/20/2023 4:05:03 PM") == t + 12 * 3600000);
    CHECK(parse_timestamp("9/20/2023, 4:05:03.250 AM") == t + 250);
    CHECK(parse_timestamp("9/20/2023 12:05:03 AM") == t - 4 * 3600000);
    CHECK(parse_timestamp("Sep 20, 2023 4:05:03 AM") == t);
    CHECK(parse_timestamp("20.09.2023 04:05:03") == t);
    CHECK(parse_timestamp("1695182703000") == t);
    CHECK(parse_timestamp("1695182703") == t);
    CHECK_FALSE(parse_timestamp("not a date"));
    CHECK_FALSE(parse_timestamp("13/13/2023"));
}

TEST_CASE("Import activity types come from one table") {
    CHECK(activity_type_for_operation("FileDownloaded") == "Download file");
    CHECK(activity_type_for_operation("EVENT_CATEGORY_FAILED_LOGIN") == "Failed log on");
    CHECK(activity_type_for_operation("Add member to role.") == "Add member to role");
    CHECK(activity_type_for_operation("new-inboxrule") == "Create inbox rule");
    CHECK(activity_type_for_operation("Log on") == "Log on");
    CHECK(activity_type_for_operation("SomethingElse").empty());
    CHECK(activity_type_from_description("Failed log on (Failure message: x)") == "Failed log on");
    CHECK(activity_type_from_description("Log onward").empty());
}

TEST_CASE("Import locations become city and alpha-2 country") {
    CHECK(parse_location_text("Seattle, Washington, US").country == "US");
    CHECK(parse_location_text("Seattle, Washington, US").city == "Seattle");
    CHECK(parse_location_text("fr").country == "FR");
    CHECK(parse_location_text("United Kingdom").country == "GB");
}

TEST_CASE("Import text decoder: sequences cut by chunks, invalid bytes, UTF-16 surrogates") {
    const std::string text = "a\xE2\x82\xAC" "b\xF0\x9F\x98\x80" "c";
    std::string out;
    TextDecoder utf8(TextEncoding::Utf8);
    for (char c : text) out += utf8.decode(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(&c), 1));
    out += utf8.finish();
    CHECK(out == text);
    CHECK_FALSE(utf8.saw_invalid());

    TextDecoder bad(TextEncoding::Utf8);
    const std::string broken = "ok\n\xC3(\xE2\x82";
    std::string fixed(bad.decode(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(broken.data()), broken.size())));
    fixed += bad.finish();
    CHECK(fixed == "ok\n\xEF\xBF\xBD(\xEF\xBF\xBD");
    CHECK(bad.first_invalid_offset() == 3);
    CHECK(bad.first_invalid_line() == 2);

    const uint8_t utf16[] = {'A', 0, 0x3D, 0xD8, 0x00, 0xDE, 0x00, 0xDC}; // A, U+1F600, lone low surrogate
    TextDecoder wide(TextEncoding::Utf16LE);
    std::string decoded;
    for (uint8_t b : utf16) decoded += wide.decode(std::span<const uint8_t>(&b, 1));
    decoded += wide.finish();
    CHECK(decoded == "A\xF0\x9F\x98\x80\xEF\xBF\xBD");
    CHECK(wide.saw_invalid());
}

// Found by UBSan: the hash copied a record's last bytes with memcpy even when there were none,
// from a null pointer for an empty view (undefined behaviour even for 0 bytes).
TEST_CASE("Import stable record id: an empty record, null view or not, hashes without reading") {
    const std::string empty;
    const std::string id = stable_record_id(std::string_view());
    CHECK(id == stable_record_id(empty));
    CHECK(id.size() == 18);
    CHECK(id.rfind("h-", 0) == 0);
    // The tail is read only as far as the record goes: a view into a longer buffer hashes its own bytes.
    const std::string longer = "abcXYZ";
    CHECK(stable_record_id(std::string_view(longer.data(), 3)) == stable_record_id("abc"));
    CHECK(stable_record_id("abc") != id);
}
