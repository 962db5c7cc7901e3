// The timeline over the activity log: a histogram of the filtered activities over time,
// on an axis that spans all loaded data. Drag across it to set the date range.
#pragma once

#include "panel.h"
#include "app/app_model.h"
#include "query/timeline_histogram.h"

#include <cstdint>

namespace sightline {

class TimelinePanel : public Panel {
public:
    const char* title() const override { return "Timeline"; }
    void draw(AppModel& model, UiPlatform& platform) override;

private:
    // Without the column copy, counting a large data set is one SQL pass that held a frame for
    // ~100 ms in the page: the chart waits for the copy (built between frames) instead.
    static constexpr int64_t kMaxRowsWithoutCopy = 100000;
    // Rebuilds the histogram when the data or filter changed, or the copy became ready.
    void update(AppModel& model);

    TimelineHistogram histogram_;
    uint64_t revision_ = UINT64_MAX;
    bool built_with_copy_ = false;
    bool waiting_for_copy_ = false;
    float drag_from_ = -1.0f;
};

} // namespace sightline
