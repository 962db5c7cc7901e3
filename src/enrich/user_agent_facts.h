// What enrichment writes for one user agent at one activity's date: the Browser, Operating
// system and Device type texts as Defender's exports spell them ("Chrome 130.0", "Windows 10",
// "PC"), and the user agent tags under Defender's names.
#pragma once

#include "enrich/parsed_user_agent.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// Defender's user agent tags (shared/AUTOMATION.md's ua_tags), in that order.
inline constexpr std::string_view kNativeClientTag = "Native client";
inline constexpr std::string_view kOutdatedBrowserTag = "Outdated browser";
inline constexpr std::string_view kOutdatedOsTag = "Outdated operating system";
inline constexpr std::string_view kRobotTag = "Robot";

struct UserAgentFacts {
    std::string browser;          // "" when uap-core knows no browser (family Other)
    std::string os;               // "" when it knows no OS
    std::string_view device_type; // PC, Mobile, Tablet or Other
    std::vector<std::string_view> tags;
};

// Native client: a family or a token of assets/tables/native_clients.csv. Robot: uap-core's
// Spider device (its crawler and script regexes).
bool is_native_client(const ParsedUserAgent& parsed, std::string_view user_agent);

// The tags depend on the date (Outdated); the rest of the facts only on the user agent.
UserAgentFacts user_agent_facts(const ParsedUserAgent& parsed, std::string_view user_agent, int32_t activity_day);

} // namespace sightline
