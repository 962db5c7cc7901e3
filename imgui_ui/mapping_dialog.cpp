#include "mapping_dialog.h"

#include "item_locator.h"
#include "model/canonical_fields.h"
#include "import/column_mapping_json.h"

#include <imgui.h>

#include <algorithm>
#include <string_view>

namespace sightline {
namespace {

constexpr const char* kTitle = "Column mapping";
constexpr int kFieldRowsShown = 9;
const ImVec4 kErrorColour(1.0f, 0.55f, 0.5f, 1.0f);

// The fields most exports have come first; the rest follow in canonical order.
std::vector<FieldInfo> fields_in_dialog_order() {
    static const std::string_view first[] = {"time", "user", "app", "activity_type", "action_type", "ip", "description"};
    std::vector<FieldInfo> fields;
    for (std::string_view name : first) fields.push_back(*find_field(name));
    for (const FieldInfo& f : canonical_fields())
        if (mappable_field(f.name) && std::find(std::begin(first), std::end(first), f.name) == std::end(first))
            fields.push_back(f);
    return fields;
}

float scaled(float css_pixels) { return css_pixels * ImGui::GetFontSize() / 15.0f; }

} // namespace

void MappingDialog::draw(AppModel& model, UiPlatform&) {
    const MappingPrompt* prompt = model.import_session().mapping_prompt();
    if (prompt && !ImGui::IsPopupOpen(kTitle)) {
        ImGui::OpenPopup(kTitle);
        error_.clear();
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(scaled(960), viewport->WorkSize.x * 0.95f),
                                    std::min(scaled(660), viewport->WorkSize.y * 0.95f)),
                             ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    if (!prompt) {
        ImGui::CloseCurrentPopup(); // the import stopped waiting (cancelled elsewhere)
    } else {
        draw_contents(model, *prompt);
    }
    ImGui::EndPopup();
    apply(model);
}

void MappingDialog::draw_contents(const AppModel& model, const MappingPrompt& prompt) {
    const MappingSample& sample = prompt.sample();
    ImGui::Text("File: %s", sample.file_name.c_str());
    note_item("mapping:file");
    ImGui::TextWrapped("Sightline does not recognise this file's format. Choose the column that holds each field; "
                       "the preview shows the first rows as they will be imported.");
    if (!sample.remembered_from.empty())
        ImGui::TextColored(ImVec4(0.55f, 0.85f, 0.6f, 1.0f), "Mapping remembered from %s (same columns).",
                           sample.remembered_from.c_str());
    else
        ImGui::TextDisabled("Mapping guessed from the column names and sample values.");
    note_item("mapping:origin");
    draw_field_table(prompt);
    draw_preview(prompt);
    draw_buttons(model, prompt);
}

void MappingDialog::draw_field_table(const MappingPrompt& prompt) {
    const float height = ImGui::GetFrameHeightWithSpacing() * (kFieldRowsShown + 1);
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("mapping_fields", 3, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Field", ImGuiTableColumnFlags_WidthFixed, scaled(190));
    ImGui::TableSetupColumn("Column in the file", ImGuiTableColumnFlags_WidthFixed, scaled(240));
    ImGui::TableSetupColumn("Sample value", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const FieldInfo& f : fields_in_dialog_order()) draw_field_row(prompt, f.name, f.label);
    ImGui::EndTable();
}

void MappingDialog::draw_field_row(const MappingPrompt& prompt, std::string_view field, std::string_view label) {
    const std::string name(field);
    const std::string column = prompt.column_for(field);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    if (field == "time") {
        ImGui::SameLine();
        ImGui::TextDisabled("(required)");
    }
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-1);
    ImGui::PushID(name.c_str());
    const bool open = ImGui::BeginCombo("##column", column.empty() ? "(none)" : column.c_str());
    note_item("mapping:field:" + name);
    if (open) {
        if (ImGui::Selectable("(none)", column.empty())) choice_ = {name, "", true};
        note_item("mapping:option:(none)");
        for (const std::string& c : prompt.sample().columns) {
            if (ImGui::Selectable(c.c_str(), c == column)) choice_ = {name, c, true};
            note_item("mapping:option:" + c);
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    if (!column.empty()) ImGui::TextDisabled("%s", prompt.sample_value(column).c_str());
}

void MappingDialog::draw_preview(const MappingPrompt& prompt) {
    const MappingPreview& preview = prompt.preview();
    ImGui::Spacing();
    const float buttons = ImGui::GetFrameHeightWithSpacing() * 2.2f;
    if (!preview.error.empty()) {
        ImGui::TextUnformatted("Preview");
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
        ImGui::TextWrapped("This mapping cannot be used: %s.%s", preview.error.c_str(),
                           preview.error.find("time") != std::string::npos ? " Pick the column that holds the date and time." : "");
        ImGui::PopStyleColor();
        note_item("mapping:error");
        ImGui::Dummy(ImVec2(0, std::max(0.0f, ImGui::GetContentRegionAvail().y - buttons)));
        return;
    }
    ImGui::Text("Preview: the first %d rows as they will be imported", static_cast<int>(preview.rows.size()));
    const int columns = static_cast<int>(preview.fields.size()) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("mapping_preview", columns, flags, ImVec2(0, -buttons))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
    for (const std::string& field : preview.fields) {
        const auto info = find_field(field);
        const float width = scaled(field == "time" ? 200.0f : 150.0f); // ISO times are long
        ImGui::TableSetupColumn(info ? info->label.data() : field.c_str(), ImGuiTableColumnFlags_WidthFixed, width);
    }
    ImGui::TableHeadersRow();
    int number = 0;
    for (const MappingPreview::Row& row : preview.rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d", ++number);
        if (!row.problem.empty()) {
            ImGui::TableNextColumn();
            ImGui::TextColored(kErrorColour, "skipped: %s", row.problem.c_str());
            continue;
        }
        for (const std::string& cell : row.cells) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(cell.c_str());
        }
    }
    ImGui::EndTable();
}

void MappingDialog::draw_buttons(const AppModel& model, const MappingPrompt& prompt) {
    if (!error_.empty()) ImGui::TextColored(kErrorColour, "%s", error_.c_str());
    const bool usable = prompt.preview().error.empty() && !model.import_session().cancel_requested();
    if (!usable) ImGui::BeginDisabled();
    if (ImGui::Button("Import")) action_ = Action::Import;
    note_item("mapping:import");
    if (!usable) ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Skip this file")) action_ = Action::Skip;
    note_item("mapping:skip");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) action_ = Action::Cancel;
    note_item("mapping:cancel");
    ImGui::SameLine();
    ImGui::TextDisabled("Cancel stops the whole import; the loaded activities stay as they were.");
}

void MappingDialog::apply(AppModel& model) {
    if (choice_.made) error_ = model.import_session().set_mapping_column(choice_.field, choice_.column);
    choice_ = {};
    switch (action_) {
    case Action::Import: error_ = model.import_session().confirm_mapping(); break;
    case Action::Skip: error_ = model.import_session().skip_mapping_file(); break;
    case Action::Cancel: model.import_session().request_cancel(); break;
    case Action::None: break;
    }
    action_ = Action::None;
}

} // namespace sightline
