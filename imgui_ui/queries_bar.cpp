#include "queries_bar.h"

#include "app/suggested_queries.h"
#include "item_locator.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace sightline {

void QueriesBar::draw(AppModel& model, UiPlatform&) {
    ImGui::SetNextItemWidth(16 * ImGui::GetFontSize());
    if (ImGui::BeginCombo("##queries", "Queries: select a query")) {
        ImGui::TextDisabled("Suggested queries");
        for (const NamedQuery& q : suggested_queries())
            if (ImGui::Selectable(q.name.c_str())) message_ = model.apply_query(q.name);
        ImGui::Separator();
        ImGui::TextDisabled("Saved queries (%zu)", model.settings().saved_queries().size());
        for (const NamedQuery& q : model.settings().saved_queries().list())
            if (ImGui::Selectable((q.name + "##saved").c_str())) message_ = model.apply_query(q.name);
        ImGui::EndCombo();
    }
    note_item("queries:combo");
    ImGui::SameLine();
    if (ImGui::Button("Save as")) {
        name_.clear();
        ImGui::OpenPopup("save_query");
    }
    note_item("queries:save_as");
    ImGui::SameLine();
    if (ImGui::Button("Manage")) ImGui::OpenPopup("manage_queries");
    draw_save_as_popup(model);
    draw_manage_popup(model);
    if (!message_.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1, 0.55f, 0.5f, 1), "%s", message_.c_str());
    }
}

void QueriesBar::draw_save_as_popup(AppModel& model) {
    if (!ImGui::BeginPopup("save_query")) return;
    ImGui::TextUnformatted("Save the current filter as a query");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(18 * ImGui::GetFontSize());
    bool enter = ImGui::InputTextWithHint("##name", "Query name", &name_, ImGuiInputTextFlags_EnterReturnsTrue);
    note_item("queries:name");
    if (ImGui::Button("Save") || enter) {
        message_ = model.settings().save_query_as(name_, model.log().filter());
        if (message_.empty()) ImGui::CloseCurrentPopup();
    }
    if (!message_.empty()) ImGui::TextColored(ImVec4(1, 0.55f, 0.5f, 1), "%s", message_.c_str());
    ImGui::EndPopup();
}

void QueriesBar::draw_manage_popup(AppModel& model) {
    if (!ImGui::BeginPopup("manage_queries")) return;
    if (model.settings().saved_queries().empty()) ImGui::TextDisabled("No saved queries yet: use Save as.");
    std::string to_delete;
    for (const NamedQuery& q : model.settings().saved_queries().list()) {
        ImGui::PushID(q.name.c_str());
        ImGui::TextUnformatted(q.name.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Rename")) {
            rename_from_ = q.name;
            name_ = q.name;
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete")) to_delete = q.name;
        ImGui::PopID();
    }
    if (!to_delete.empty()) message_ = model.settings().delete_query(to_delete);
    if (!rename_from_.empty()) {
        ImGui::Separator();
        ImGui::SetNextItemWidth(18 * ImGui::GetFontSize());
        ImGui::InputText("New name", &name_);
        if (ImGui::Button("Rename")) {
            message_ = model.settings().rename_query(rename_from_, name_);
            if (message_.empty()) rename_from_.clear();
        }
    }
    ImGui::EndPopup();
}

} // namespace sightline
