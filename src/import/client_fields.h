// Normalising the client-side fields exports spell differently: device type and result.
#pragma once

#include <string_view>

namespace sightline {

// PC, Mobile, Tablet, Other from DESKTOP / Desktop / Windows PC / Smartphone / ...; "" if unknown.
std::string_view normalize_device_type(std::string_view text);

// Success / Failure from Succeeded, True, Failed, PartiallySucceeded, Interrupted, ...; "" if unknown.
std::string_view normalize_result(std::string_view text);

} // namespace sightline
