// Each distinct user agent parsed once: a log of a million activities has some thousands of
// user agents, and a parse runs three regex sets over the string.
#pragma once

#include "enrich/parsed_user_agent.h"
#include "enrich/user_agent_parser.h"

#include <string>
#include <string_view>
#include <unordered_map>

namespace sightline {

class UserAgentCache {
public:
    explicit UserAgentCache(UserAgentParser::Compile when = UserAgentParser::Compile::Now) : parser_(when) {}

    const ParsedUserAgent& parsed(std::string_view user_agent);
    const UserAgentParser& parser() const { return parser_; }
    UserAgentParser& parser() { return parser_; }
    size_t size() const { return parsed_.size(); }

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    UserAgentParser parser_;
    std::unordered_map<std::string, ParsedUserAgent, Hash, std::equal_to<>> parsed_;
};

} // namespace sightline
