// View > IP address ranges: the analyst's ranges and the built-in ones in a table, with a form
// to add or edit one (name, CIDRs, category, tags, ISP and country overrides), Remove, and
// Undo (also Ctrl+Z while the window has focus). Every button is a command of AppModel; its
// error is shown under the form and nothing changes.
#pragma once

#include "panel.h"
#include "app/app_model.h"

#include <optional>
#include <string>

namespace sightline {

class IpRangesPanel : public MenuWindow {
public:
    const char* title() const override { return "IP address ranges"; }
    void draw(AppModel& model, UiPlatform& platform) override;
    Menu menu() const override { return Menu::View; }

private:
    // The form's fields as typed: lists are comma- or line-separated text.
    struct Form {
        std::string editing; // the range's name before the edit; empty for a new range
        std::string name, cidrs, category = "Corporate", tags, isp, country;
    };
    void draw_table(AppModel& model);
    void draw_form(AppModel& model);
    void start_edit(const IpRangeDefinition& range);
    void save(AppModel& model);
    void show_result(const std::string& error);

    std::optional<Form> form_;
    std::string error_;
};

} // namespace sightline
