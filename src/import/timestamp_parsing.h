// Reads the date/time forms the supported exports write, all meaning UTC unless an offset is
// given: ISO 8601 (any fraction length), US locale `9/20/2023 4:05:03 AM` (also with a comma
// after the year, as Log Analytics writes it), `Sep 20, 2023 4:05 AM`, and epoch seconds or ms.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sightline {

std::optional<int64_t> parse_timestamp(std::string_view text);

} // namespace sightline
