// The whole Sightline window: menu bar, the activity log, the status bar. Draws from the
// application model and turns clicks and keys into its commands.
#pragma once

#include "activity_log_panel.h"
#include "app/app_model.h"
#include "activity_drawer_panel.h"
#include "filter_bar_panel.h"
#include "import_panel.h"
#include "mapping_dialog.h"
#include "queries_bar.h"
#include "sql_console_window.h"
#include "timeline_panel.h"
#include "ui_platform.h"

namespace sightline {

class SightlineUi {
public:
    SightlineUi(AppModel& model, UiPlatform& platform) : model_(model), platform_(platform) {}

    // Draws one frame's widgets. Call between ImGui::NewFrame() and ImGui::Render().
    void draw();

private:
    void draw_menu_bar();
    void draw_demo_banner();
    void draw_status_bar();
    void draw_about_window();
    void handle_global_keys();

    AppModel& model_;
    UiPlatform& platform_;
    ActivityLogPanel activity_log_;
    ImportPanel import_panel_;
    MappingDialog mapping_dialog_;
    FilterBarPanel filter_bar_;
    ActivityDrawerPanel drawer_;
    QueriesBar queries_bar_;
    TimelinePanel timeline_;
    SqlConsoleWindow sql_console_;
    bool show_about_ = false;
};

} // namespace sightline
