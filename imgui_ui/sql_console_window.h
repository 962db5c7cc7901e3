// View > SQL console: a read-only SELECT over the activities table for power users, with the
// result in a table. Anything but one read-only statement is refused with the reason.
#pragma once

#include "panel.h"
#include "app/app_model.h"

#include <string>

namespace sightline {

class SqlConsoleWindow : public Panel {
public:
    const char* title() const override { return "SQL console"; }
    void draw(AppModel& model, UiPlatform& platform) override;
    Menu menu() const override { return Menu::View; }
    void open() override { open_ = true; }
    void close() override { open_ = false; }
    bool is_open() const override { return open_; }

private:
    bool open_ = false;
    std::string text_ = "SELECT user, count(*) AS activities\nFROM activities\nGROUP BY user\nORDER BY activities DESC\nLIMIT 20";
};

} // namespace sightline
