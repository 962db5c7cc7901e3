// What IP address ranges change in the stored activities: the canonical fields ip_category,
// ip_tags, isp and country of every activity whose address lies in a range. The store writes
// them over the exported values and keeps those beside (tables exported_ip_values and
// exported_ip_tags, store/schema.cpp), so that a range removed or narrowed gives the exported
// values back. app/ip_range_table.h decides which ranges there are; this file only writes.
#pragma once

#include "store/activity_store.h"
#include "util/ip_address.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace sightline {

struct IpOverride {
    std::vector<IpRange> ranges;
    std::string category;          // empty: the exported category stays
    std::vector<std::string> tags; // added to the exported tags, once each
    std::string isp;               // empty: the exported ISP stays
    std::string country;           // empty: the exported country stays
};

// Gives every touched activity its exported values back, then applies `overrides` in order
// (a later one's category, ISP and country win where ranges overlap; tags add up), in one
// transaction, parameterised. The column copy follows at once (no rebuild). Returns how
// many activities some override touched. The caller makes sure no read statement is open.
int64_t apply_ip_overrides(ActivityStore& store, std::span<const IpOverride> overrides);

} // namespace sightline
