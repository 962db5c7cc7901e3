#include "app/ip_range_table.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace sightline {
namespace {

constexpr std::array<std::string_view, 6> kCategories = {"Corporate", "Administrative", "Risky",
                                                         "VPN",       "Cloud provider", "Other"};

constexpr std::string_view kInternalNote =
    "Internal addresses in cloud audit logs usually mean the cloud service's own traffic, "
    "not the user's network.";

// The built-in ranges: the IANA special-purpose blocks an export shows for traffic that never
// crossed the internet. Written once, here.
struct BuiltinRange {
    std::string_view name;
    std::array<std::string_view, 3> cidrs; // unused slots empty
};
constexpr BuiltinRange kBuiltinRanges[] = {
    {"Private network (RFC 1918)", {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"}},
    {"Shared address space (RFC 6598)", {"100.64.0.0/10"}},
    {"Loopback", {"127.0.0.0/8", "::1/128"}},
    {"Link-local", {"169.254.0.0/16", "fe80::/10"}},
    {"Unique local (RFC 4193)", {"fc00::/7"}},
};

std::string trimmed(std::string_view text) {
    const char* space = " \t\r\n\f\v";
    const size_t first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(space) - first + 1));
}

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return fold(x) == fold(y); });
}

bool name_before(const IpRangeDefinition& a, const IpRangeDefinition& b) {
    return std::lexicographical_compare(a.name.begin(), a.name.end(), b.name.begin(), b.name.end(),
                                        [](char x, char y) { return fold(x) < fold(y); });
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

size_t character_count(std::string_view text) {
    return static_cast<size_t>(std::count_if(text.begin(), text.end(),
                                             [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// `10.0.0.0/8` as the table keeps it: the address in format_ip's form (an IPv4-mapped IPv6
// range keeps its ::ffff: prefix, its length counts 128 bits), the length without leading zeros.
std::string canonical_cidr(std::string_view text, const IpRange& range) {
    const std::string t = trimmed(text);
    const size_t slash = t.find('/');
    const bool v6_syntax = t.substr(0, slash).find(':') != std::string::npos;
    std::string out = (v6_syntax && is_ipv4(range.first) ? "::ffff:" : "") + format_ip(range.first);
    if (slash != std::string::npos) out += "/" + std::to_string(std::stoi(t.substr(slash + 1)));
    return out;
}

std::string check_cidrs(IpRangeCheck& check) {
    if (check.range.cidrs.empty()) return "cidrs: give at least one CIDR range, e.g. 203.0.113.0/24";
    for (size_t i = 0; i < check.range.cidrs.size(); ++i) {
        std::string& cidr = check.range.cidrs[i];
        CidrParse parsed = parse_cidr_strict(cidr);
        if (!parsed.range) return "cidrs[" + std::to_string(i) + "] " + quoted(trimmed(cidr)) + ": " + parsed.error;
        for (size_t j = 0; j < check.parsed.size(); ++j)
            if (ranges_overlap(check.parsed[j], *parsed.range))
                return "cidrs[" + std::to_string(i) + "] " + quoted(trimmed(cidr)) + " overlaps cidrs[" +
                       std::to_string(j) + "] " + quoted(check.range.cidrs[j]) + " of the same range";
        cidr = canonical_cidr(cidr, *parsed.range);
        check.parsed.push_back(*parsed.range);
    }
    return {};
}

std::string check_category(std::string& category) {
    category = trimmed(category);
    for (std::string_view known : kCategories)
        if (same_name(category, known)) {
            category = std::string(known);
            return {};
        }
    std::string list;
    for (std::string_view known : kCategories) list += (list.empty() ? "" : ", ") + std::string(known);
    return "category " + quoted(category) + " is not one of " + list;
}

std::string check_country(std::string& country) {
    country = trimmed(country);
    if (country.empty()) return {};
    if (country.size() != 2 || !std::isalpha(static_cast<unsigned char>(country[0])) ||
        !std::isalpha(static_cast<unsigned char>(country[1])))
        return "country " + quoted(country) + " is not a two-letter ISO 3166-1 code (e.g. DE)";
    for (char& c : country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return {};
}

void clean_tags(std::vector<std::string>& tags) {
    std::vector<std::string> clean;
    for (const std::string& tag : tags) {
        std::string t = trimmed(tag);
        if (!t.empty() && std::find(clean.begin(), clean.end(), t) == clean.end()) clean.push_back(std::move(t));
    }
    tags = std::move(clean);
}

std::vector<IpRangeDefinition> make_builtin() {
    std::vector<IpRangeDefinition> out;
    for (const BuiltinRange& b : kBuiltinRanges) {
        IpRangeDefinition range{std::string(b.name), {}, "", {"Internal"}, "", "", true, std::string(kInternalNote)};
        for (std::string_view cidr : b.cidrs)
            if (!cidr.empty()) range.cidrs.emplace_back(cidr);
        out.push_back(std::move(range));
    }
    return out;
}

std::vector<IpRange> parsed_cidrs(const IpRangeDefinition& range) {
    std::vector<IpRange> out;
    for (const std::string& cidr : range.cidrs)
        if (auto parsed = parse_cidr(cidr)) out.push_back(*parsed);
    return out;
}

} // namespace

std::span<const std::string_view> ip_categories() { return kCategories; }

bool operator==(const IpRangeDefinition& a, const IpRangeDefinition& b) {
    return a.name == b.name && a.cidrs == b.cidrs && a.category == b.category && a.tags == b.tags && a.isp == b.isp &&
           a.country == b.country && a.builtin == b.builtin && a.note == b.note;
}

IpRangeCheck check_ip_range(IpRangeDefinition range) {
    IpRangeCheck check{std::move(range), {}, {}};
    IpRangeDefinition& r = check.range;
    r.name = trimmed(r.name);
    r.isp = trimmed(r.isp);
    r.builtin = false;
    r.note.clear();
    clean_tags(r.tags);
    if (r.name.empty()) check.error = "name: give the range a name";
    else if (character_count(r.name) > IpRangeTable::kMaxNameChars)
        check.error = "name: at most " + std::to_string(IpRangeTable::kMaxNameChars) + " characters";
    if (check.error.empty()) check.error = check_cidrs(check);
    if (check.error.empty()) check.error = check_category(r.category);
    if (check.error.empty()) check.error = check_country(r.country);
    return check;
}

const std::vector<IpRangeDefinition>& IpRangeTable::builtin() {
    static const std::vector<IpRangeDefinition> ranges = make_builtin();
    return ranges;
}

std::string IpRangeTable::set(IpRangeDefinition range, std::string_view editing) {
    IpRangeCheck check = check_ip_range(std::move(range));
    if (!check.error.empty()) return check.error;
    const std::string editing_name = trimmed(editing);
    auto edited = custom_.end();
    if (!editing_name.empty()) {
        edited = std::find_if(custom_.begin(), custom_.end(), [&](const auto& r) { return same_name(r.name, editing_name); });
        if (edited == custom_.end()) return "no IP range is named " + quoted(editing_name);
    }
    for (const IpRangeDefinition& b : builtin())
        if (same_name(b.name, check.range.name)) return "name: " + quoted(b.name) + " is a built-in range";
    for (auto other = custom_.begin(); other != custom_.end(); ++other) {
        if (other == edited) continue;
        if (same_name(other->name, check.range.name)) {
            if (editing_name.empty()) { // set by name: an edit of that range
                edited = other;
                continue;
            }
            return "name: another range is named " + quoted(other->name);
        }
    }
    for (const IpRangeDefinition& other : custom_) {
        if (edited != custom_.end() && &other == &*edited) continue;
        const std::vector<IpRange> theirs = parsed_cidrs(other);
        for (size_t i = 0; i < check.parsed.size(); ++i)
            for (size_t j = 0; j < theirs.size(); ++j)
                if (ranges_overlap(check.parsed[i], theirs[j]))
                    return "cidrs[" + std::to_string(i) + "] " + quoted(check.range.cidrs[i]) + " overlaps " +
                           quoted(other.cidrs[j]) + " of the range " + quoted(other.name);
    }
    if (edited != custom_.end()) custom_.erase(edited);
    custom_.insert(std::upper_bound(custom_.begin(), custom_.end(), check.range, name_before), std::move(check.range));
    return {};
}

std::string IpRangeTable::remove(std::string_view name) {
    const std::string wanted = trimmed(name);
    auto it = std::find_if(custom_.begin(), custom_.end(), [&](const auto& r) { return same_name(r.name, wanted); });
    if (it != custom_.end()) {
        custom_.erase(it);
        return {};
    }
    for (const IpRangeDefinition& b : builtin())
        if (same_name(b.name, wanted)) return quoted(b.name) + " is a built-in range and cannot be removed";
    return "no IP range is named " + quoted(wanted);
}

std::vector<IpRangeDefinition> IpRangeTable::all() const {
    std::vector<IpRangeDefinition> out = custom_;
    out.insert(out.end(), builtin().begin(), builtin().end());
    return out;
}

const IpRangeDefinition* IpRangeTable::find(std::string_view name) const {
    const std::string wanted = trimmed(name);
    for (const IpRangeDefinition& r : custom_)
        if (same_name(r.name, wanted)) return &r;
    for (const IpRangeDefinition& r : builtin())
        if (same_name(r.name, wanted)) return &r;
    return nullptr;
}

const IpRangeDefinition* IpRangeTable::custom_range_containing(const IpBytes& address) const {
    for (const IpRangeDefinition& r : custom_)
        for (const IpRange& range : parsed_cidrs(r))
            if (!(address < range.first) && !(range.last < address)) return &r;
    return nullptr;
}

std::vector<IpOverride> IpRangeTable::overrides() const {
    std::vector<IpOverride> out;
    auto add = [&](const IpRangeDefinition& r) { out.push_back({parsed_cidrs(r), r.category, r.tags, r.isp, r.country}); };
    for (const IpRangeDefinition& r : builtin()) add(r);
    for (const IpRangeDefinition& r : custom_) add(r);
    return out;
}

} // namespace sightline
