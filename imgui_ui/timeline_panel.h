// The timeline over the activity log: a histogram of the filtered activities over time,
// on an axis that spans all loaded data. Drag across it to set the date range.
#pragma once

#include "app/app_model.h"
#include "query/timeline_histogram.h"

#include <cstdint>

namespace sightline {

class TimelinePanel {
public:
    void draw(AppModel& model);

private:
    TimelineHistogram histogram_;
    uint64_t revision_ = UINT64_MAX;
    float drag_from_ = -1.0f;
};

} // namespace sightline
