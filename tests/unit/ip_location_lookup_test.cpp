// The real converted asset (cmake/IpLocation.cmake writes it into the build folder): known
// public addresses of several countries, IPv4 and IPv6, and the addresses no one can be located
// at. A newer data package may move an organisation's name; a country or an AS number moving
// for these addresses would be news worth a failing test.
#include "enrich/ip_location_file.h"
#include "enrich/ip_location_fill.h"

#include <doctest/doctest.h>

#include <string>

using namespace sightline;

namespace {

const IpLocationTable& real_table() {
    static const IpLocationTableParse parsed = read_ip_location_file(SIGHTLINE_IP_LOCATION_ASSET);
    REQUIRE_MESSAGE(parsed.table, parsed.error);
    return *parsed.table;
}

struct Known {
    const char* ip;
    const char* country;
    uint32_t asn;
    const char* organisation_part; // a piece of the organisation's name
};

} // namespace

TEST_CASE("the real ip-location asset locates known public addresses") {
    const Known known[] = {
        {"8.8.8.8", "US", 15169, "Google"},
        {"1.1.1.1", "AU", 13335, "Cloudflare"}, // APNIC's research block, registered in Australia
        {"193.0.6.139", "NL", 3333, "RIPE"},
        {"202.12.27.33", "JP", 7500, "WIDE"},   // the M root server
        {"133.242.0.3", "JP", 7684, "SAKURA"},
        {"194.25.0.60", "DE", 3320, "Deutsche Telekom"},
        {"200.160.2.3", "BR", 22548, "NIC.BR"},
        {"139.130.4.5", "AU", 1221, "Telstra"},
        {"2001:4860:4860::8888", "US", 15169, "Google"},
        {"2606:4700:4700::1111", "US", 13335, "Cloudflare"},
        {"2001:67c:2e8:22::c100:68b", "NL", 3333, "RIPE"},
    };
    const IpLocationTable& t = real_table();
    for (const Known& k : known) {
        CAPTURE(k.ip);
        const IpFill fill = fill_ip_location(t, k.ip);
        CHECK(fill.country == k.country);
        CHECK(fill.asn == k.asn);
        CHECK(fill.isp.find(k.organisation_part) != std::string::npos);
    }
}

TEST_CASE("the real ip-location asset locates no private, reserved or special address") {
    // 192.168.0.0/16 is AU in the sources; assets/tables/special_purpose_ip_ranges.csv blanks it.
    for (const char* ip : {"10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1", "127.0.0.1", "169.254.1.1",
                           "192.0.2.1", "198.51.100.7", "203.0.113.9", "224.0.0.1", "0.0.0.0", "255.255.255.255",
                           "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "2001:db8::1", "ff02::1"}) {
        CAPTURE(ip);
        CHECK(fill_ip_location(real_table(), ip).empty());
    }
}

TEST_CASE("the real ip-location asset names its sources") {
    CHECK(real_table().provenance().find("@ip-location-db/asn") != std::string_view::npos);
    CHECK(real_table().provenance().find("CC-BY-4.0") != std::string_view::npos);
}
