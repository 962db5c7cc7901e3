// The activity log table: one row per activity, newest first, Defender's columns. Virtual:
// it reads only the rows on screen from the model's ActivityView. Right-click a cell to
// filter by its value or copy it; arrows move the selection, Enter opens the drawer.
#pragma once

#include "panel.h"
#include "app/app_model.h"
#include "marks_editor.h"
#include "ui_platform.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sightline {

class ActivityLogPanel : public Panel {
public:
    const char* title() const override { return "Activity log"; }
    void draw(AppModel& model, UiPlatform& platform) override;
    int64_t selected_position() const { return selected_position_; }

private:
    void apply_sort_specs(AppModel& model);
    void draw_rows(AppModel& model, UiPlatform& platform);
    void draw_cell_menu(AppModel& model, UiPlatform& platform, const Activity& a, int column);
    void handle_keys(AppModel& model);
    void report_visible_columns(AppModel& model);

    int64_t selected_position_ = -1;
    bool scroll_to_selection_ = false;
    uint64_t view_revision_ = 0;
    int menu_column_ = 0;
    MarksEditor marks_editor_;
    std::vector<std::string> reported_columns_;
};

} // namespace sightline
