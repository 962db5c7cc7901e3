#include "sightline_ui.h"

#include "item_locator.h"
#include "number_format.h"

#include <imgui.h>

namespace sightline {

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
    queries_bar_.draw(model_);
    // While the id list is still being read the count is a lower bound.
    std::string counter = model_.log().searching() ? "Searching " + format_count(model_.log().total_activities()) + " activities..."
                                             : format_count(model_.log().view().size()) +
                                                   (model_.log().view().is_complete() ? "" : "+") + " of " +
                                                   format_count(model_.log().total_activities()) + " activities";
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(counter.c_str()).x);
    ImGui::TextUnformatted(counter.c_str());
    note_item("counter");
    filter_bar_.draw(model_);
    // While files are read, the chart and the table stand aside: they would show the data as
    // it was, and a redrawn table is most of a frame's cost where WebGL runs on the CPU.
    const bool importing = model_.import_job() && !model_.mapping_prompt();
    if (!importing) timeline_.draw(model_);

    float status_height = ImGui::GetFrameHeightWithSpacing();
    ImGui::BeginChild("activity_log_region", ImVec2(0, -status_height));
    if (importing) ImGui::TextDisabled("The activity log shows the new activities when the import finishes.");
    else if (model_.log().searching()) ImGui::TextDisabled("%s", model_.background_status().c_str());
    else activity_log_.draw(model_, platform_);
    ImGui::EndChild();
    draw_status_bar();
    ImGui::End();

    import_panel_.draw(model_);
    mapping_dialog_.draw(model_);
    drawer_.draw(model_);
    sql_console_.draw(model_);
    draw_about_window();
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
        if (ImGui::MenuItem("Load demo data", nullptr, false, !model_.showing_demo_data() && !model_.import_job()))
            model_.load_demo_data();
        if (ImGui::MenuItem("Last import report", nullptr, false, !model_.last_import_reports().empty()))
            import_panel_.show_report();
        ImGui::Separator();
        if (ImGui::MenuItem("Clear all activities", nullptr, false,
                            model_.log().total_activities() > 0 && !model_.import_job()))
            model_.clear_activities();
        note_item("menu:File/Clear all activities");
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Clear filters", nullptr, false, !model_.log().filter().empty())) model_.log().set_filter({});
        ImGui::MenuItem("SQL console", nullptr, &sql_console_.open());
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("About Sightline")) show_about_ = true;
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void SightlineUi::draw_demo_banner() {
    if (!model_.showing_demo_data()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.35f, 0.27f, 0.05f, 1.0f));
    ImGui::BeginChild("demo_banner", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + 4), false,
                      ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPos(ImVec2(8, 4));
    ImGui::TextUnformatted("DEMO DATA: these activities are generated examples, not a real log. "
                           "Open your own export with File > Open files, or drop files onto the page.");
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

void SightlineUi::draw_about_window() {
    if (!show_about_) return;
    ImGui::SetNextWindowSize(ImVec2(460, 0), ImGuiCond_Appearing);
    if (ImGui::Begin("About Sightline", &show_about_, ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextUnformatted("Sightline: a private, offline activity-log analyser.");
        ImGui::TextWrapped("Your files are read inside this page and kept in its memory. "
                           "Nothing is uploaded: the page makes no request beyond its own files.");
    }
    ImGui::End();
}

} // namespace sightline
