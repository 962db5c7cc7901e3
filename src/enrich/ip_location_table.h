// The offline IP location table: for an IPv4 or IPv6 address, its country (ISO 3166-1 alpha-2)
// and the autonomous system (number and organisation) that announces it, read from the asset
// tools/geo/make_ip_location.py writes at build time (its format is described in that tool).
// A table is validated whole when it is parsed, so lookup() never reads outside the bytes.
#pragma once

#include "util/ip_address.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// What the table knows of one address. The views point into the table and live as long as it.
struct IpLocation {
    std::string_view country;      // alpha-2, e.g. "US"; empty when no country is known
    uint32_t asn = 0;              // e.g. 15169; 0 when no autonomous system is known
    std::string_view organisation; // e.g. "Google LLC"; empty with asn == 0

    bool empty() const { return country.empty() && asn == 0; }
};

struct IpLocationTableParse;

class IpLocationTable {
public:
    // Copies and validates the asset's bytes; a bad, truncated or other-version asset gives
    // no table and the reason.
    static IpLocationTableParse parse(std::span<const std::byte> bytes);
    // The same, keeping `bytes` as the table's own without a copy (the page hands over 16 MB).
    static IpLocationTableParse adopt(std::vector<std::byte> bytes);

    // Binary search in the address's family. Private, reserved and unallocated addresses have
    // no country and no system (the sources leave most out; the converter blanks every range of
    // assets/tables/special_purpose_ip_ranges.csv).
    IpLocation lookup(const IpBytes& address) const;

    // Which packages and versions the data came from, for the About box.
    std::string_view provenance() const { return text(provenance_); }
    size_t size_bytes() const { return bytes_.size(); }

private:
    // One of the asset's four range sections: n keys (big-endian, 4 or 16 bytes) then n values.
    struct Section {
        size_t count = 0;
        size_t keys = 0;   // offset of the first key in bytes_
        size_t values = 0; // offset of the first value
    };
    struct Span {
        size_t offset = 0;
        size_t length = 0;
    };
    std::string_view text(Span s) const;

    std::vector<std::byte> bytes_;
    Span provenance_;
    Span country_codes_; // 2 bytes a country
    size_t organisation_count_ = 0;
    size_t organisation_offsets_ = 0; // u32[count + 1]
    size_t organisation_text_ = 0;
    size_t system_count_ = 0;
    size_t system_numbers_ = 0;       // u32[count]
    size_t system_organisations_ = 0; // u32[count]
    Section v4_country_, v4_system_, v6_country_, v6_system_;

    friend struct IpLocationTableReader;
};

struct IpLocationTableParse {
    std::optional<IpLocationTable> table;
    std::string error; // e.g. "ip-location asset: truncated in the IPv6 ASN ranges"
};

} // namespace sightline
