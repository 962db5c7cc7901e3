// `sightline-cli locate [--ip-location ASSET] [IP...]`: what the offline IP location gives each
// address (from the arguments, else one a line on stdin), one JSON object a line:
// {"ip": "8.8.8.8", "country": "US", "asn": 15169, "isp": "Google LLC"}.
#pragma once

#include <string>
#include <vector>

namespace sightline::cli {

int run_locate_command(std::vector<std::string> args);

} // namespace sightline::cli
