#include "import/client_fields.h"

#include "import/field_text.h"

namespace sightline {

std::string_view normalize_device_type(std::string_view text) {
    const std::string key = header_key(text);
    if (key.empty()) return {};
    if (key == "pc" || key == "desktop" || key == "computer" || key == "windowspc" || key == "laptop" || key == "workstation")
        return "PC";
    if (key == "mobile" || key == "phone" || key == "smartphone" || key == "mobilephone") return "Mobile";
    if (key == "tablet") return "Tablet";
    if (key == "other" || key == "unknown") return "Other";
    return {};
}

std::string_view normalize_result(std::string_view text) {
    const std::string key = header_key(text);
    if (key == "success" || key == "succeeded" || key == "true" || key == "partiallysucceeded" || key == "0" ||
        key == "successful" || key == "ok")
        return "Success";
    if (key == "failure" || key == "failed" || key == "false" || key == "fail" || key == "interrupted" || key == "error" ||
        key == "denied" || key == "blocked")
        return "Failure";
    return {};
}

} // namespace sightline
