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

// Whether the address is an IPv4 address (kept as IPv4-mapped IPv6, ::ffff:a.b.c.d).
bool is_ipv4(const IpBytes& address);

// The one text form of an address: dotted IPv4 for IPv4 and IPv4-mapped IPv6, else RFC 5952
// (lowercase hex, leading zeros dropped, the longest run of two or more zero groups as `::`,
// the first such run on a tie). Written here rather than with inet_ntop because glibc's and
// musl's (Emscripten's) differ on these details, and native and wasm must agree.
std::string format_ip(const IpBytes& address);

// Strips what exports add around an address (`[2001:db8::1]:443` -> `2001:db8::1`,
// `10.1.2.3:51234` -> `10.1.2.3`, surrounding spaces) and writes it in format_ip's form, so
// `2001:0DB8:0:0::1` from one export and `2001:db8::1` from another are one address. Returns
// the text unchanged (trimmed) when it is not an address, so nothing the analyst may need is
// thrown away.
std::string normalize_ip_text(std::string_view text);

struct IpRange {
    IpBytes first;
    IpBytes last;
};

// `10.0.0.0/8`, `2001:db8::/32`, or a single address. nullopt when malformed. Host bits
// below the prefix are ignored (`10.1.2.3/8` is 10.0.0.0/8), as the in_cidr filter takes it.
std::optional<IpRange> parse_cidr(std::string_view text);

// The same with the reason when the text is not a CIDR range, for what the analyst types as
// a range of their own: host bits set below the prefix are refused there (`10.1.2.3/8` is
// more likely a typo than a wish for 10.0.0.0/8) and the message suggests the network.
struct CidrParse {
    std::optional<IpRange> range;
    std::string error; // why not, e.g. `prefix length 33 is longer than 32 (IPv4)`
};
CidrParse parse_cidr_strict(std::string_view text);

// Whether two ranges share an address.
inline bool ranges_overlap(const IpRange& a, const IpRange& b) { return !(a.last < b.first || b.last < a.first); }

} // namespace sightline
