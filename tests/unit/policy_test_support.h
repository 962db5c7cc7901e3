// Helpers the policy tests share: activities written as "field=value|field=value" (values as
// a table cell would hold them, lists split as the importers split them), stored in a store,
// and policies parsed from JSON.
#pragma once

#include "filter/policy_json.h"
#include "import/field_from_text.h"
#include "model/canonical_fields.h"
#include "store/activity_store.h"
#include "util/time_format.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::testing {

inline constexpr int64_t kDayOne = 1764547200000;  // 2025-12-01T00:00:00Z

// `time` is milliseconds after kDayOne; `raw` the record's text; anything else a field.
inline Activity activity_from_spec(std::string_view spec, int serial) {
    Activity a;
    a.id = "act-" + std::to_string(serial);
    a.time_ms = kDayOne;
    a.activity_type = "Log on";
    a.app = "Microsoft Exchange Online";
    a.user = "ann@contoso.example";
    a.ip = "198.51.100.7";
    while (!spec.empty()) {
        size_t bar = spec.find('|');
        std::string_view part = spec.substr(0, bar);
        spec = bar == std::string_view::npos ? std::string_view{} : spec.substr(bar + 1);
        size_t eq = part.find('=');
        REQUIRE_MESSAGE(eq != std::string_view::npos, "fixture part without '=': " << part);
        std::string_view key = part.substr(0, eq), value = part.substr(eq + 1);
        if (key == "time") a.time_ms = kDayOne + std::stoll(std::string(value));
        else if (key == "raw") a.raw = std::string(value);
        else if (key == "id") a.id = std::string(value);
        else {
            auto field = find_field_id(key);
            REQUIRE_MESSAGE(field.has_value(), "fixture names no field: " << key);
            set_field_from_text(a, *field, value);
        }
    }
    if (a.raw.empty()) a.raw = "{\"Id\":\"" + a.id + "\"}";
    return a;
}

inline std::vector<Activity> activities_from_specs(const std::vector<std::string>& specs, int first_serial = 0) {
    std::vector<Activity> out;
    for (const std::string& s : specs) out.push_back(activity_from_spec(s, first_serial + static_cast<int>(out.size())));
    return out;
}

inline void store_activities(ActivityStore& store, const std::vector<Activity>& activities) {
    ActivityWriter writer(store);
    for (const Activity& a : activities) writer.insert(a);
    writer.commit();
}

inline ActivityPolicy policy_from_json(std::string_view json) {
    PolicyParseResult parsed = parse_policy_json(json);
    REQUIRE_MESSAGE(parsed.policy.has_value(), parsed.error);
    return *parsed.policy;
}

} // namespace sightline::testing
