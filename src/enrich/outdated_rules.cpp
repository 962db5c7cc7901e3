#include "enrich/outdated_rules.h"

#include "enrich/user_agent_rules.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace sightline {
namespace {

int major_number(std::string_view text) {
    int value = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    (void)end;
    return error == std::errc() ? value : -1;
}

// Versions whose user agents newer versions send too (see kOutdatedRuleText).
bool is_frozen_version(std::string_view os, std::string_view version) {
    return (os == "Windows" && version == "10") || (os == "macOS" && version == "10.15") ||
           (os == "Android" && version == "10");
}

// Whether dotted version a is before b, part by part (10.9 before 10.12); false when either has
// a part that is not a number.
bool version_before(std::string_view a, std::string_view b) {
    while (!a.empty() || !b.empty()) {
        const size_t a_dot = a.find('.'), b_dot = b.find('.');
        const int x = a.empty() ? 0 : major_number(a.substr(0, a_dot));
        const int y = b.empty() ? 0 : major_number(b.substr(0, b_dot));
        if (x < 0 || y < 0) return false;
        if (x != y) return x < y;
        a = a_dot == std::string_view::npos ? std::string_view() : a.substr(a_dot + 1);
        b = b_dot == std::string_view::npos ? std::string_view() : b.substr(b_dot + 1);
    }
    return false;
}

} // namespace

int32_t day_of_epoch_ms(int64_t time_ms) {
    constexpr int64_t kDayMs = 86'400'000;
    return static_cast<int32_t>(time_ms >= 0 ? time_ms / kDayMs : -((-time_ms + kDayMs - 1) / kDayMs));
}

std::string_view os_display_family(std::string_view uap_family) {
    return uap_family == "Mac OS X" ? std::string_view("macOS") : uap_family;
}

bool browser_is_outdated(const ParsedUserAgent& parsed, int32_t day) {
    const UserAgentTables& tables = user_agent_tables();
    const auto source = std::find_if(tables.browser_sources.begin(), tables.browser_sources.end(),
                                     [&](const BrowserSource& s) { return s.family == parsed.browser_family; });
    if (source == tables.browser_sources.end()) return false;
    if (source->end_of_support_day != 0 && day >= source->end_of_support_day) return true;
    const int major = major_number(parsed.browser_major);
    if (major < 0) return false;
    int newest_settled = -1;
    for (const BrowserRelease& r : tables.releases)
        if (r.agent == source->agent && r.day <= day - kBrowserGraceDays) newest_settled = std::max(newest_settled, r.major);
    return major < newest_settled;
}

bool os_is_outdated(const ParsedUserAgent& parsed, int32_t day) {
    const std::string_view os = os_display_family(parsed.os_family);
    const std::string major_minor = parsed.os_minor.empty() ? parsed.os_major : parsed.os_major + "." + parsed.os_minor;
    for (const std::string_view version : {std::string_view(major_minor), std::string_view(parsed.os_major)})
        if (is_frozen_version(os, version)) return false;
    for (const OsEndOfSupport& row : user_agent_tables().os_end_of_support) {
        if (row.os != os || day < row.day) continue;
        if (row.version == major_minor || row.version == parsed.os_major) return true;
        // Older than an ended version: macOS, iOS and Android number their versions in order;
        // Windows' names (XP, Vista, 7, 8.1, 10, 2000) do not sort as numbers.
        if (os != "Windows" && !major_minor.empty() && version_before(major_minor, row.version)) return true;
    }
    return false;
}

} // namespace sightline
