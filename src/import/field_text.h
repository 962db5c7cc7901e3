// Small text helpers the importers share: trimming, case-insensitive comparison, header keys,
// yes/no flags and list cells (a JSON array or `;`-joined text).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

std::string_view trim(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view text, std::string_view prefix);

// Letters and digits only, lower-cased: "IP address", "ip_address" and "IPAddress" all become
// "ipaddress", so header aliases need one spelling each.
std::string header_key(std::string_view header);

// true/false, yes/no, 1/0 (any case); nullopt for anything else.
std::optional<bool> parse_flag(std::string_view text);

// A list cell: a JSON array of strings/numbers, or text joined with `;` (or `,` when asked).
std::vector<std::string> split_list(std::string_view text, bool also_commas = false);
// split_list's inverse, as Sightline's CSV export writes a list: joined with "; ", or a JSON
// array when a value holds ';' or the first starts with '['.
std::string join_list(const std::vector<std::string>& values);

void append_unique(std::vector<std::string>& list, std::string_view value);

// The part of a user principal name after '@' (lower-cased), or "" when there is none.
std::string domain_of_user(std::string_view user);

} // namespace sightline
