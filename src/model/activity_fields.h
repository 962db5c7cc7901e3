// An activity's imported fields as views: of an Activity's strings, or of rows decoded from the
// parse worker's bytes (import/parsed_rows.h), which the store binds without copying them.
#pragma once

#include "model/activity.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// A list field's values: an Activity's vector of strings, or views held elsewhere.
class TextList {
public:
    TextList() = default;
    TextList(const std::vector<std::string>& values) : strings_(values.data()), size_(values.size()) {}
    TextList(std::span<const std::string_view> values) : views_(values.data()), size_(values.size()) {}
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    std::string_view operator[](size_t i) const { return strings_ ? std::string_view(strings_[i]) : views_[i]; }

private:
    const std::string* strings_ = nullptr;
    const std::string_view* views_ = nullptr;
    size_t size_ = 0;
};

// The fields an importer fills (not the analyst's marks, nor `raw`, which travels beside).
struct ActivityFields {
    std::string_view id;
    int64_t time_ms = 0;
    std::string_view app, activity_type, action_type, description, user, user_domain, ip, ip_category;
    TextList ip_tags;
    std::string_view country, city, isp, user_agent;
    TextList ua_tags;
    std::string_view device_type, browser, os;
    TextList objects;
    bool admin = false;
    bool impersonated = false;
    std::string_view result, source, file;
    TextList matched_policies;
};

// Views of `a`'s fields, valid while `a` is unchanged.
inline ActivityFields fields_of(const Activity& a) {
    return {a.id,        a.time_ms,     a.app,      a.activity_type, a.action_type, a.description,
            a.user,      a.user_domain, a.ip,       a.ip_category,   a.ip_tags,     a.country,
            a.city,      a.isp,         a.user_agent, a.ua_tags,     a.device_type, a.browser,
            a.os,        a.objects,     a.admin,    a.impersonated,  a.result,      a.source,
            a.file,      a.matched_policies};
}

} // namespace sightline
