// When a user agent is tagged Outdated browser or Outdated operating system, at the activity's
// date: the one statement of the rules, which the app shows (kOutdatedRuleText) and the README
// repeats. The dates are data: caniuse-lite's release dates and assets/tables/.
#pragma once

#include "enrich/parsed_user_agent.h"

#include <cstdint>
#include <string_view>

namespace sightline {

// A newer major version counts once it has been out this long: people update within weeks,
// but managed fleets lag, and a tag on every activity of last month's version is noise.
inline constexpr int32_t kBrowserGraceDays = 183;

inline constexpr std::string_view kOutdatedRuleText =
    "Outdated browser: at the activity's date, the browser's major version is older than the newest major "
    "version of that browser released at least 6 months before (release dates from caniuse-lite), or the "
    "browser's vendor has retired it (Internet Explorer, 15 June 2022).\n"
    "Outdated operating system: at the activity's date, the vendor's support for the OS version has ended "
    "(assets/tables/os_support_dates.csv: Windows lifecycle dates; a macOS version when its third successor "
    "shipped, an iOS version when its second did; Android's last security bulletin), or it is older than such "
    "a version. Windows 10, macOS 10.15 and Android 10 are never tagged: Windows 11, current Macs and Chrome on "
    "any Android send those versions in their user agents.";

// Days since 1970-01-01 UTC of an epoch-millisecond time (floor, also before 1970).
int32_t day_of_epoch_ms(int64_t time_ms);

bool browser_is_outdated(const ParsedUserAgent& parsed, int32_t day);
bool os_is_outdated(const ParsedUserAgent& parsed, int32_t day);

// The OS as the activity log shows it: uap-core's family with "Mac OS X" called macOS.
std::string_view os_display_family(std::string_view uap_family);

} // namespace sightline
