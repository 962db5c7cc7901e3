// Locations as exports write them ("US", "Paris, Ile-de-France, FR", "United States") turned
// into the canonical city and ISO 3166-1 alpha-2 country.
#pragma once

#include <string>
#include <string_view>

namespace sightline {

struct Place {
    std::string city;
    std::string country; // alpha-2, upper case; "" when not recognised
};

// Two letters are a country code; a country name is looked up in a small table of common
// names; "City, State, Country" splits on commas (first part city, last part country).
Place parse_location_text(std::string_view text);

// Alpha-2 code for a code or a common English country name; "" when unknown.
std::string country_code(std::string_view text);

} // namespace sightline
