// Conversions between epoch milliseconds (how the store keeps time) and text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sightline {

// 2026-10-01T08:15:00.000Z, the form JavaScript's Date.toISOString() writes.
std::string format_iso8601_utc(int64_t epoch_ms);
// The same appended to `out`.
void append_iso8601_utc(std::string& out, int64_t epoch_ms);

// Accepts `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff...]]` with a space or T, and an optional
// `Z` or `+HH:MM` offset (no offset means UTC, as the exports write it).
std::optional<int64_t> parse_iso8601(std::string_view text);

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t days_from_civil(int64_t year, unsigned month, unsigned day);

} // namespace sightline
