// IPv6 in one text form (RFC 5952) and the strict CIDR parser that the analyst's IP ranges use.
// Expected texts are written out by hand from RFC 5952's rules (section 4) and examples.
#include "util/ip_address.h"

#include <doctest/doctest.h>

using namespace sightline;

TEST_CASE("normalize_ip_text writes IPv6 in RFC 5952 form") {
    // 4.1 leading zeros dropped; 4.3 lowercase; 4.2.1 the longest run compressed
    CHECK(normalize_ip_text("2001:0db8:0000:0000:0000:0000:0000:0001") == "2001:db8::1");
    CHECK(normalize_ip_text("2001:DB8::1") == "2001:db8::1");
    CHECK(normalize_ip_text("2001:db8:0:0:0:0:2:1") == "2001:db8::2:1");
    // 4.2.2 a single zero group is not compressed
    CHECK(normalize_ip_text("2001:db8:0:1:1:1:1:1") == "2001:db8:0:1:1:1:1:1");
    // 4.2.3 the longest run wins; on a tie the first
    CHECK(normalize_ip_text("2001:0:0:1:0:0:0:1") == "2001:0:0:1::1");
    CHECK(normalize_ip_text("2001:db8:0:0:1:0:0:1") == "2001:db8::1:0:0:1");
    // runs at either end, all zeros, loopback
    CHECK(normalize_ip_text("0:0:0:0:0:0:0:0") == "::");
    CHECK(normalize_ip_text("0000:0000:0000:0000:0000:0000:0000:0001") == "::1");
    CHECK(normalize_ip_text("fe80:0:0:0:0:0:0:0") == "fe80::");
    CHECK(normalize_ip_text("FE80::0202:B3FF:FE1E:8329") == "fe80::202:b3ff:fe1e:8329");
    // no zero group at all
    CHECK(normalize_ip_text("2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff") == "2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff");
    // brackets and ports still go, and the rest is normalised too
    CHECK(normalize_ip_text("[2001:0DB8::0001]:443") == "2001:db8::1");
}

TEST_CASE("normalize_ip_text writes an IPv4-mapped IPv6 address as IPv4") {
    CHECK(normalize_ip_text("::ffff:192.0.2.1") == "192.0.2.1");
    CHECK(normalize_ip_text("::FFFF:c000:0201") == "192.0.2.1");
    CHECK(normalize_ip_text("0:0:0:0:0:ffff:c000:201") == "192.0.2.1");
    // IPv4-compatible (deprecated) and NAT64 forms are other IPv6 addresses, not IPv4
    CHECK(normalize_ip_text("64:ff9b::c000:201") == "64:ff9b::c000:201");
    CHECK(normalize_ip_text("10.1.2.3") == "10.1.2.3");
}

TEST_CASE("two spellings of one address are one value") {
    CHECK(normalize_ip_text("2001:0db8:0000:0000:0000:0000:0000:0001") == normalize_ip_text("2001:db8::1"));
    CHECK(parse_ip(normalize_ip_text("2001:0db8::0001")) == parse_ip("2001:db8::1"));
}

TEST_CASE("parse_cidr_strict: prefix lengths at the edges") {
    auto all_v4 = parse_cidr_strict("0.0.0.0/0");
    REQUIRE(all_v4.range);
    CHECK(all_v4.range->first == *parse_ip("0.0.0.0"));
    CHECK(all_v4.range->last == *parse_ip("255.255.255.255"));
    CHECK_FALSE(ranges_overlap(*all_v4.range, *parse_cidr("2001:db8::/32"))); // /0 of IPv4 is IPv4 only

    auto all = parse_cidr_strict("::/0");
    REQUIRE(all.range);
    CHECK(ranges_overlap(*all.range, *parse_cidr("10.0.0.1"))); // IPv6's /0 holds the mapped IPv4 too

    auto one_v4 = parse_cidr_strict("192.0.2.7/32");
    REQUIRE(one_v4.range);
    CHECK(one_v4.range->first == one_v4.range->last);
    auto one_v6 = parse_cidr_strict("2001:db8::7/128");
    REQUIRE(one_v6.range);
    CHECK(one_v6.range->first == *parse_ip("2001:db8::7"));
    CHECK(one_v6.range->last == *parse_ip("2001:db8::7"));
}

TEST_CASE("parse_cidr_strict: an IPv4-mapped IPv6 range covers the IPv4 addresses") {
    auto mapped = parse_cidr_strict("::ffff:10.0.0.0/104");
    REQUIRE(mapped.range);
    CHECK(mapped.range->first == *parse_ip("10.0.0.0"));
    CHECK(mapped.range->last == *parse_ip("10.255.255.255"));
    CHECK(mapped.range->first == parse_cidr("10.0.0.0/8")->first);
    CHECK(mapped.range->last == parse_cidr("10.0.0.0/8")->last);
}

TEST_CASE("parse_cidr_strict names what is wrong") {
    CHECK(parse_cidr_strict("10.0.0.0/33").error == "prefix length 33 is longer than 32 (IPv4)");
    CHECK(parse_cidr_strict("2001:db8::/129").error == "prefix length 129 is longer than 128 (IPv6)");
    CHECK(parse_cidr_strict("10.0.0.300/8").error == "\"10.0.0.300\" is not an IPv4 or IPv6 address");
    CHECK(parse_cidr_strict("10.0.0.0/").error == "no prefix length after '/'");
    CHECK(parse_cidr_strict("10.0.0.0/x8").error == "prefix length \"x8\" is not a number");
    CHECK(parse_cidr_strict("/8").error == "no address before '/'");
    CHECK(parse_cidr_strict("  ").error.rfind("empty", 0) == 0);
    CHECK(parse_cidr_strict("10.1.2.3/8").error == "host bits are set below the prefix: did you mean 10.0.0.0/8?");
    CHECK(parse_cidr_strict("2001:db8::1/32").error ==
          "host bits are set below the prefix: did you mean 2001:db8::/32?");
    CHECK(parse_cidr_strict("::ffff:10.1.0.0/104").error ==
          "host bits are set below the prefix: did you mean ::ffff:10.0.0.0/104?");
    CHECK(parse_cidr_strict(" 10.0.0.0/8 ").error.empty());
}
