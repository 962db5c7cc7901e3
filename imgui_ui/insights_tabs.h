// The activity drawer's User and IP address tabs: the opened activity's user or IP address
// over the 30 days before the newest loaded activity (query/entity_insights.h): the counts, the
// window and its dates, a daily chart, a map of the places, the lists behind the counts (a
// click filters the log by the subject and that value) and "Filter by this ...". The counts
// are worked out between frames (app/drawer_insights.h); until then the tab says so.
#pragma once

#include "app/app_model.h"
#include "ui_platform.h"

namespace sightline {

void draw_user_insights_tab(AppModel& model, UiPlatform& platform, const Activity& activity);
void draw_ip_insights_tab(AppModel& model, UiPlatform& platform, const Activity& activity);

} // namespace sightline
