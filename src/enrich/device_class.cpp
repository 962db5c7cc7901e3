#include "enrich/device_class.h"

#include "text/find_ci.h"

#include <array>

namespace sightline {
namespace {

constexpr std::array<std::string_view, 6> kMobileOses = {"iOS", "Android", "Windows Phone", "BlackBerry OS", "KaiOS",
                                                         "Symbian OS"};
constexpr std::array<std::string_view, 12> kDesktopOses = {"Windows", "Mac OS X", "Linux",   "Ubuntu",  "Chrome OS",
                                                           "Fedora",  "Debian",   "FreeBSD", "OpenBSD", "NetBSD",
                                                           "Solaris", "macOS"};

bool contains(std::string_view text, std::string_view word) { return find_ci(text, word) != std::string_view::npos; }

template <size_t N> bool one_of(std::string_view value, const std::array<std::string_view, N>& list) {
    for (std::string_view item : list)
        if (value == item) return true;
    return false;
}

} // namespace

std::string_view device_class(const ParsedUserAgent& parsed, std::string_view user_agent) {
    const std::string_view device = parsed.device_family;
    if (device == "Spider") return "Other";
    if (device == "iPad" || device == "Generic Tablet" || contains(device, "Kindle")) return "Tablet";
    // Android browsers leave "Mobile" out on tablets (Google's guidance to Android browsers).
    if (parsed.os_family == "Android" && user_agent.starts_with("Mozilla/") && !contains(user_agent, "Mobile"))
        return "Tablet";
    if (device == "iPhone" || device == "Generic Smartphone" || device == "Generic Feature Phone") return "Mobile";
    if (one_of(parsed.os_family, kMobileOses)) return "Mobile";
    if (device == "Mac" || one_of(parsed.os_family, kDesktopOses)) return "PC";
    return "Other";
}

} // namespace sightline
