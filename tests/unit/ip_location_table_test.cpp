// IpLocationTable on a tiny asset written here, byte by byte, to the format of
// tools/geo/make_ip_location.py: range boundaries, the first and last address of each family,
// gaps, and assets that are truncated or corrupt (an error, never a crash or a wrong answer).
#include "enrich/ip_location_fill.h"
#include "enrich/ip_location_table.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

using namespace sightline;

namespace {

struct TinyAsset {
    std::vector<uint8_t> bytes;

    void u8(uint32_t v) { bytes.push_back(static_cast<uint8_t>(v)); }
    void u16(uint32_t v) { u8(v & 0xff); u8(v >> 8); }
    void u32(uint32_t v) { u16(v & 0xffff); u16(v >> 16); }
    void text(std::string_view s) { bytes.insert(bytes.end(), s.begin(), s.end()); }
    void key(const IpBytes& a, bool v4) { bytes.insert(bytes.end(), a.begin() + (v4 ? 12 : 0), a.end()); }
    void section(std::initializer_list<std::pair<const char*, uint32_t>> ranges, bool v4, bool country) {
        u32(static_cast<uint32_t>(ranges.size()));
        for (const auto& [first, value] : ranges) key(*parse_ip(first), v4);
        for (const auto& [first, value] : ranges) country ? u8(value) : u32(value);
    }
};

// Countries DE (1) and US (2); one system, AS64500 "Example Org".
TinyAsset tiny_asset() {
    TinyAsset a;
    a.text("SLIP");
    a.u16(1);
    a.u16(0);
    a.u16(4);
    a.text("test");
    a.u8(2);
    a.text("DEUS");
    a.u32(1);       // organisations
    a.u32(0);
    a.u32(11);
    a.text("Example Org");
    a.u32(1);       // systems
    a.u32(64500);
    a.u32(0);
    a.section({{"0.0.0.0", 0}, {"1.0.0.0", 2}, {"1.0.1.0", 1}, {"1.0.2.0", 0}, {"255.255.255.255", 1}}, true, true);
    a.section({{"0.0.0.0", 0}, {"1.0.0.0", 1}, {"1.0.1.0", 0}}, true, false);
    a.section({{"::", 0}, {"2001:db8::", 2}, {"2001:db9::", 0}, {"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 1}}, false, true);
    a.section({{"::", 0}, {"2001:db8:1::", 1}, {"2001:db8:2::", 0}}, false, false);
    return a;
}

IpLocationTableParse parse(const std::vector<uint8_t>& bytes) {
    return IpLocationTable::parse(std::as_bytes(std::span<const uint8_t>(bytes)));
}

IpLocation at(const IpLocationTable& t, const char* ip) { return t.lookup(*parse_ip(ip)); }

} // namespace

TEST_CASE("IpLocationTable finds the range on both sides of each boundary") {
    const auto parsed = parse(tiny_asset().bytes);
    REQUIRE_MESSAGE(parsed.table, parsed.error);
    const IpLocationTable& t = *parsed.table;
    CHECK(t.provenance() == "test");
    CHECK(at(t, "0.0.0.0").empty());
    CHECK(at(t, "0.255.255.255").empty());
    CHECK(at(t, "1.0.0.0").country == "US");
    CHECK(at(t, "1.0.0.0").asn == 64500);
    CHECK(at(t, "1.0.0.0").organisation == "Example Org");
    CHECK(at(t, "1.0.0.255").country == "US");
    CHECK(at(t, "1.0.1.0").country == "DE");
    CHECK(at(t, "1.0.1.0").asn == 0);
    CHECK(at(t, "1.0.1.0").organisation.empty());
    CHECK(at(t, "1.0.1.255").country == "DE");
    CHECK(at(t, "1.0.2.0").empty());
    CHECK(at(t, "255.255.255.254").empty());
    CHECK(at(t, "255.255.255.255").country == "DE"); // the last address: the last range runs to the end
}

TEST_CASE("IpLocationTable reads IPv6 in its own sections and IPv4-mapped IPv6 as IPv4") {
    const auto parsed = parse(tiny_asset().bytes);
    REQUIRE(parsed.table);
    const IpLocationTable& t = *parsed.table;
    CHECK(at(t, "::").empty());
    CHECK(at(t, "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff").empty());
    CHECK(at(t, "2001:db8::").country == "US");
    CHECK(at(t, "2001:db8::").asn == 0);
    CHECK(at(t, "2001:db8:1::5").asn == 64500);
    CHECK(at(t, "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff").country == "US");
    CHECK(at(t, "2001:db9::").empty());
    CHECK(at(t, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe").empty());
    CHECK(at(t, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").country == "DE");
    CHECK(at(t, "::ffff:1.0.0.1").country == "US"); // parse_ip keeps IPv4 as IPv4-mapped IPv6
}

TEST_CASE("fill_ip_location gives country and Registered ISP, and nothing for what is no address") {
    const auto parsed = parse(tiny_asset().bytes);
    REQUIRE(parsed.table);
    CHECK(fill_ip_location(*parsed.table, "1.0.0.7") == IpFill{"US", "Example Org", 64500});
    CHECK(fill_ip_location(*parsed.table, "[2001:db8:1::1]:443") == IpFill{"US", "Example Org", 64500});
    CHECK(fill_ip_location(*parsed.table, "1.0.1.1:51234") == IpFill{"DE", "", 0});
    CHECK(fill_ip_location(*parsed.table, "not an ip").empty());
    CHECK(fill_ip_location(*parsed.table, "").empty());
    CHECK(fill_ip_location(*parsed.table, "1.0.2.1").empty());
    const std::vector<std::string> ips{"1.0.0.1", "junk", "2001:db8::1"};
    const auto fills = fill_ip_locations(*parsed.table, ips);
    REQUIRE(fills.size() == 3);
    CHECK(fills[0].country == "US");
    CHECK(fills[1].empty());
    CHECK(fills[2].country == "US");
}

TEST_CASE("a truncated ip-location asset is refused at every length, with a reason") {
    const auto whole = tiny_asset().bytes;
    for (size_t n = 0; n < whole.size(); ++n) {
        const auto parsed = parse(std::vector<uint8_t>(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(n)));
        CHECK_MESSAGE(!parsed.table, "accepted at length ", n);
        CHECK(!parsed.error.empty());
    }
    auto longer = whole;
    longer.push_back(0);
    CHECK(parse(longer).error.find("after the last section") != std::string::npos);
}

TEST_CASE("a corrupt ip-location asset is refused with a reason") {
    const auto refused = [](size_t offset, uint8_t value) {
        auto bytes = tiny_asset().bytes;
        bytes.at(offset) = value;
        const auto parsed = parse(bytes);
        CHECK(!parsed.table);
        return parsed.error;
    };
    // Offsets in tiny_asset(): header 8, provenance 2 + 4, countries 1 + 4, organisations
    // 4 + 8 + 11, systems 4 + 4 + 4: the IPv4 country section's count is at 54, its keys at 58.
    CHECK(refused(0, 'X').find("SLIP") != std::string::npos);
    CHECK(refused(4, 2).find("version 2") != std::string::npos);
    CHECK(refused(15, 'd').find("two letters") != std::string::npos);
    CHECK(refused(25, 99).find("offsets") != std::string::npos);          // the first offset is not 0
    CHECK(refused(50, 1).find("no organisation") != std::string::npos);   // AS entry's organisation index
    CHECK(refused(54, 200).find("truncated") != std::string::npos);       // range count beyond the asset
    CHECK(refused(61, 1).find("start at address 0") != std::string::npos);
    CHECK(refused(62, 0).find("ascending") != std::string::npos);         // 1.0.0.0 -> 0.0.0.0, equal to the first
    CHECK(refused(78, 3).find("bad value") != std::string::npos);         // country 3 of 2
}

TEST_CASE("an ip-location asset with any one byte changed is refused or answers within its bytes") {
    // Under the sanitised build (build/native-asan) a read outside the asset fails this test.
    const auto whole = tiny_asset().bytes;
    const char* probes[] = {"0.0.0.0", "1.0.0.5", "1.0.1.0", "200.1.2.3", "255.255.255.255",
                            "::", "2001:db8:1::1", "2001:db9::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"};
    int accepted = 0;
    for (size_t offset = 0; offset < whole.size(); ++offset) {
        for (const uint8_t value : {uint8_t{0}, uint8_t{1}, uint8_t{0x7f}, uint8_t{0xff}}) {
            auto bytes = whole;
            if (bytes[offset] == value) continue;
            bytes[offset] = value;
            const auto parsed = parse(bytes);
            CHECK(parsed.table.has_value() == parsed.error.empty());
            if (!parsed.table) continue;
            ++accepted; // e.g. a changed name or a changed AS number: still a well-formed asset
            for (const char* ip : probes) {
                const IpLocation found = at(*parsed.table, ip);
                CHECK(found.country.size() <= 2);
                CHECK(found.organisation.size() <= 11);
            }
        }
    }
    CHECK(accepted > 0);
}
