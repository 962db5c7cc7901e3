#include "model/activity_field_text.h"
#include "model/canonical_fields.h"

#include <doctest/doctest.h>

using namespace sightline;

TEST_CASE("every canonical field has a text form") {
    Activity a;
    a.id = "x1";
    a.time_ms = 1000;
    a.user = "ann@contoso.example";
    a.ip_tags = {"Corporate", "VPN"};
    a.admin = true;
    CHECK(activity_field_text(a, "id") == "x1");
    CHECK(activity_field_text(a, "time") == "1970-01-01T00:00:01.000Z");
    CHECK(activity_field_text(a, "user") == "ann@contoso.example");
    CHECK(activity_field_text(a, "ip_tags") == "Corporate, VPN");
    CHECK(activity_field_text(a, "admin") == "true");
    CHECK(activity_field_text(a, "impersonated") == "false");
    // A field missing from the lookup would silently show blank cells: set them all and check.
    Activity full;
    for (const FieldInfo& f : canonical_fields()) {
        if (auto* list = activity_list_field(full, f.name)) const_cast<std::vector<std::string>*>(list)->push_back("v");
    }
    const std::string value = "v";
    for (std::string* text : {&full.app, &full.activity_type, &full.action_type, &full.description, &full.user,
                              &full.user_domain, &full.ip, &full.ip_category, &full.country, &full.city, &full.isp,
                              &full.user_agent, &full.device_type, &full.browser, &full.os, &full.result,
                              &full.source, &full.file, &full.id, &full.comment})
        *text = value; // not assign("v"): GCC 12 warns falsely there (-Wrestrict, bug 105329)
    for (const FieldInfo& f : canonical_fields()) {
        CAPTURE(f.name);
        CHECK_FALSE(activity_field_text(full, f.name).empty());
    }
}
