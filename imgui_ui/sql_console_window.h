// View > SQL console: a read-only SELECT over the activities table for power users, with the
// result in a table. Anything but one read-only statement is refused with the reason.
#pragma once

#include "panel.h"
#include "app/app_model.h"

#include <string>

namespace sightline {

class SqlConsoleWindow : public MenuWindow {
public:
    const char* title() const override { return "SQL console"; }
    void draw(AppModel& model, UiPlatform& platform) override;
    Menu menu() const override { return Menu::View; }

private:
    std::string text_ = "SELECT user, count(*) AS activities\nFROM activities\nGROUP BY user\nORDER BY activities DESC\nLIMIT 20";
};

} // namespace sightline
