// The user-agent parser: uap-core's regexes run by RE2, which matches in time linear in the user
// agent's length and never backtracks, so a hostile or huge user agent costs its share and no
// more (issue 16, "Bad input"); std::regex backtracks and is slow, and hand-written rules would
// not be uap-core's. Each of the three lists is a few RE2::Sets of consecutive regexes, each of
// which finds every one of its regexes that matches in one pass; the first match (uap-core's
// order decides) is then run alone for its captures, and uap-core's replacements ($1..$9) are
// applied.
#pragma once

#include "enrich/parsed_user_agent.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

class UserAgentParser {
public:
    // Compiling the sets takes a few hundred milliseconds: Later lets a caller between frames
    // compile them a chunk at a time (compile_step()); parse() finishes whatever is left.
    enum class Compile { Now, Later };
    explicit UserAgentParser(Compile when = Compile::Now);
    ~UserAgentParser();
    UserAgentParser(const UserAgentParser&) = delete;
    UserAgentParser& operator=(const UserAgentParser&) = delete;

    ParsedUserAgent parse(std::string_view user_agent) const;

    // Compiles the next chunk of regexes (tens of milliseconds); true while more remain.
    bool compile_step();
    bool compiled() const;

    // uap-core's regexes RE2 refused to compile (lookarounds, backreferences), as
    // "os_parsers[12]: regex (reason)": they are skipped, so a user agent only they would match
    // parses as the next regex that matches, or as Other.
    const std::vector<std::string>& refused_regexes() const { return refused_; }
    // How many chunks had to try regexes one at a time because a set's DFA ran out of memory
    // (still linear time, only slower); the tests expect none.
    size_t one_at_a_time_parses() const { return one_at_a_time_; }

    // User agents longer than this are parsed on their first kMaxParsedBytes: every field uap-core
    // reads sits well within it, and a megabyte of junk then costs no more than a long agent.
    static constexpr size_t kMaxParsedBytes = 4096;

    struct RuleList;

private:
    std::unique_ptr<RuleList> browsers_, oses_, devices_;
    std::vector<std::string> refused_;
    mutable size_t one_at_a_time_ = 0;
};

} // namespace sightline
