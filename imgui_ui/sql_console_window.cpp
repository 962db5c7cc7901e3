#include "sql_console_window.h"

#include "item_locator.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace sightline {

void SqlConsoleWindow::draw(AppModel& model, UiPlatform&) {
    if (!open_) return;
    ImGui::SetNextWindowSize(ImVec2(46 * ImGui::GetFontSize(), 30 * ImGui::GetFontSize()), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("SQL console", &open_)) {
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("Read-only: one SELECT over activities and its side tables (activity_ip_tags, ...).");
    ImGui::InputTextMultiline("##sql", &text_, ImVec2(-1, 6 * ImGui::GetFontSize()));
    const bool run = ImGui::Button("Run");
    note_item("sql:run");
    if (run || (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))))
        model.run_sql(text_);
    const SqlConsoleResult& r = model.sql_result();
    if (!r.ok()) {
        ImGui::TextColored(ImVec4(1, 0.55f, 0.5f, 1), "%s", r.error.c_str());
    } else if (!r.columns.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%zu rows%s", r.rows.size(), r.truncated ? " (more not shown)" : "");
        int columns = static_cast<int>(std::min<size_t>(r.columns.size(), 64));
        if (ImGui::BeginTable("sql_result", columns, ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                                         ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable |
                                                         ImGuiTableFlags_BordersV)) {
            for (int c = 0; c < columns; ++c) ImGui::TableSetupColumn(r.columns[static_cast<size_t>(c)].c_str());
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableHeadersRow();
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(r.rows.size()));
            while (clipper.Step())
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    ImGui::TableNextRow();
                    for (int c = 0; c < columns; ++c) {
                        ImGui::TableNextColumn();
                        const auto& cell = r.rows[static_cast<size_t>(i)][static_cast<size_t>(c)];
                        if (cell) ImGui::TextUnformatted(cell->c_str());
                        else ImGui::TextDisabled("NULL");
                    }
                }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

} // namespace sightline
