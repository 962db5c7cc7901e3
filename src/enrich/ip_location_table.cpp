#include "enrich/ip_location_table.h"

#include <cstdint>
#include <cstring>

namespace sightline {

namespace {

constexpr uint16_t kVersion = 1;
constexpr size_t kV4Key = 4;
constexpr size_t kV6Key = 16;

uint64_t load_be(const std::byte* p, size_t n) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v = (v << 8) | std::to_integer<uint64_t>(p[i]);
    return v;
}

uint32_t load_le32(const std::byte* p) {
    return std::to_integer<uint32_t>(p[0]) | std::to_integer<uint32_t>(p[1]) << 8 |
           std::to_integer<uint32_t>(p[2]) << 16 | std::to_integer<uint32_t>(p[3]) << 24;
}

// An address as the key of its family's sections: (high, low) 64-bit halves, compared in order.
struct Key {
    uint64_t high = 0;
    uint64_t low = 0;
    auto operator<=>(const Key&) const = default;
};

Key key_at(const std::byte* p, size_t width) {
    if (width == kV4Key) return {0, load_be(p, 4)};
    return {load_be(p, 8), load_be(p + 8, 8)};
}

Key key_of(const IpBytes& a, bool v4) {
    const auto* p = reinterpret_cast<const std::byte*>(a.data());
    return v4 ? key_at(p + 12, kV4Key) : key_at(p, kV6Key);
}

// The index of the range holding `key`: the last whose first address is <= key. Keys start at
// 0, so there always is one.
size_t find_range(const std::byte* keys, size_t count, size_t width, Key key) {
    size_t lo = 0, hi = count; // answer in [lo, hi)
    while (hi - lo > 1) {
        const size_t mid = lo + (hi - lo) / 2;
        if (key_at(keys + mid * width, width) <= key) lo = mid;
        else hi = mid;
    }
    return lo;
}

} // namespace

// Reads the asset front to back, checking every count against what is left and every index
// against what it points into, so that lookup() can trust the offsets it keeps.
struct IpLocationTableReader {
    explicit IpLocationTableReader(IpLocationTable& table) : t(table) {}
    IpLocationTable& t;
    size_t at = 0;
    std::string error;

    size_t left() const { return t.bytes_.size() - at; }

    bool fail(std::string why) {
        if (error.empty()) error = "ip-location asset: " + why;
        return false;
    }
    bool take(size_t n, const char* what, size_t& offset) {
        if (n > left()) return fail(std::string("truncated in ") + what);
        offset = at;
        at += n;
        return true;
    }
    bool u8(const char* what, size_t& v) {
        size_t o;
        if (!take(1, what, o)) return false;
        v = std::to_integer<size_t>(t.bytes_[o]);
        return true;
    }
    bool u16(const char* what, size_t& v) {
        size_t o;
        if (!take(2, what, o)) return false;
        v = std::to_integer<size_t>(t.bytes_[o]) | std::to_integer<size_t>(t.bytes_[o + 1]) << 8;
        return true;
    }
    bool u32(const char* what, size_t& v) {
        size_t o;
        if (!take(4, what, o)) return false;
        v = load_le32(t.bytes_.data() + o);
        return true;
    }
    // n items of `size` bytes, refusing a count the rest of the asset cannot hold (before multiplying).
    bool array(size_t n, size_t size, const char* what, size_t& offset) {
        if (n > left() / size) return fail(std::string("truncated in ") + what);
        return take(n * size, what, offset);
    }

    bool header() {
        size_t magic;
        if (!array(4, 1, "the header", magic)) return false;
        if (std::memcmp(t.bytes_.data() + magic, "SLIP", 4) != 0) return fail("not an ip-location asset (no SLIP header)");
        size_t version, reserved;
        if (!u16("the header", version) || !u16("the header", reserved)) return false;
        if (version != kVersion)
            return fail("version " + std::to_string(version) + ", this build reads " + std::to_string(kVersion));
        size_t length;
        if (!u16("the provenance", length) || !take(length, "the provenance", t.provenance_.offset)) return false;
        t.provenance_.length = length;
        return true;
    }

    bool countries() {
        size_t n;
        if (!u8("the country codes", n) || !array(n, 2, "the country codes", t.country_codes_.offset)) return false;
        t.country_codes_.length = n * 2;
        for (size_t i = 0; i < n * 2; ++i) {
            const auto c = std::to_integer<char>(t.bytes_[t.country_codes_.offset + i]);
            if (c < 'A' || c > 'Z') return fail("country code " + std::to_string(i / 2) + " is not two letters");
        }
        return true;
    }

    bool organisations() {
        size_t n;
        if (!u32("the organisations", n)) return false;
        if (n == SIZE_MAX) return fail("truncated in the organisations"); // n + 1 offsets would wrap (wasm32)
        if (!array(n + 1, 4, "the organisations", t.organisation_offsets_)) return false;
        t.organisation_count_ = n;
        size_t previous = 0;
        for (size_t i = 0; i <= n; ++i) {
            const size_t offset = load_le32(t.bytes_.data() + t.organisation_offsets_ + i * 4);
            if (offset < previous || (i == 0 && offset != 0)) return fail("organisation offsets do not ascend from 0");
            previous = offset;
        }
        return take(previous, "the organisation names", t.organisation_text_);
    }

    bool systems() {
        size_t n;
        if (!u32("the autonomous systems", n) || !array(n, 4, "the autonomous systems", t.system_numbers_) ||
            !array(n, 4, "the autonomous systems", t.system_organisations_))
            return false;
        t.system_count_ = n;
        for (size_t i = 0; i < n; ++i)
            if (load_le32(t.bytes_.data() + t.system_organisations_ + i * 4) >= t.organisation_count_)
                return fail("AS entry " + std::to_string(i) + " names no organisation");
        return true;
    }

    // Keys ascend strictly from 0 (every address in exactly one range); values name a country
    // or system the asset has (0: none).
    bool section(IpLocationTable::Section& s, size_t width, size_t value_size, size_t value_limit, const char* what) {
        size_t n;
        if (!u32(what, n) || !array(n, width, what, s.keys) || !array(n, value_size, what, s.values)) return false;
        if (n == 0) return fail(std::string(what) + " are empty");
        s.count = n;
        const std::byte* keys = t.bytes_.data() + s.keys;
        if (key_at(keys, width) != Key{}) return fail(std::string(what) + " do not start at address 0");
        for (size_t i = 1; i < n; ++i)
            if (!(key_at(keys + (i - 1) * width, width) < key_at(keys + i * width, width)))
                return fail(std::string(what) + " are not in ascending order at range " + std::to_string(i));
        for (size_t i = 0; i < n; ++i) {
            const std::byte* v = t.bytes_.data() + s.values + i * value_size;
            const size_t value = value_size == 1 ? std::to_integer<size_t>(*v) : load_le32(v);
            if (value > value_limit) return fail(std::string(what) + ": range " + std::to_string(i) + " has a bad value");
        }
        return true;
    }

    bool read() {
        if (!header() || !countries() || !organisations() || !systems()) return false;
        const size_t country_limit = t.country_codes_.length / 2;
        if (!section(t.v4_country_, kV4Key, 1, country_limit, "the IPv4 country ranges") ||
            !section(t.v4_system_, kV4Key, 4, t.system_count_, "the IPv4 ASN ranges") ||
            !section(t.v6_country_, kV6Key, 1, country_limit, "the IPv6 country ranges") ||
            !section(t.v6_system_, kV6Key, 4, t.system_count_, "the IPv6 ASN ranges"))
            return false;
        if (left() != 0) return fail(std::to_string(left()) + " bytes after the last section");
        return true;
    }
};

IpLocationTableParse IpLocationTable::parse(std::span<const std::byte> bytes) {
    return adopt(std::vector<std::byte>(bytes.begin(), bytes.end()));
}

IpLocationTableParse IpLocationTable::adopt(std::vector<std::byte> bytes) {
    IpLocationTable table;
    table.bytes_ = std::move(bytes);
    IpLocationTableReader reader(table);
    if (!reader.read()) return {std::nullopt, reader.error};
    return {std::move(table), {}};
}

std::string_view IpLocationTable::text(Span s) const {
    return {reinterpret_cast<const char*>(bytes_.data()) + s.offset, s.length};
}

IpLocation IpLocationTable::lookup(const IpBytes& address) const {
    const bool v4 = is_ipv4(address);
    const size_t width = v4 ? kV4Key : kV6Key;
    const Key key = key_of(address, v4);
    IpLocation out;

    const Section& countries = v4 ? v4_country_ : v6_country_;
    const size_t c = std::to_integer<size_t>(bytes_[countries.values + find_range(bytes_.data() + countries.keys, countries.count, width, key)]);
    if (c != 0) out.country = text({country_codes_.offset + (c - 1) * 2, 2});

    const Section& systems = v4 ? v4_system_ : v6_system_;
    const size_t i = find_range(bytes_.data() + systems.keys, systems.count, width, key);
    const size_t s = load_le32(bytes_.data() + systems.values + i * 4);
    if (s != 0) {
        out.asn = load_le32(bytes_.data() + system_numbers_ + (s - 1) * 4);
        const size_t o = load_le32(bytes_.data() + system_organisations_ + (s - 1) * 4);
        const size_t first = load_le32(bytes_.data() + organisation_offsets_ + o * 4);
        const size_t last = load_le32(bytes_.data() + organisation_offsets_ + (o + 1) * 4);
        out.organisation = text({organisation_text_ + first, last - first});
    }
    return out;
}

} // namespace sightline
