// Reads the IP location asset from a file, for the programs that have a file system: the CLI,
// the bench and the tests (the page hands the table its bytes from a fetch instead).
#pragma once

#include "enrich/ip_location_table.h"

#include <string>

namespace sightline {

// The file's bytes parsed; a missing or unreadable file is an error like a bad asset.
IpLocationTableParse read_ip_location_file(const std::string& path);

} // namespace sightline
