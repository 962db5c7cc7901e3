// Where the command line finds the IP location asset: `--ip-location PATH`, else the
// SIGHTLINE_IP_LOCATION environment variable (the tests and the bench point it at the build
// folder's ip-location.bin; nothing is looked up anywhere else or fetched).
#pragma once

#include "enrich/ip_location_table.h"

#include <string>
#include <vector>

namespace sightline::cli {

// Removes `--ip-location PATH` from args and returns PATH, or the environment's, or "".
std::string take_ip_location_path(std::vector<std::string>& args);

// The table at that path, or nullopt with the reason on stderr.
std::optional<IpLocationTable> load_ip_location(const std::string& path);

} // namespace sightline::cli
