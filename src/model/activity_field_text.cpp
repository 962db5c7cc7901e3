#include "model/activity_field_text.h"

#include "util/time_format.h"

namespace sightline {

std::vector<std::string>* activity_list_field(Activity& a, std::string_view field) {
    return const_cast<std::vector<std::string>*>(activity_list_field(static_cast<const Activity&>(a), field));
}

const std::vector<std::string>* activity_list_field(const Activity& a, std::string_view field) {
    if (field == "ip_tags") return &a.ip_tags;
    if (field == "ua_tags") return &a.ua_tags;
    if (field == "objects") return &a.objects;
    if (field == "matched_policies") return &a.matched_policies;
    if (field == "tags") return &a.tags;
    return nullptr;
}

std::string activity_field_text(const Activity& a, std::string_view field) {
    if (const std::vector<std::string>* list = activity_list_field(a, field)) {
        std::string out;
        for (const std::string& v : *list) {
            if (!out.empty()) out += ", ";
            out += v;
        }
        return out;
    }
    if (field == "time") return format_iso8601_utc(a.time_ms);
    if (field == "admin") return a.admin ? "true" : "false";
    if (field == "impersonated") return a.impersonated ? "true" : "false";
    if (field == "starred") return a.starred ? "true" : "false";
    const std::pair<std::string_view, const std::string*> texts[] = {
        {"id", &a.id}, {"app", &a.app}, {"activity_type", &a.activity_type}, {"action_type", &a.action_type},
        {"description", &a.description}, {"user", &a.user}, {"user_domain", &a.user_domain}, {"ip", &a.ip},
        {"ip_category", &a.ip_category}, {"country", &a.country}, {"city", &a.city}, {"isp", &a.isp},
        {"user_agent", &a.user_agent}, {"device_type", &a.device_type}, {"browser", &a.browser}, {"os", &a.os},
        {"result", &a.result}, {"source", &a.source}, {"file", &a.file}, {"comment", &a.comment}, {"raw", &a.raw},
    };
    for (const auto& [name, value] : texts)
        if (name == field) return *value;
    return {};
}

} // namespace sightline
