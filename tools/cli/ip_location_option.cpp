#include "ip_location_option.h"

#include "enrich/ip_location_file.h"

#include <cstdlib>
#include <iostream>

namespace sightline::cli {

std::string take_ip_location_path(std::vector<std::string>& args) {
    for (size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "--ip-location") {
            std::string path = args[i + 1];
            args.erase(args.begin() + static_cast<std::ptrdiff_t>(i), args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
            return path;
        }
    }
    const char* env = std::getenv("SIGHTLINE_IP_LOCATION");
    return env ? env : "";
}

std::optional<IpLocationTable> load_ip_location(const std::string& path) {
    if (path.empty()) {
        std::cerr << "no IP location asset: pass --ip-location PATH or set SIGHTLINE_IP_LOCATION "
                     "(the build writes build/native/ip-location.bin)\n";
        return std::nullopt;
    }
    IpLocationTableParse parsed = read_ip_location_file(path);
    if (!parsed.table) std::cerr << parsed.error << '\n';
    return std::move(parsed.table);
}

} // namespace sightline::cli
