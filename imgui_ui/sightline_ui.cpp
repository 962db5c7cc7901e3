#include "sightline_ui.h"

#include "about_window.h"
#include "activity_drawer_panel.h"
#include "ip_ranges_panel.h"
#include "alerts_panel.h"
#include "item_locator.h"
#include "mapping_dialog.h"
#include "number_format.h"
#include "policies_panel.h"
#include "sql_console_window.h"

#include <imgui.h>

namespace sightline {

SightlineUi::SightlineUi(AppModel& model, UiPlatform& platform) : model_(model), platform_(platform) {
    auto import_panel = std::make_unique<ImportPanel>();
    import_panel_ = import_panel.get();
    windows_.push_back(std::move(import_panel));
    windows_.push_back(std::make_unique<MappingDialog>());
    auto export_panel = std::make_unique<CsvExportPanel>();
    export_panel_ = export_panel.get();
    windows_.push_back(std::move(export_panel));
    auto settings_window = std::make_unique<SettingsFileWindow>();
    settings_window_ = settings_window.get();
    windows_.push_back(std::move(settings_window));
    windows_.push_back(std::make_unique<ActivityDrawerPanel>());
    windows_.push_back(std::make_unique<SqlConsoleWindow>());
    windows_.push_back(std::make_unique<IpRangesPanel>());
    windows_.push_back(std::make_unique<PoliciesPanel>());
    windows_.push_back(std::make_unique<AlertsPanel>());
    windows_.push_back(std::make_unique<AboutWindow>());
}

void SightlineUi::draw() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                             ImGuiWindowFlags_NoSavedSettings;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::Begin("Sightline", nullptr, flags);
    ImGui::PopStyleVar();

    handle_global_keys();
    draw_menu_bar();
    draw_demo_banner();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Activity log");
    ImGui::SameLine();
    queries_bar_.draw(model_, platform_);
    // While the id list is still being read the count is a lower bound.
    std::string counter = model_.log().searching() ? "Searching " + format_count(model_.log().total_activities()) + " activities..."
                                             : format_count(model_.log().view().size()) +
                                                   (model_.log().view().is_complete() ? "" : "+") + " of " +
                                                   format_count(model_.log().total_activities()) + " activities";
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(counter.c_str()).x);
    ImGui::TextUnformatted(counter.c_str());
    note_item("counter");
    filter_bar_.draw(model_, platform_);
    // While files are read, the chart and the table stand aside: they would show the data as
    // it was, and a redrawn table is most of a frame's cost where WebGL runs on the CPU.
    const bool importing = model_.import_session().job() && !model_.import_session().mapping_prompt();
    if (!importing) timeline_.draw(model_, platform_);

    float status_height = ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("activity_log_region", ImVec2(0, -status_height));
    if (importing) ImGui::TextDisabled("The activity log shows the new activities when the import finishes.");
    else if (model_.log().searching()) ImGui::TextDisabled("%s", model_.background_status().c_str());
    else activity_log_.draw(model_, platform_);
    ImGui::EndChild();
    draw_status_bar();
    ImGui::End();

    for (const auto& window : windows_) window->draw(model_, platform_);
}

void SightlineUi::handle_global_keys() {
    if (ImGui::GetIO().WantTextInput) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::SetWindowFocus(nullptr);
        return;
    }
    // `/` focuses the filter bar's search box; Esc closes the drawer, then clears filters.
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters)
        if (c == '/') filter_bar_.focus_search();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        if (model_.opened_activity()) model_.close_activity();
        else if (!model_.log().filter().empty()) model_.log().set_filter({});
    }
}

void SightlineUi::draw_menu_bar() {
    if (!ImGui::BeginMenuBar()) return;
    bool file_menu = ImGui::BeginMenu("File");
    note_item("menu:File");
    if (file_menu) {
        if (ImGui::MenuItem("Open files...")) platform_.open_file_picker();
        note_item("menu:File/Open files...");
        if (ImGui::MenuItem("Load demo data", nullptr, false, !model_.showing_demo_data() && !model_.import_session().job()))
            model_.load_demo_data();
        if (ImGui::MenuItem("Last import report", nullptr, false, !model_.import_session().last_reports().empty()))
            import_panel_->open();
        if (ImGui::MenuItem("Export CSV...", nullptr, false, !model_.import_session().job())) export_panel_->open();
        note_item("menu:File/Export CSV...");
        if (ImGui::MenuItem("Settings file...")) settings_window_->open();
        note_item("menu:File/Settings file...");
        ImGui::Separator();
        if (ImGui::MenuItem("Clear all activities", nullptr, false,
                            model_.log().total_activities() > 0 && !model_.import_session().job()))
            model_.clear_activities();
        note_item("menu:File/Clear all activities");
        ImGui::EndMenu();
    }
    const bool view_menu = ImGui::BeginMenu("View");
    note_item("menu:View");
    if (view_menu) {
        if (ImGui::MenuItem("Clear filters", nullptr, false, !model_.log().filter().empty())) model_.log().set_filter({});
        draw_window_menu(Panel::Menu::View);
        ImGui::EndMenu();
    }
    const bool help_menu = ImGui::BeginMenu("Help");
    note_item("menu:Help");
    if (help_menu) {
        draw_window_menu(Panel::Menu::Help);
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void SightlineUi::draw_demo_banner() {
    if (!model_.showing_demo_data()) return;
    static constexpr const char* kText = "DEMO DATA: these activities are generated examples, not a real log. "
                                         "Open your own export with File > Open files, or drop files onto the page.";
    // The text wraps on a narrow window; the banner is as tall as its lines.
    const float wrap = ImGui::GetContentRegionAvail().x - 16;
    const float text_height = ImGui::CalcTextSize(kText, nullptr, false, wrap).y;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.35f, 0.27f, 0.05f, 1.0f));
    ImGui::BeginChild("demo_banner", ImVec2(0, text_height + 12), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPos(ImVec2(8, 6));
    ImGui::PushTextWrapPos(8 + wrap);
    ImGui::TextUnformatted(kText);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void SightlineUi::draw_status_bar() {
    ImGui::Separator();
    std::string status = format_count(model_.log().total_activities()) + " activities loaded";
    if (model_.showing_demo_data()) status += " (demo data)";
    status += "  |  Offline: nothing leaves this page";
    std::string background = model_.background_status();
    if (!background.empty()) status += "  |  " + background;
    ImGui::TextUnformatted(status.c_str());
}

// The menu's entries for the windows that name it. In View an entry is ticked while its
// window is open and choosing it toggles the window; in Help choosing one opens it.
void SightlineUi::draw_window_menu(Panel::Menu menu) {
    for (const auto& window : windows_) {
        if (window->menu() != menu) continue;
        const bool ticked = menu == Panel::Menu::View && window->is_open();
        const bool chosen = ImGui::MenuItem(window->title(), nullptr, ticked);
        note_item(std::string(menu == Panel::Menu::View ? "menu:View/" : "menu:Help/") + window->title());
        if (!chosen) continue;
        if (ticked) window->close();
        else window->open();
    }
}

} // namespace sightline
