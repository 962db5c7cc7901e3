#include "enrich/ip_location_file.h"

#include <fstream>
#include <iterator>
#include <vector>

namespace sightline {

IpLocationTableParse read_ip_location_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {std::nullopt, "cannot open the ip-location asset " + path};
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return {std::nullopt, "cannot read the ip-location asset " + path};
    return IpLocationTable::parse(std::as_bytes(std::span<const char>(bytes)));
}

} // namespace sightline
