// One activity as Sightline holds it: the canonical fields of the automation contract
// (shared/AUTOMATION.md). Importers produce these; the store persists them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sightline {

struct Activity {
    std::string id;            // export's activity ID, or a stable hash of the record
    int64_t time_ms = 0;       // event time, epoch milliseconds UTC
    std::string app;
    std::string activity_type; // normalised: Log on, Failed log on, Download file, ...
    std::string action_type;   // the app's raw operation name
    std::string description;
    std::string user;
    std::string user_domain;
    std::string ip;            // normalised: no port, no brackets
    std::string ip_category;   // Corporate, Administrative, Risky, VPN, Cloud provider, Other, or empty
    std::vector<std::string> ip_tags;
    std::string country;       // ISO 3166-1 alpha-2
    std::string city;
    std::string isp;
    std::string user_agent;
    std::vector<std::string> ua_tags;
    std::string device_type;   // PC, Mobile, Tablet, Other
    std::string browser;
    std::string os;
    std::vector<std::string> objects;
    bool admin = false;
    bool impersonated = false;
    std::string result;        // Success, Failure
    std::string source;        // import format that produced the row
    std::string file;          // file the row came from
    std::vector<std::string> matched_policies;
    // The analyst's own marks, kept with the session (never imported).
    bool starred = false;
    std::vector<std::string> tags;
    std::string comment;
    std::string raw;           // the original record as text
};

} // namespace sightline
