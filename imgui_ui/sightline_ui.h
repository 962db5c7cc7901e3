// The whole Sightline window: menu bar, the activity log's regions (queries, filters,
// timeline, table), the status bar, and the list of windows over it (imgui_ui/panel.h). Draws
// from the application model and turns clicks and keys into its commands.
#pragma once

#include "activity_log_panel.h"
#include "csv_export_panel.h"
#include "app/app_model.h"
#include "filter_bar_panel.h"
#include "import_panel.h"
#include "panel.h"
#include "queries_bar.h"
#include "settings_file_window.h"
#include "timeline_panel.h"
#include "ui_platform.h"

#include <memory>
#include <vector>

namespace sightline {

class SightlineUi {
public:
    SightlineUi(AppModel& model, UiPlatform& platform);

    // Draws one frame's widgets. Call between ImGui::NewFrame() and ImGui::Render().
    void draw();

private:
    void draw_menu_bar();
    void draw_demo_banner();
    void draw_status_bar();
    void draw_window_menu(Panel::Menu menu);
    void handle_global_keys();

    AppModel& model_;
    UiPlatform& platform_;
    // The main window's regions, laid out by draw().
    QueriesBar queries_bar_;
    FilterBarPanel filter_bar_;
    TimelinePanel timeline_;
    ActivityLogPanel activity_log_;
    // The windows, drawn in this order after the main window (later ones on top), and listed
    // in the menu each names. The constructor fills it: a new window is one line there.
    std::vector<std::unique_ptr<Panel>> windows_;
    ImportPanel* import_panel_ = nullptr; // in windows_; File > Last import report opens it
    CsvExportPanel* export_panel_ = nullptr; // in windows_; File > Export CSV... opens it
    SettingsFileWindow* settings_window_ = nullptr; // in windows_; File > Settings file... opens it
};

} // namespace sightline
