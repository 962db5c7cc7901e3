#include "enrich/user_agent_cache.h"

namespace sightline {

const ParsedUserAgent& UserAgentCache::parsed(std::string_view user_agent) {
    if (const auto found = parsed_.find(user_agent); found != parsed_.end()) return found->second;
    return parsed_.emplace(std::string(user_agent), parser_.parse(user_agent)).first->second;
}

} // namespace sightline
