#include "value_actions.h"

#include "filter/filter_edit.h"
#include "model/canonical_fields.h"

#include <imgui.h>

namespace sightline {

void add_value_to_filter(AppModel& model, std::string_view field, const std::string& value, bool exclude) {
    auto info = find_field(field);
    if (!info || info->kind == FieldKind::Time || value.empty()) return;
    if (info->kind == FieldKind::Bool) {
        const bool truth = (value == "true") != exclude;
        model.log().set_filter(with_condition_added(model.log().filter(),
                                                    {std::string(field), truth ? FilterOp::IsTrue : FilterOp::IsFalse, {}}));
        return;
    }
    model.log().set_filter(with_value_added(model.log().filter(), field, exclude ? FilterOp::Neq : FilterOp::Eq, value));
}

void value_context_menu(AppModel& model, UiPlatform& platform, std::string_view field,
                        const std::vector<std::string>& values, const std::string& text) {
    // Named: a plain text item has no id of its own for the menu to hang on.
    if (!ImGui::BeginPopupContextItem("value-menu")) return;
    const bool filterable = !values.empty();
    if (ImGui::MenuItem("Add to filter", nullptr, false, filterable))
        for (const std::string& v : values) add_value_to_filter(model, field, v, false);
    if (ImGui::MenuItem("Exclude from filter", nullptr, false, filterable))
        for (const std::string& v : values) add_value_to_filter(model, field, v, true);
    if (ImGui::MenuItem("Copy")) platform.copy_to_clipboard(text);
    ImGui::EndPopup();
}

void draw_chip(const std::string& text, bool warning) {
    const ImVec4 fill = warning ? ImVec4(0.55f, 0.18f, 0.15f, 1.0f) : ImVec4(0.20f, 0.30f, 0.42f, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Button, fill);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, fill);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, fill);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 8.0f);
    ImGui::SmallButton(text.c_str());
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(3);
}

} // namespace sightline
