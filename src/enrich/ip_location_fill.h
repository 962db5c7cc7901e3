// What the offline IP location table gives an activity whose export left country or ISP out:
// the pure step between the table (enrich/ip_location_table.h) and whoever writes the rows.
//
// Precedence is the caller's to apply, in this order (issue 16):
//   1. an IP range set by the analyst (app/ip_range_table.h) wins over everything: its country
//      and ISP overrides are shown over the row's values whatever they are;
//   2. a value the export carries wins over a computed one: fill only an empty country or isp;
//   3. otherwise the values here, marked as computed.
// In the store that order falls out of writing the fill first and applying the ranges after it
// (store/ip_overrides.h keeps the values under a range and gives them back when it goes, so a
// computed value under a range returns with its computed mark when the range is removed).
// City is never computed (the sources have none); the map places a country without a city at
// the country's centroid (assets/tables/country_centroids.csv, read by imgui_ui/world_atlas.h).
#pragma once

#include "enrich/ip_location_table.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct IpFill {
    std::string country; // ISO 3166-1 alpha-2 (the `country` field, "Location"); empty: unknown
    std::string isp;     // the `isp` field ("Registered ISP"): the AS organisation, e.g. "Google LLC"
    uint32_t asn = 0;    // the autonomous system number behind isp; 0: unknown

    bool empty() const { return country.empty() && isp.empty(); }
    bool operator==(const IpFill&) const = default;
};

// For one address as the store keeps it (normalize_ip_text's form; a port or brackets are
// tolerated). Text that is not an address, and private or reserved addresses, give an empty fill.
IpFill fill_ip_location(const IpLocationTable& table, std::string_view ip);

// The same for each of a list of (distinct) addresses, in their order: what an enrichment pass
// calls once per distinct value of the `ip` field, never once per row.
std::vector<IpFill> fill_ip_locations(const IpLocationTable& table, std::span<const std::string> ips);

} // namespace sightline
