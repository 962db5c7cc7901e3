// The "Tags and comment" window for one activity: free-text tags (comma-separated) and a
// comment, saved as the analyst's marks through the app model.
#pragma once

#include "app/app_model.h"

#include <string>

namespace sightline {

class MarksEditor {
public:
    void open(const Activity& activity);
    void draw(AppModel& model);

private:
    bool open_ = false;
    std::string id_;
    std::string title_;
    std::string tags_;
    std::string comment_;
    std::string error_;
};

} // namespace sightline
