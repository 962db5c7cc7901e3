// The analyst's IP ranges as a table: what it accepts, what it refuses and with which words,
// and the built-in ranges.
#include "app/ip_range_json.h"
#include "app/ip_range_table.h"

#include <doctest/doctest.h>

using namespace sightline;

namespace {

IpRangeDefinition range(std::string name, std::vector<std::string> cidrs, std::string category = "Corporate") {
    IpRangeDefinition r;
    r.name = std::move(name);
    r.cidrs = std::move(cidrs);
    r.category = std::move(category);
    return r;
}

} // namespace

TEST_CASE("a range is stored cleaned: trimmed, canonical CIDRs and category, tags once each") {
    IpRangeTable table;
    IpRangeDefinition r = range("  Head office ", {" 2001:0DB8:00C0::/48", "203.0.113.0/24", "::ffff:198.51.100.0/120"},
                                "vpn");
    r.tags = {" Office ", "Office", "", "Seattle"};
    r.country = "us";
    REQUIRE(table.set(r) == "");
    const IpRangeDefinition& stored = table.custom().at(0);
    CHECK(stored.name == "Head office");
    CHECK(stored.cidrs == std::vector<std::string>{"2001:db8:c0::/48", "203.0.113.0/24", "::ffff:198.51.100.0/120"});
    CHECK(stored.category == "VPN");
    CHECK(stored.tags == std::vector<std::string>{"Office", "Seattle"});
    CHECK(stored.country == "US");
}

TEST_CASE("bad ranges get a precise error and change nothing") {
    IpRangeTable table;
    REQUIRE(table.set(range("A", {"10.0.0.0/8"})) == "");
    const IpRangeTable before = table;
    CHECK(table.set(range("B", {"192.0.2.0/24", "192.0.2.300"})) ==
          "cidrs[1] \"192.0.2.300\": \"192.0.2.300\" is not an IPv4 or IPv6 address");
    CHECK(table.set(range("B", {"192.0.2.0/33"})) == "cidrs[0] \"192.0.2.0/33\": prefix length 33 is longer than 32 (IPv4)");
    CHECK(table.set(range("B", {})) == "cidrs: give at least one CIDR range, e.g. 203.0.113.0/24");
    CHECK(table.set(range("", {"192.0.2.0/24"})) == "name: give the range a name");
    CHECK(table.set(range("B", {"192.0.2.0/24"}, "Friendly")) ==
          "category \"Friendly\" is not one of Corporate, Administrative, Risky, VPN, Cloud provider, Other");
    IpRangeDefinition bad_country = range("B", {"192.0.2.0/24"});
    bad_country.country = "USA";
    CHECK(table.set(bad_country) == "country \"USA\" is not a two-letter ISO 3166-1 code (e.g. DE)");
    CHECK(table.set(range("B", {"192.0.2.0/24", "192.0.2.128/25"})) ==
          "cidrs[1] \"192.0.2.128/25\" overlaps cidrs[0] \"192.0.2.0/24\" of the same range");
    CHECK(table.set(range("Loopback", {"192.0.2.0/24"})) == "name: \"Loopback\" is a built-in range");
    CHECK(table == before);
}

TEST_CASE("an overlapping range is refused with the other range's name") {
    IpRangeTable table;
    REQUIRE(table.set(range("Head office", {"203.0.113.0/24", "2001:db8:c0::/48"})) == "");
    CHECK(table.set(range("Branch", {"198.51.100.0/24", "203.0.113.128/25"})) ==
          "cidrs[1] \"203.0.113.128/25\" overlaps \"203.0.113.0/24\" of the range \"Head office\"");
    CHECK(table.set(range("Everything", {"::/0"})) ==
          "cidrs[0] \"::/0\" overlaps \"203.0.113.0/24\" of the range \"Head office\"");
    CHECK(table.set(range("Mapped", {"::ffff:203.0.113.7/128"})) ==
          "cidrs[0] \"::ffff:203.0.113.7/128\" overlaps \"203.0.113.0/24\" of the range \"Head office\"");
    CHECK(table.set(range("One", {"2001:db8:c0:1::10/128"})) ==
          "cidrs[0] \"2001:db8:c0:1::10/128\" overlaps \"2001:db8:c0::/48\" of the range \"Head office\"");
    // Neighbours touch but do not overlap; IPv4's /0 holds no IPv6 address.
    CHECK(table.set(range("Next door", {"203.0.114.0/24"})) == "");
    CHECK(table.custom().size() == 2);
    // A built-in range may be covered: the analyst's range wins there.
    CHECK(table.set(range("Lab", {"10.20.0.0/16"})) == "");
}

TEST_CASE("setting a range by an existing name edits it; editing may rename") {
    IpRangeTable table;
    REQUIRE(table.set(range("Office", {"203.0.113.0/24"})) == "");
    // The same name (any case): an edit, so its own CIDRs do not count as an overlap.
    REQUIRE(table.set(range("office", {"203.0.113.0/25"}, "VPN")) == "");
    REQUIRE(table.custom().size() == 1);
    CHECK(table.custom()[0].category == "VPN");
    REQUIRE(table.set(range("HQ", {"203.0.113.0/24"}), "Office") == "");
    CHECK(table.find("Office") == nullptr);
    REQUIRE(table.find("hq"));
    REQUIRE(table.set(range("Other", {"198.51.100.0/24"})) == "");
    CHECK(table.set(range("HQ", {"198.51.100.0/24"}), "Other") == "name: another range is named \"HQ\"");
    CHECK(table.set(range("X", {"192.0.2.0/24"}), "Missing") == "no IP range is named \"Missing\"");
}

TEST_CASE("remove: the analyst's ranges only") {
    IpRangeTable table;
    REQUIRE(table.set(range("Office", {"203.0.113.0/24"})) == "");
    CHECK(table.remove("Loopback") == "\"Loopback\" is a built-in range and cannot be removed");
    CHECK(table.remove("nope") == "no IP range is named \"nope\"");
    CHECK(table.remove(" OFFICE ") == "");
    CHECK(table.custom().empty());
}

TEST_CASE("built-in ranges tag internal addresses and explain why") {
    const auto& builtin = IpRangeTable::builtin();
    std::vector<std::string> cidrs;
    for (const IpRangeDefinition& r : builtin) {
        CHECK(r.builtin);
        CHECK(r.category.empty()); // the export's category stays
        CHECK(r.tags == std::vector<std::string>{"Internal"});
        CHECK(r.note.find("cloud service's own traffic") != std::string::npos);
        cidrs.insert(cidrs.end(), r.cidrs.begin(), r.cidrs.end());
    }
    for (const char* expected : {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8",
                                 "169.254.0.0/16", "fc00::/7", "fe80::/10", "::1/128"})
        CHECK(std::find(cidrs.begin(), cidrs.end(), expected) != cidrs.end());
    for (const std::string& cidr : cidrs) CHECK(parse_cidr_strict(cidr).error == "");
}

TEST_CASE("ranges survive storage; a bad stored entry is named and the others load") {
    IpRangeTable table;
    IpRangeDefinition r = range("Office", {"203.0.113.0/24"}, "Corporate");
    r.tags = {"HQ"};
    r.isp = "Contoso";
    r.country = "US";
    REQUIRE(table.set(r) == "");
    REQUIRE(table.set(range("VPN exit", {"2001:db8:ffff::/48"}, "VPN")) == "");
    IpRangeTableLoad loaded = ip_ranges_from_storage_json(ip_ranges_to_storage_json(table));
    CHECK(loaded.error == "");
    CHECK(loaded.table == table);

    IpRangeTableLoad partial = ip_ranges_from_storage_json(
        R"({"version":1,"ranges":[{"name":"Bad","cidrs":["10.0.0.0/99"],"category":"VPN"},{"name":"Good","cidrs":["192.0.2.0/24"],"category":"Risky"}]})");
    CHECK(partial.error == "IP range 1 skipped: cidrs[0] \"10.0.0.0/99\": prefix length 99 is longer than 32 (IPv4)");
    REQUIRE(partial.table.custom().size() == 1);
    CHECK(partial.table.custom()[0].name == "Good");
    CHECK(ip_ranges_from_storage_json("{nope").error.rfind("IP ranges could not be read", 0) == 0);
}
