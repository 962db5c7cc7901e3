#include "util/ip_address.h"

#include <arpa/inet.h>

#include <cctype>
#include <cstring>

namespace sightline {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

} // namespace

std::optional<IpBytes> parse_ip(std::string_view text) {
    if (text.empty() || text.size() > 45) return std::nullopt;
    char buf[64];
    std::memcpy(buf, text.data(), text.size());
    buf[text.size()] = '\0';
    IpBytes out{};
    in_addr v4{};
    if (inet_pton(AF_INET, buf, &v4) == 1) {
        out[10] = 0xff;
        out[11] = 0xff;
        std::memcpy(out.data() + 12, &v4, 4);
        return out;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, buf, &v6) == 1) {
        std::memcpy(out.data(), &v6, 16);
        return out;
    }
    return std::nullopt;
}

bool is_ipv4(const IpBytes& a) {
    for (int i = 0; i < 10; ++i)
        if (a[i] != 0) return false;
    return a[10] == 0xff && a[11] == 0xff;
}

std::string format_ip(const IpBytes& a) {
    if (is_ipv4(a))
        return std::to_string(a[12]) + '.' + std::to_string(a[13]) + '.' + std::to_string(a[14]) + '.' +
               std::to_string(a[15]);
    uint16_t groups[8];
    for (int g = 0; g < 8; ++g) groups[g] = static_cast<uint16_t>(a[2 * g] << 8 | a[2 * g + 1]);
    // The longest run of zero groups, the first on a tie; a single zero group stays "0".
    int best_start = -1, best_length = 1;
    for (int g = 0; g < 8;) {
        if (groups[g] != 0) { ++g; continue; }
        int end = g;
        while (end < 8 && groups[end] == 0) ++end;
        if (end - g > best_length) best_start = g, best_length = end - g;
        g = end;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int g = 0; g < 8; ++g) {
        if (g == best_start) {
            out += "::";
            g += best_length - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') out += ':';
        bool started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const int digit = groups[g] >> shift & 0xf;
            if (digit == 0 && !started && shift > 0) continue;
            started = true;
            out += kHex[digit];
        }
    }
    return out;
}

std::string normalize_ip_text(std::string_view raw) {
    std::string_view text = trim(raw);
    if (text.empty()) return {};
    if (text.front() == '[') { // [v6] or [v6]:port
        size_t close = text.find(']');
        if (close != std::string_view::npos)
            if (auto address = parse_ip(text.substr(1, close - 1))) return format_ip(*address);
        return std::string(text);
    }
    if (auto address = parse_ip(text)) return format_ip(*address);
    size_t colon = text.rfind(':');
    if (colon != std::string_view::npos && text.find(':') == colon) { // v4:port
        if (auto address = parse_ip(text.substr(0, colon))) return format_ip(*address);
    }
    return std::string(text);
}

std::optional<IpRange> parse_cidr(std::string_view raw) {
    std::string_view text = trim(raw);
    size_t slash = text.find('/');
    auto address = parse_ip(text.substr(0, slash));
    if (!address) return std::nullopt;
    bool v4 = text.substr(0, slash).find(':') == std::string_view::npos;
    int max_bits = v4 ? 32 : 128;
    int bits = max_bits;
    if (slash != std::string_view::npos) {
        std::string_view digits = text.substr(slash + 1);
        if (digits.empty() || digits.size() > 3) return std::nullopt;
        bits = 0;
        for (char c : digits) {
            if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
            bits = bits * 10 + (c - '0');
        }
        if (bits > max_bits) return std::nullopt;
    }
    int prefix = v4 ? bits + 96 : bits; // IPv4 lives in the last 32 bits
    IpRange range{*address, *address};
    for (int bit = prefix; bit < 128; ++bit) {
        uint8_t mask = static_cast<uint8_t>(0x80u >> (bit % 8));
        range.first[bit / 8] &= static_cast<uint8_t>(~mask);
        range.last[bit / 8] |= mask;
    }
    return range;
}

CidrParse parse_cidr_strict(std::string_view raw) {
    std::string_view text = trim(raw);
    if (text.empty()) return {std::nullopt, "empty: write an address or a range such as 10.0.0.0/8"};
    const size_t slash = text.find('/');
    const std::string_view host = text.substr(0, slash);
    if (host.empty()) return {std::nullopt, "no address before '/'"};
    if (!parse_ip(host)) return {std::nullopt, "\"" + std::string(host) + "\" is not an IPv4 or IPv6 address"};
    const bool v4 = host.find(':') == std::string_view::npos;
    const int max_bits = v4 ? 32 : 128;
    if (slash != std::string_view::npos) {
        const std::string_view digits = text.substr(slash + 1);
        if (digits.empty()) return {std::nullopt, "no prefix length after '/'"};
        for (char c : digits)
            if (!std::isdigit(static_cast<unsigned char>(c)))
                return {std::nullopt, "prefix length \"" + std::string(digits) + "\" is not a number"};
        if (digits.size() > 3 || std::stoi(std::string(digits)) > max_bits)
            return {std::nullopt, "prefix length " + std::string(digits) + " is longer than " + std::to_string(max_bits) +
                                      (v4 ? " (IPv4)" : " (IPv6)")};
    }
    std::optional<IpRange> range = parse_cidr(text);
    if (!range) return {std::nullopt, "not a CIDR range"}; // not reached: every case is named above
    if (range->first != *parse_ip(host)) {
        // An IPv4-mapped IPv6 range keeps its IPv6 spelling, as its prefix counts 128 bits.
        std::string network = (!v4 && is_ipv4(range->first) ? "::ffff:" : "") + format_ip(range->first) +
                              std::string(text.substr(slash));
        return {std::nullopt, "host bits are set below the prefix: did you mean " + network + "?"};
    }
    return {range, ""};
}

} // namespace sightline
