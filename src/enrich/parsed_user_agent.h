// What uap-core's regexes read from one user agent: the browser, the OS and the device, each a
// family and its version parts as uap-core's specification (in the npm package) defines them:
// a family "Other" when no regex matched, versions empty when not captured.
#pragma once

#include <string>

namespace sightline {

struct ParsedUserAgent {
    std::string browser_family = "Other";
    std::string browser_major, browser_minor, browser_patch;
    std::string os_family = "Other";
    std::string os_major, os_minor, os_patch;
    std::string device_family = "Other";
    std::string device_brand, device_model;

    bool operator==(const ParsedUserAgent&) const = default;
};

} // namespace sightline
