// View > SQL console: a read-only SELECT over the activities table for power users, with the
// result in a table. Anything but one read-only statement is refused with the reason.
#pragma once

#include "app/app_model.h"

#include <string>

namespace sightline {

class SqlConsoleWindow {
public:
    void draw(AppModel& model);
    bool& open() { return open_; }

private:
    bool open_ = false;
    std::string text_ = "SELECT user, count(*) AS activities\nFROM activities\nGROUP BY user\nORDER BY activities DESC\nLIMIT 20";
};

} // namespace sightline
