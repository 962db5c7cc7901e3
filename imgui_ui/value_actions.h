// What every value the drawer shows offers: "add to filter" (a small + button) and, on a
// right click, a menu to add it, exclude it or copy it. One place, so the General tab's fields
// and the insights' lists behave alike.
#pragma once

#include "app/app_model.h"
#include "ui_platform.h"

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// Adds `field` = value to the log's filter (a boolean: is true / is false), or with `exclude`
// its opposite (neq; a boolean's other truth value).
void add_value_to_filter(AppModel& model, std::string_view field, const std::string& value, bool exclude);

// The right-click menu of the last drawn item. `values` are what add and exclude use (a list
// field's elements); `text` is what Copy copies.
void value_context_menu(AppModel& model, UiPlatform& platform, std::string_view field,
                        const std::vector<std::string>& values, const std::string& text);

// A small framed label, as Defender shows an IP's category and tags.
void draw_chip(const std::string& text, bool warning = false);

} // namespace sightline
