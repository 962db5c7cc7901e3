#include "util/ip_address.h"

#include <doctest/doctest.h>

using namespace sightline;

TEST_CASE("normalize_ip_text strips ports and brackets, keeps non-addresses") {
    CHECK(normalize_ip_text("[2001:db8::1]:443") == "2001:db8::1");
    CHECK(normalize_ip_text("[2001:db8::1]") == "2001:db8::1");
    CHECK(normalize_ip_text(" 10.1.2.3:51234 ") == "10.1.2.3");
    CHECK(normalize_ip_text("2001:db8::1") == "2001:db8::1");
    CHECK(normalize_ip_text("not an ip") == "not an ip");
    CHECK(normalize_ip_text("") == "");
}

TEST_CASE("parse_cidr gives inclusive bounds for IPv4 and IPv6") {
    auto r = parse_cidr("10.20.0.0/16");
    REQUIRE(r);
    CHECK(r->first == *parse_ip("10.20.0.0"));
    CHECK(r->last == *parse_ip("10.20.255.255"));
    auto v6 = parse_cidr("2001:db8::/32");
    REQUIRE(v6);
    CHECK(v6->first == *parse_ip("2001:db8::"));
    CHECK(v6->last == *parse_ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"));
    CHECK(parse_cidr("10.0.0.0/33") == std::nullopt);
    CHECK(parse_cidr("10.0.0/8") == std::nullopt);
    auto single = parse_cidr("192.0.2.7");
    REQUIRE(single);
    CHECK(single->first == single->last);
}
