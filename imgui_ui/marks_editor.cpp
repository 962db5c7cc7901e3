#include "marks_editor.h"

#include "item_locator.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <sstream>

namespace sightline {
namespace {

std::vector<std::string> split_tags(const std::string& text) {
    std::vector<std::string> tags;
    std::stringstream in(text);
    for (std::string tag; std::getline(in, tag, ',');) tags.push_back(tag); // the model trims and drops empties
    return tags;
}

} // namespace

void MarksEditor::open(const Activity& activity) {
    open_ = true;
    id_ = activity.id;
    title_ = activity.description.empty() ? activity.activity_type : activity.description;
    tags_.clear();
    for (const std::string& tag : activity.tags) {
        if (!tags_.empty()) tags_ += ", ";
        tags_ += tag;
    }
    comment_ = activity.comment;
    error_.clear();
}

void MarksEditor::draw(AppModel& model) {
    if (!open_) return;
    ImGui::SetNextWindowSize(ImVec2(30 * ImGui::GetFontSize(), 0), ImGuiCond_Appearing);
    if (ImGui::Begin("Tags and comment###marks", &open_, ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextWrapped("%s", title_.c_str());
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##tags", "Tags, separated by commas", &tags_);
        note_item("marks:tags");
        ImGui::InputTextMultiline("##comment", &comment_, ImVec2(-1, 4 * ImGui::GetFontSize()));
        note_item("marks:comment");
        if (ImGui::Button("Save")) {
            AppModel::Marks marks;
            marks.tags = split_tags(tags_);
            marks.comment = comment_;
            error_ = model.mark_activity(id_, marks);
            if (error_.empty()) open_ = false;
        }
        note_item("marks:save");
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) open_ = false;
        if (!error_.empty()) ImGui::TextColored(ImVec4(1, 0.55f, 0.5f, 1), "%s", error_.c_str());
        ImGui::TextDisabled("Marks are kept while this page is open.");
    }
    ImGui::End();
}

} // namespace sightline
