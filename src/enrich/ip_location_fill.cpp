#include "enrich/ip_location_fill.h"

namespace sightline {

IpFill fill_ip_location(const IpLocationTable& table, std::string_view ip) {
    auto address = parse_ip(ip);
    if (!address) address = parse_ip(normalize_ip_text(ip)); // an export's `[2001:db8::1]:443`
    if (!address) return {};
    const IpLocation found = table.lookup(*address);
    return {std::string(found.country), std::string(found.organisation), found.asn};
}

std::vector<IpFill> fill_ip_locations(const IpLocationTable& table, std::span<const std::string> ips) {
    std::vector<IpFill> out;
    out.reserve(ips.size());
    for (const std::string& ip : ips) out.push_back(fill_ip_location(table, ip));
    return out;
}

} // namespace sightline
