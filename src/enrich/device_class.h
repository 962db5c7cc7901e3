// The device type of a parsed user agent, in the contract's four values (PC, Mobile, Tablet,
// Other). uap-core names devices (iPhone, iPad, Spider, a phone model) but not their class, so
// the class is read from the device and the OS; this layer sits under import/ and so spells the
// four values itself rather than through import/client_fields.h.
#pragma once

#include "enrich/parsed_user_agent.h"

#include <string_view>

namespace sightline {

std::string_view device_class(const ParsedUserAgent& parsed, std::string_view user_agent);

} // namespace sightline
