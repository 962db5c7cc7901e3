#include "enrich/user_agent_facts.h"

#include "enrich/device_class.h"
#include "enrich/outdated_rules.h"
#include "enrich/user_agent_rules.h"
#include "text/find_ci.h"

namespace sightline {
namespace {

// "Chrome 130.0", "Windows 8.1", "iOS 12": the family, its major and minor version.
std::string with_version(std::string_view family, const std::string& major, const std::string& minor) {
    if (family == "Other" || family.empty()) return {};
    std::string out(family);
    if (!major.empty()) {
        out += ' ';
        out += major;
        if (!minor.empty()) out += '.' + minor;
    }
    return out;
}

} // namespace

bool is_native_client(const ParsedUserAgent& parsed, std::string_view user_agent) {
    for (const NativeClientRule& rule : user_agent_tables().native_clients) {
        if (rule.is_token ? find_ci(user_agent, rule.value) != std::string_view::npos
                          : parsed.browser_family == rule.value)
            return true;
    }
    return false;
}

UserAgentFacts user_agent_facts(const ParsedUserAgent& parsed, std::string_view user_agent, int32_t activity_day) {
    UserAgentFacts facts;
    facts.browser = with_version(parsed.browser_family, parsed.browser_major, parsed.browser_minor);
    facts.os = with_version(os_display_family(parsed.os_family), parsed.os_major, parsed.os_minor);
    facts.device_type = device_class(parsed, user_agent);
    const bool native = is_native_client(parsed, user_agent);
    if (native) facts.tags.push_back(kNativeClientTag);
    // A native client's version is its app's, not a browser's: caniuse-lite does not date it.
    if (!native && browser_is_outdated(parsed, activity_day)) facts.tags.push_back(kOutdatedBrowserTag);
    if (os_is_outdated(parsed, activity_day)) facts.tags.push_back(kOutdatedOsTag);
    if (parsed.device_family == "Spider") facts.tags.push_back(kRobotTag);
    return facts;
}

} // namespace sightline
