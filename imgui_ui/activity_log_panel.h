// The activity log table: one row per activity, newest first, Defender's columns. Virtual:
// it reads only the rows on screen from the model's ActivityView.
#pragma once

#include "app/app_model.h"

namespace sightline {

class ActivityLogPanel {
public:
    void draw(AppModel& model);

private:
    void apply_sort_specs(AppModel& model);
    void draw_rows(AppModel& model);

    int64_t selected_position_ = -1;
};

} // namespace sightline
