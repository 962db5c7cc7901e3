// IP address text handling: normalising what exports write (ports, brackets, IPv4-mapped
// IPv6) and a fixed 16-byte form that sorts so that CIDR ranges become BETWEEN bounds.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sightline {

using IpBytes = std::array<uint8_t, 16>; // IPv4 as ::ffff:a.b.c.d

// Parses a plain IPv4 or IPv6 address (no port, no brackets).
std::optional<IpBytes> parse_ip(std::string_view text);

// Strips what exports add around an address: `[2001:db8::1]:443` -> `2001:db8::1`,
// `10.1.2.3:51234` -> `10.1.2.3`, surrounding spaces. Returns the text unchanged (trimmed)
// when it is not an address, so nothing the analyst may need is thrown away.
std::string normalize_ip_text(std::string_view text);

struct IpRange {
    IpBytes first;
    IpBytes last;
};

// `10.0.0.0/8`, `2001:db8::/32`, or a single address. nullopt when malformed.
std::optional<IpRange> parse_cidr(std::string_view text);

} // namespace sightline
