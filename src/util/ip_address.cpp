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

std::string normalize_ip_text(std::string_view raw) {
    std::string_view text = trim(raw);
    if (text.empty()) return {};
    if (text.front() == '[') { // [v6] or [v6]:port
        size_t close = text.find(']');
        if (close != std::string_view::npos && parse_ip(text.substr(1, close - 1)))
            return std::string(text.substr(1, close - 1));
        return std::string(text);
    }
    if (parse_ip(text)) return std::string(text);
    size_t colon = text.rfind(':');
    if (colon != std::string_view::npos && text.find(':') == colon) { // v4:port
        std::string_view host = text.substr(0, colon);
        if (parse_ip(host)) return std::string(host);
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

} // namespace sightline
