// The user-agent parser and its facts on real-world user agents, each checked by hand against
// uap-core 0.18.0's regexes, caniuse-lite's release dates and assets/tables/os_support_dates.csv:
// family and version, device type and Defender's tags at a stated date; the Outdated rules moving
// with the date; and bad input (huge, binary, empty, backtracking bait) parsing safely.
#include "enrich/outdated_rules.h"
#include "enrich/user_agent_cache.h"
#include "enrich/user_agent_facts.h"
#include "enrich/user_agent_parser.h"
#include "util/time_format.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace sightline;

namespace {

const UserAgentParser& parser() {
    static const UserAgentParser instance;
    return instance;
}

int32_t day(int year, unsigned month, unsigned d) { return static_cast<int32_t>(days_from_civil(year, month, d)); }

std::vector<std::string> tags_of(const UserAgentFacts& facts) { return {facts.tags.begin(), facts.tags.end()}; }

struct Case {
    const char* user_agent;
    const char* browser;
    const char* os;
    const char* device_type;
    std::vector<std::string> tags;
};

const std::string kOldBrowser(kOutdatedBrowserTag), kOldOs(kOutdatedOsTag), kNative(kNativeClientTag),
    kRobot(kRobotTag);

} // namespace

TEST_CASE("real-world user agents on 10 November 2025: family, version, device type and tags") {
    // At this date the newest majors released by 11 May 2025 (six months before) are Chrome 136,
    // Edge 136, Firefox 138, Safari 18; Windows 7 and 8.1, Android 8 and iOS 12 are past support.
    const std::vector<Case> cases = {
        {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36",
         "Chrome 141.0", "Windows 10", "PC", {}},
        {"Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36",
         "Chrome 109.0", "Windows 7", "PC", {kOldBrowser, kOldOs}},
        {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.3537.57",
         "Edge 141.0", "Windows 10", "PC", {}},
        {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
         "Edge 120.0", "Windows 10", "PC", {kOldBrowser}},
        {"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:144.0) Gecko/20100101 Firefox/144.0",
         "Firefox 144.0", "Windows 10", "PC", {}},
        {"Mozilla/5.0 (Windows NT 6.3; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0",
         "Firefox 115.0", "Windows 8.1", "PC", {kOldBrowser, kOldOs}},
        {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15",
         "Safari 26.0", "macOS 10.15", "PC", {}},
        {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Safari/605.1.15",
         "Safari 16.6", "macOS 10.15", "PC", {kOldBrowser}},
        {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.2 Safari/605.1.15",
         "Safari 13.1", "macOS 10.13", "PC", {kOldBrowser, kOldOs}},
        {"Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko",
         "IE 11.0", "Windows 7", "PC", {kOldBrowser, kOldOs}},
        {"Mozilla/5.0 (Linux; Android 8.0.0; SM-G960F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.99 Mobile Safari/537.36",
         "Chrome Mobile 80.0", "Android 8.0", "Mobile", {kOldBrowser, kOldOs}},
        {"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36",
         "Chrome Mobile 141.0", "Android 10", "Mobile", {}},
        {"Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36",
         "Chrome 141.0", "Android 13", "Tablet", {}},
        {"Mozilla/5.0 (iPhone; CPU iPhone OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1",
         "Mobile Safari 12.1", "iOS 12.5", "Mobile", {kOldBrowser, kOldOs}},
        {"Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
         "Mobile Safari 18.1", "iOS 18.1", "Tablet", {}},
        {"Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18129; Pro)",
         "Outlook 2016", "Windows 10", "PC", {kNative}},
        {"Outlook-iOS/723.4027091.prod.iphone (4.2443.0)", "Outlook-iOS 4.2443", "iOS", "Mobile", {kNative}},
        // Teams desktop is an Edge web view: uap-core says Edge; the Teams/ token says native.
        {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0 Teams/24295.605.3225.8804",
         "Edge 130.0", "Windows 10", "PC", {kNative}},
        {"Microsoft Teams/6.22.2 (iPhone; iOS 18.1; Scale/3.00)", "Mobile Safari UI/WKWebView", "iOS 18.1", "Mobile", {kNative}},
        {"Microsoft SkyDriveSync 24.201.1006.0005 ship; Windows NT 10.0 (22631)",
         "Microsoft SkyDriveSync 24.201", "Windows 10", "PC", {kNative}},
        {"Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.22621.2506",
         "WindowsPowerShell 5.1", "Windows 10", "PC", {kNative}},
        {"curl/8.5.0", "curl 8.5", "", "Other", {kNative}},
        {"python-requests/2.31.0", "Python Requests 2.31", "", "Other", {kNative}},
        {"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Googlebot 2.1", "", "Other", {kRobot}},
    };
    const int32_t when = day(2025, 11, 10);
    for (const Case& c : cases) {
        CAPTURE(c.user_agent);
        const UserAgentFacts facts = user_agent_facts(parser().parse(c.user_agent), c.user_agent, when);
        CHECK(facts.browser == c.browser);
        CHECK(facts.os == c.os);
        CHECK(facts.device_type == c.device_type);
        CHECK(tags_of(facts) == c.tags);
    }
}

TEST_CASE("uap-core's fields as its specification reads them: captures and replacements") {
    const ParsedUserAgent chrome = parser().parse(
        "Mozilla/5.0 (Linux; Android 8.0.0; SM-G960F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.99 Mobile Safari/537.36");
    CHECK(chrome.browser_family == "Chrome Mobile");
    CHECK(chrome.browser_major == "80");
    CHECK(chrome.browser_minor == "0");
    CHECK(chrome.browser_patch == "3987");
    CHECK(chrome.os_family == "Android");
    CHECK(chrome.os_major == "8");
    CHECK(chrome.os_minor == "0");
    CHECK(chrome.device_brand == "Samsung"); // brand_replacement 'Samsung'
    CHECK(chrome.device_model == "SM-G960F"); // model_replacement '$1'
    // A version from a replacement rather than a capture: Outlook 16 is "2016".
    const ParsedUserAgent outlook = parser().parse("Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18129; Pro)");
    CHECK(outlook.browser_family == "Outlook");
    CHECK(outlook.browser_major == "2016");
    // Nothing matches: the specification's Other.
    const ParsedUserAgent nothing = parser().parse("");
    CHECK(nothing.browser_family == "Other");
    CHECK(nothing.os_family == "Other");
    CHECK(nothing.device_family == "Other");
}

TEST_CASE("every uap-core regex compiles in RE2 (a refused one would be listed here)") {
    for (const std::string& refused : parser().refused_regexes()) MESSAGE("RE2 refused " << refused);
    CHECK(parser().refused_regexes().empty());
}

TEST_CASE("the Outdated rules move with the activity's date") {
    const char* chrome120 =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    const ParsedUserAgent parsed = parser().parse(chrome120);
    // Chrome 120 shipped on 5 December 2023. On 1 March 2024 the newest Chrome out for six months
    // is 116: not outdated. On 1 January 2025 it is 126 (11 June 2024): outdated.
    CHECK_FALSE(browser_is_outdated(parsed, day(2024, 3, 1)));
    CHECK(browser_is_outdated(parsed, day(2025, 1, 1)));

    const ParsedUserAgent ie = parser().parse("Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko");
    // Internet Explorer 11 is the last IE: only its retirement (15 June 2022) makes it outdated.
    CHECK_FALSE(browser_is_outdated(ie, day(2022, 6, 14)));
    CHECK(browser_is_outdated(ie, day(2022, 6, 15)));
    // Windows 7's extended support ended on 14 January 2020.
    CHECK_FALSE(os_is_outdated(ie, day(2020, 1, 13)));
    CHECK(os_is_outdated(ie, day(2020, 1, 14)));

    const ParsedUserAgent ios12 = parser().parse(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1");
    CHECK_FALSE(os_is_outdated(ios12, day(2020, 9, 15)));
    CHECK(os_is_outdated(ios12, day(2020, 9, 16)));
    // Older than a listed version whose support has ended: iOS 11 on the day iOS 12's ended.
    const ParsedUserAgent ios11 = parser().parse(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 11_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/11.0 Mobile/15E148 Safari/604.1");
    CHECK_FALSE(os_is_outdated(ios11, day(2019, 1, 1)));
    CHECK(os_is_outdated(ios11, day(2020, 9, 16)));

    // The tags say the same through user_agent_facts.
    CHECK(tags_of(user_agent_facts(parsed, chrome120, day(2024, 3, 1))).empty());
    CHECK(tags_of(user_agent_facts(parsed, chrome120, day(2025, 1, 1))) == std::vector<std::string>{kOldBrowser});
}

TEST_CASE("versions other user agents also send are never tagged: Windows 10, macOS 10.15, Android 10") {
    const int32_t late = day(2030, 1, 1);
    for (const char* ua : {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36",
                           "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15",
                           "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36"}) {
        CAPTURE(ua);
        CHECK_FALSE(os_is_outdated(parser().parse(ua), late));
    }
    // ...while the versions before them are: macOS 10.14, Android 9.
    CHECK(os_is_outdated(parser().parse("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1 Safari/605.1.15"), late));
    CHECK(os_is_outdated(parser().parse("Mozilla/5.0 (Linux; Android 9; SM-G960F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Mobile Safari/537.36"), late));
}

TEST_CASE("bad user agents parse safely and as the engine says: huge, binary, empty, backtracking bait") {
    // RE2 runs in time linear in the input and never backtracks, so the bound is structural:
    // every parse below goes through the three sets in one pass each (none falls back to one
    // regex at a time), and the parser reads at most kMaxParsedBytes of any string.
    UserAgentParser fresh;
    std::string huge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/141.0.0.0 " + std::string(64 * 1024, 'a');
    std::string binary;
    for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 37 + 11) % 256);
    // Strings shaped to make a backtracking engine try every split: nested optional groups
    // of uap-core's version patterns ((?:\.(\d+)|)...) against long runs of digits and dots.
    std::string dots;
    for (int i = 0; i < 2000; ++i) dots += "1.";
    const std::string bait = "Chrome/" + dots + "!";
    const std::string parens = std::string(3000, '(') + "Windows NT 10.0" + std::string(3000, ';');
    const std::string embedded_nul("Mozilla/5.0 (Windows NT 6.1\0; rv:11.0) like Gecko", 49);

    const ParsedUserAgent from_huge = fresh.parse(huge);
    CHECK(from_huge.browser_family == "Chrome");
    CHECK(from_huge.browser_major == "141");
    CHECK(fresh.parse(binary).browser_family == "Other");
    CHECK(fresh.parse("").browser_family == "Other");
    const ParsedUserAgent from_bait = fresh.parse(bait);
    CHECK(from_bait.browser_family == "Chrome");
    CHECK(from_bait.browser_major == "1");
    CHECK(fresh.parse(parens).os_family == "Windows");
    CHECK(fresh.parse(embedded_nul).os_family == "Windows");
    // Only the first kMaxParsedBytes count: a token past them is not seen.
    CHECK(fresh.parse(std::string(UserAgentParser::kMaxParsedBytes, ' ') + "curl/8.5.0").browser_family == "Other");
    CHECK(fresh.one_at_a_time_parses() == 0);
}

TEST_CASE("the cache parses each distinct user agent once") {
    UserAgentCache cache;
    const ParsedUserAgent& a = cache.parsed("curl/8.5.0");
    const ParsedUserAgent& b = cache.parsed(std::string("curl/") + "8.5.0");
    CHECK(&a == &b);
    CHECK(cache.size() == 1);
    CHECK(cache.parsed("python-requests/2.31.0").browser_family == "Python Requests");
    CHECK(cache.size() == 2);
}
