#include "enrich/user_agent_parser.h"

#include "enrich/user_agent_rules.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>

namespace sightline {

// One of uap-core's three lists, compiled: sets of up to kChunk consecutive regexes that find
// which of them match (in chunks so that no compile holds a frame long, and so the first chunk
// with a match ends the search), and each regex alone for its captures, compiled the first time
// it matches (most never do). `rules[i]` and `patterns[i]` are uap-core's entry i of the list.
struct UserAgentParser::RuleList {
    static constexpr size_t kChunk = 48;
    std::string_view section;
    re2::RE2::Options options;
    std::vector<const UserAgentRule*> rules;
    std::vector<std::string> patterns;
    std::vector<std::unique_ptr<re2::RE2::Set>> chunks; // chunk c: rules [c * kChunk, ...)
    size_t compiled = 0;                                 // rules added to chunks so far
    mutable std::vector<std::unique_ptr<re2::RE2>> regexes;

    const re2::RE2& regex(size_t i) const {
        if (!regexes[i]) regexes[i] = std::make_unique<re2::RE2>(patterns[i], options);
        return *regexes[i];
    }
};

namespace {

constexpr int kMaxGroups = 10; // $0..$9

re2::RE2::Options parser_options() {
    re2::RE2::Options options;
    options.set_log_errors(false);
    return options;
}

std::unique_ptr<UserAgentParser::RuleList> rule_list(std::string_view section, std::span<const UserAgentRule> rules) {
    auto list = std::make_unique<UserAgentParser::RuleList>();
    list->section = section;
    list->options = parser_options();
    for (const UserAgentRule& rule : rules) {
        list->rules.push_back(&rule);
        // A set takes one Options for all its patterns, so case is the pattern's own flag.
        list->patterns.push_back((rule.ignore_case ? "(?i)" : "") + std::string(rule.regex));
    }
    list->regexes.resize(rules.size());
    return list;
}

// Adds the next chunk of `list` to a set of its own; a regex RE2 refuses is listed and gets a
// never-matching place-holder, so that indexes stay uap-core's.
void compile_chunk(UserAgentParser::RuleList& list, std::vector<std::string>& refused) {
    auto set = std::make_unique<re2::RE2::Set>(list.options, re2::RE2::UNANCHORED);
    const size_t end = std::min(list.compiled + UserAgentParser::RuleList::kChunk, list.rules.size());
    for (size_t i = list.compiled; i < end; ++i) {
        std::string error;
        if (set->Add(list.patterns[i], &error) < 0) {
            refused.push_back(std::string(list.section) + "[" + std::to_string(i) + "]: " + list.rules[i]->regex +
                              " (" + error + ")");
            list.patterns[i] = "[^\\x00-\\x{10FFFF}]"; // matches nothing
            set->Add(list.patterns[i], nullptr);
        }
    }
    set->Compile();
    list.chunks.push_back(std::move(set));
    list.compiled = end;
}

// The matched regex's captures: groups[0] the whole match, groups[n] capture n ("" when absent).
struct Match {
    const UserAgentRule* rule = nullptr;
    std::array<std::string_view, kMaxGroups> groups{};
};

Match first_match(const UserAgentParser::RuleList& list, std::string_view text, size_t& one_at_a_time) {
    const re2::StringPiece piece(text.data(), text.size());
    size_t index = list.rules.size();
    std::vector<int> hits;
    for (size_t c = 0; c < list.chunks.size() && index == list.rules.size(); ++c) {
        const size_t first = c * UserAgentParser::RuleList::kChunk;
        re2::RE2::Set::ErrorInfo error{};
        if (list.chunks[c]->Match(piece, &hits, &error)) {
            index = first + static_cast<size_t>(*std::min_element(hits.begin(), hits.end()));
        } else if (error.kind != re2::RE2::Set::kNoError) {
            // The set's DFA ran out of memory: the chunk's regexes one at a time (still linear).
            ++one_at_a_time;
            const size_t end = std::min(first + UserAgentParser::RuleList::kChunk, list.rules.size());
            for (size_t i = first; i < end && index == list.rules.size(); ++i)
                if (re2::RE2::PartialMatch(piece, list.regex(i))) index = i;
        }
    }
    Match match;
    if (index == list.rules.size()) return match;
    const re2::RE2& regex = list.regex(index);
    const int groups = std::min(regex.NumberOfCapturingGroups() + 1, kMaxGroups);
    std::array<re2::StringPiece, kMaxGroups> found{};
    if (!regex.Match(piece, 0, piece.size(), re2::RE2::UNANCHORED, found.data(), groups)) return match;
    match.rule = list.rules[index];
    for (int g = 0; g < groups; ++g)
        if (found[g].data()) match.groups[g] = std::string_view(found[g].data(), found[g].size());
    return match;
}

std::string trimmed(std::string text) {
    const auto not_space = [](unsigned char c) { return c != ' ' && c != '\t'; };
    text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
    text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
    return text;
}

// uap-core's rule for one field: the replacement with $1..$9 put in when the entry has one,
// otherwise capture `group` (0 for none).
std::string field(const Match& match, int replacement, int group) {
    const char* pattern = match.rule->replacement[replacement];
    if (!pattern) return group > 0 ? trimmed(std::string(match.groups[static_cast<size_t>(group)])) : std::string();
    std::string out;
    for (const char* p = pattern; *p; ++p) {
        if (p[0] == '$' && p[1] >= '1' && p[1] <= '9') {
            out += match.groups[static_cast<size_t>(p[1] - '0')];
            ++p;
        } else {
            out += *p;
        }
    }
    return trimmed(std::move(out));
}

} // namespace

UserAgentParser::UserAgentParser(Compile when) {
    const UserAgentTables& tables = user_agent_tables();
    browsers_ = rule_list("user_agent_parsers", tables.browsers);
    oses_ = rule_list("os_parsers", tables.oses);
    devices_ = rule_list("device_parsers", tables.devices);
    if (when == Compile::Now)
        while (compile_step()) {
        }
}

UserAgentParser::~UserAgentParser() = default;

bool UserAgentParser::compile_step() {
    for (RuleList* list : {browsers_.get(), oses_.get(), devices_.get()}) {
        if (list->compiled == list->rules.size()) continue;
        compile_chunk(*list, refused_);
        return !compiled();
    }
    return false;
}

bool UserAgentParser::compiled() const {
    return browsers_->compiled == browsers_->rules.size() && oses_->compiled == oses_->rules.size() &&
           devices_->compiled == devices_->rules.size();
}

ParsedUserAgent UserAgentParser::parse(std::string_view user_agent) const {
    // A parser built Compile::Later and asked before its caller finished compiling: the rest
    // now (a const parser is always built Compile::Now, so this changes nothing it shares).
    while (const_cast<UserAgentParser*>(this)->compile_step()) {
    }
    const std::string_view text = user_agent.substr(0, kMaxParsedBytes);
    ParsedUserAgent out;
    if (const Match m = first_match(*browsers_, text, one_at_a_time_); m.rule) {
        out.browser_family = field(m, 0, 1);
        if (out.browser_family.empty()) out.browser_family = "Other";
        out.browser_major = field(m, 1, 2);
        out.browser_minor = field(m, 2, 3);
        out.browser_patch = field(m, 3, 4);
    }
    if (const Match m = first_match(*oses_, text, one_at_a_time_); m.rule) {
        out.os_family = field(m, 0, 1);
        if (out.os_family.empty()) out.os_family = "Other";
        out.os_major = field(m, 1, 2);
        out.os_minor = field(m, 2, 3);
        out.os_patch = field(m, 3, 4);
    }
    if (const Match m = first_match(*devices_, text, one_at_a_time_); m.rule) {
        out.device_family = field(m, 0, 1);
        if (out.device_family.empty()) out.device_family = "Other";
        out.device_brand = field(m, 1, 0);
        out.device_model = field(m, 2, 1);
    }
    return out;
}

} // namespace sightline
