// The user-agent parser's data as the build converts it (tools/user_agents/make_user_agent_tables.mjs):
// uap-core's three regex lists, caniuse-lite's browser release days, and the Outdated rules'
// tables of assets/tables/. Defined in user_agent_tables.cpp, which includes the generated header.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace sightline {

// One entry of uap-core's user_agent_parsers, os_parsers or device_parsers. A replacement is
// nullptr when the entry has none (the capture is used), and may hold $1..$9.
struct UserAgentRule {
    const char* regex;
    bool ignore_case;            // regex_flag: 'i'
    const char* replacement[4];  // family/os/device, then v1/v2/v3 (or brand, model)
};

// The first day (days since 1970-01-01 UTC) a major version of a caniuse-lite agent shipped.
struct BrowserRelease {
    std::string_view agent;  // caniuse-lite's id: chrome, edge, firefox, safari, ios_saf, ...
    int major;
    int32_t day;
};

// assets/tables/browser_release_sources.csv: which caniuse agent dates a uap-core browser
// family, and the day the family's vendor ended it (0 when it lives on).
struct BrowserSource {
    std::string_view family;
    std::string_view agent;
    int32_t end_of_support_day;
};

// assets/tables/os_support_dates.csv.
struct OsEndOfSupport {
    std::string_view os;       // Windows, macOS, Android, iOS
    std::string_view version;  // XP, 7, 8.1, 10.15, 12, ...
    int32_t day;
};

// assets/tables/native_clients.csv: a uap-core browser family, or a token the user agent contains
// (case-insensitive), that names a client which is not a browser.
struct NativeClientRule {
    bool is_token;
    std::string_view value;
};

struct UserAgentTables {
    std::string_view uap_core_version;
    std::string_view caniuse_lite_version;
    std::span<const UserAgentRule> browsers, oses, devices;
    std::span<const BrowserRelease> releases;  // by agent, then major
    std::span<const BrowserSource> browser_sources;
    std::span<const OsEndOfSupport> os_end_of_support;
    std::span<const NativeClientRule> native_clients;
};

const UserAgentTables& user_agent_tables();

} // namespace sightline
