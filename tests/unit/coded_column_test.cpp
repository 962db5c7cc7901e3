// A coded column gives up on a field with too many distinct values, and the column path then
// leaves that field to SQL: its filters are not answered, and free text asks the search for it.
#include "filter/filter_json.h"
#include "query/column_filter.h"
#include "store/activity_columns.h"

#include <doctest/doctest.h>

#include <string>

using namespace sightline;

TEST_CASE("CodedColumn codes values and gives up past its limit of distinct values") {
    CodedColumn column(3);
    for (const char* v : {"a", "b", "a", "c", "c"}) column.append(v);
    CHECK(column.size() == 5);
    CHECK(column.values().size() == 3);
    CHECK(column.code_at(2) == column.code_at(0));
    CHECK_FALSE(column.abandoned());
    column.append("a"); // known values still fit
    CHECK_FALSE(column.abandoned());
    column.append("d"); // a fourth distinct value
    CHECK(column.abandoned());
    CHECK(column.size() == 0);
    CHECK(column.values().empty());
    column.clear();
    CHECK_FALSE(column.abandoned());
}

// (Built with +=: GCC 12 warns falsely about "v" + std::to_string(i), its bug 105651.)
namespace {
std::string value_name(size_t i) {
    std::string v = "v";
    v += std::to_string(i);
    return v;
}
} // namespace

TEST_CASE("CodedColumn keeps every code across the switch to wide codes, reserved or not") {
    for (size_t reserved : {size_t{0}, size_t{10}, size_t{70000}, size_t{200000}}) {
        INFO("reserved " << reserved);
        CodedColumn column;
        column.reserve(reserved);
        const size_t rows = 70000; // more distinct values than 16-bit codes hold
        for (size_t i = 0; i < rows; ++i) column.append(value_name(i % 66000));
        REQUIRE(column.size() == rows);
        CHECK(column.values().size() == 66000);
        bool all_right = true;
        for (size_t i = 0; i < rows; ++i) all_right &= column.values()[column.code_at(i)] == value_name(i % 66000);
        CHECK(all_right);
    }
}

TEST_CASE("a field that gave up is left to SQL by the column path") {
    ActivityColumns columns(4);
    std::vector<std::string_view> coded(ActivityColumns::coded_fields().size(), "");
    const size_t user_index = static_cast<size_t>(
        std::find(ActivityColumns::coded_fields().begin(), ActivityColumns::coded_fields().end(), "user") -
        ActivityColumns::coded_fields().begin());
    const std::vector<uint8_t> no_flags(ActivityColumns::flag_fields().size(), 0);
    std::vector<std::string> users = {"u1@x", "u2@x", "u3@x", "u4@x", "u5@x", "u6@x"};
    for (size_t i = 0; i < users.size(); ++i) {
        coded[user_index] = users[i];
        columns.append_row(static_cast<int64_t>(i + 1), 1000 - static_cast<int64_t>(i), no_flags, coded);
    }
    columns.finish();
    REQUIRE(columns.coded("user") == nullptr); // six distinct users, limit four
    REQUIRE(columns.coded("app") != nullptr);  // one value: kept
    auto filter = [](const char* json) { return *parse_filter_json(json).filter; };
    CHECK_FALSE(match_columns(columns, filter(R"({"all":[{"field":"user","op":"eq","values":["u2@x"]}]})"), {}));
    // Free text: the search (SQL in the app) is what finds the user now; rowid 3 is position 2.
    const TextSearch search = [](const FilterCondition&) { return std::vector<int64_t>{3}; };
    auto mask = match_columns(columns, filter(R"({"all":[{"field":"text","op":"text","values":["u3@x"]}]})"), {}, &search);
    REQUIRE(mask);
    CHECK(matching_positions(*mask) == std::vector<uint32_t>{2});
}
