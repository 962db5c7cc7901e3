// The activity drawer, in three tabs. General: every field of one activity with "add to filter"
// and a right-click menu each (add, exclude, copy), the IP's category and tags as chips, the
// pivots (same user, IP, activity type, location, 48 hours around it) and the raw record. User
// and IP address: the insights of imgui_ui/insights_tabs.h. The analyst can resize it; its size
// is kept across reloads (UiPlatform::write_layout).
#pragma once

#include "panel.h"
#include "app/app_model.h"
#include "ui_platform.h"

namespace sightline {

class ActivityDrawerPanel : public Panel {
public:
    const char* title() const override { return "Activity details"; }
    void draw(AppModel& model, UiPlatform& platform) override;

private:
    void place_window(UiPlatform& platform);
    void remember_size(UiPlatform& platform);
    void draw_general(AppModel& model, UiPlatform& platform, const Activity& a);
    void draw_pivots(AppModel& model, const Activity& a);
    void draw_fields(AppModel& model, UiPlatform& platform, const Activity& a);

    bool size_read_ = false;
    float width_ = 0, height_ = 0; // as the analyst left it; 0: the default
};

} // namespace sightline
