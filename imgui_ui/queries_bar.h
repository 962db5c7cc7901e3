// "Queries: Select a query" over the activity log: the suggested queries, the analyst's
// saved ones (apply, rename, delete), and "Save as" for the current filter.
#pragma once

#include "panel.h"
#include "app/app_model.h"

#include <string>

namespace sightline {

class QueriesBar : public Panel {
public:
    const char* title() const override { return "Queries"; }
    void draw(AppModel& model, UiPlatform& platform) override;

private:
    void draw_save_as_popup(AppModel& model);
    void draw_manage_popup(AppModel& model);

    std::string name_;
    std::string rename_from_;
    std::string message_;
};

} // namespace sightline
