// The activity drawer: every field of one activity with an "add to filter" button each, the
// pivots (same user, IP, activity type, location, 48 hours around it) and the raw record.
#pragma once

#include "panel.h"
#include "app/app_model.h"

namespace sightline {

class ActivityDrawerPanel : public Panel {
public:
    const char* title() const override { return "Activity details"; }
    void draw(AppModel& model, UiPlatform& platform) override;

private:
    void draw_pivots(AppModel& model, const Activity& a);
    void draw_fields(AppModel& model, const Activity& a);
};

} // namespace sightline
