#include "enrich/user_agent_rules.h"

namespace sightline {
namespace {
#include "enrich/user_agent_tables.inc"
} // namespace

const UserAgentTables& user_agent_tables() {
    static const UserAgentTables tables{kUapCoreVersion, kCaniuseLiteVersion, kUserAgentRules, kOsRules,
                                        kDeviceRules,    kBrowserReleases,    kBrowserSources, kOsEndOfSupport,
                                        kNativeClients};
    return tables;
}

} // namespace sightline
