#include "import/location_text.h"

#include "import/field_text.h"

#include <cctype>
#include <unordered_map>

namespace sightline {
namespace {

// Common English names of the countries activity logs most often show; codes pass through.
const std::unordered_map<std::string, std::string_view>& country_names() {
    static const std::unordered_map<std::string, std::string_view> names = {
        {"unitedstates", "US"}, {"unitedstatesofamerica", "US"}, {"usa", "US"}, {"unitedkingdom", "GB"},
        {"greatbritain", "GB"}, {"uk", "GB"}, {"germany", "DE"}, {"france", "FR"}, {"spain", "ES"},
        {"italy", "IT"}, {"netherlands", "NL"}, {"belgium", "BE"}, {"switzerland", "CH"}, {"austria", "AT"},
        {"ireland", "IE"}, {"portugal", "PT"}, {"sweden", "SE"}, {"norway", "NO"}, {"denmark", "DK"},
        {"finland", "FI"}, {"poland", "PL"}, {"czechia", "CZ"}, {"czechrepublic", "CZ"}, {"romania", "RO"},
        {"ukraine", "UA"}, {"russia", "RU"}, {"russianfederation", "RU"}, {"turkey", "TR"}, {"israel", "IL"},
        {"india", "IN"}, {"china", "CN"}, {"japan", "JP"}, {"southkorea", "KR"}, {"korea", "KR"},
        {"singapore", "SG"}, {"australia", "AU"}, {"newzealand", "NZ"}, {"canada", "CA"}, {"mexico", "MX"},
        {"brazil", "BR"}, {"argentina", "AR"}, {"southafrica", "ZA"}, {"nigeria", "NG"}, {"egypt", "EG"},
        {"unitedarabemirates", "AE"}, {"saudiarabia", "SA"}, {"iran", "IR"}, {"northkorea", "KP"},
        {"vietnam", "VN"}, {"indonesia", "ID"}, {"philippines", "PH"}, {"thailand", "TH"}, {"malaysia", "MY"},
        {"hongkong", "HK"}, {"taiwan", "TW"}, {"pakistan", "PK"}, {"bangladesh", "BD"}, {"greece", "GR"},
        {"hungary", "HU"}, {"bulgaria", "BG"}, {"luxembourg", "LU"}, {"iceland", "IS"}, {"chile", "CL"},
        {"colombia", "CO"}, {"peru", "PE"}, {"kenya", "KE"}, {"morocco", "MA"}};
    return names;
}

bool is_alpha2(std::string_view text) {
    return text.size() == 2 && std::isalpha(static_cast<unsigned char>(text[0])) &&
           std::isalpha(static_cast<unsigned char>(text[1]));
}

} // namespace

std::string country_code(std::string_view text) {
    text = trim(text);
    if (is_alpha2(text)) {
        std::string code(text);
        for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return code;
    }
    auto it = country_names().find(header_key(text));
    return it == country_names().end() ? std::string{} : std::string(it->second);
}

Place parse_location_text(std::string_view text) {
    text = trim(text);
    Place place;
    if (text.empty()) return place;
    const size_t first_comma = text.find(',');
    if (first_comma == std::string_view::npos) {
        place.country = country_code(text);
        if (place.country.empty()) place.city = std::string(text);
        return place;
    }
    const size_t last_comma = text.rfind(',');
    place.city = std::string(trim(text.substr(0, first_comma)));
    place.country = country_code(text.substr(last_comma + 1));
    return place;
}

} // namespace sightline
