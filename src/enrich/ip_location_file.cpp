#include "enrich/ip_location_file.h"

#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

namespace sightline {

IpLocationTableParse read_ip_location_file(const std::string& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return {std::nullopt, "no ip-location asset at " + path};
    std::ifstream in(path, std::ios::binary);
    if (!in) return {std::nullopt, "cannot open the ip-location asset " + path};
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0);
    if (size < 0) return {std::nullopt, "cannot read the ip-location asset " + path};
    std::vector<std::byte> bytes(static_cast<size_t>(size));
    if (!in.read(reinterpret_cast<char*>(bytes.data()), size)) return {std::nullopt, "cannot read the ip-location asset " + path};
    return IpLocationTable::adopt(std::move(bytes));
}

} // namespace sightline
