// The analyst's IP address ranges (Defender: Settings > IP address ranges): named sets of CIDR
// ranges with a category, tags, and an optional ISP and country that override the export's.
// This table checks them (precise errors, no overlaps between the analyst's ranges) and turns
// them into what the store writes (store/ip_overrides.h); AppModel applies them to the data.
//
// Built-in ranges (private, shared, loopback, link-local, unique-local addresses) tag their
// addresses `Internal` and set no category; the analyst's ranges may cover them and win.
#pragma once

#include "store/ip_overrides.h"
#include "util/ip_address.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// The categories of the contract, in Defender's order.
std::span<const std::string_view> ip_categories();

struct IpRangeDefinition {
    std::string name;
    std::vector<std::string> cidrs; // as written by the analyst, each checked by parse_cidr_strict
    std::string category;           // one of ip_categories(); empty only for built-in ranges
    std::vector<std::string> tags;
    std::string isp;                // empty: the export's ISP stays
    std::string country;            // ISO 3166-1 alpha-2, or empty: the export's country stays
    bool builtin = false;
    std::string note;               // built-in ranges say why they are there
};

class IpRangeTable {
public:
    static constexpr size_t kMaxNameChars = 100;

    // Creates a range, or edits the one named `editing` (then `range.name` may rename it).
    // Returns an error (which CIDR and why, or the range it overlaps) and changes nothing
    // then. Names are unique ignoring ASCII case; CIDRs are stored in canonical form.
    std::string set(IpRangeDefinition range, std::string_view editing = {});
    std::string remove(std::string_view name);

    // The analyst's ranges, sorted by name ignoring case, then the built-in ones.
    std::vector<IpRangeDefinition> all() const;
    const std::vector<IpRangeDefinition>& custom() const { return custom_; }
    static const std::vector<IpRangeDefinition>& builtin();
    const IpRangeDefinition* find(std::string_view name) const; // the analyst's or a built-in one
    // The analyst's range containing `address`, if any.
    const IpRangeDefinition* custom_range_containing(const IpBytes& address) const;

    // What the store writes: the built-in ranges first, so the analyst's win.
    std::vector<IpOverride> overrides() const;

    bool operator==(const IpRangeTable&) const = default;

private:
    std::vector<IpRangeDefinition> custom_;
};

// The range checked and cleaned (trimmed name and tags, canonical CIDRs and category, the
// country upper-cased), or the reason it cannot be used in `error`.
struct IpRangeCheck {
    IpRangeDefinition range;
    std::vector<IpRange> parsed; // one per CIDR
    std::string error;
};
IpRangeCheck check_ip_range(IpRangeDefinition range);

bool operator==(const IpRangeDefinition& a, const IpRangeDefinition& b);

} // namespace sightline
