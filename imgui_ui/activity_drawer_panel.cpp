#include "activity_drawer_panel.h"

#include "app/field_layouts.h"
#include "filter/filter_edit.h"
#include "item_locator.h"
#include "model/activity_field_text.h"
#include "model/canonical_fields.h"
#include "util/time_format.h"

#include <imgui.h>

#include <string>

namespace sightline {
namespace {

constexpr int64_t kHourMs = 3600 * 1000;

struct FieldRow {
    std::string field;
    std::string value;
};

ActivityFilter pivot(std::string_view field, std::string value) {
    return with_top_level_values({}, field, FilterOp::Eq, {std::move(value)});
}

} // namespace

void ActivityDrawerPanel::draw(AppModel& model, UiPlatform&) {
    const std::optional<Activity>& opened = model.opened_activity();
    if (!opened) return;
    const Activity a = *opened; // a copy: the buttons below may replace the model's activity
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    float width = 34 * ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - width, viewport->WorkPos.y),
                            ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(width, viewport->WorkSize.y), ImGuiCond_Appearing);
    bool open = true;
    if (ImGui::Begin("Activity details###drawer", &open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextWrapped("%s", a.description.empty() ? a.activity_type.c_str() : a.description.c_str());
        draw_pivots(model, a);
        draw_fields(model, a);
        if (ImGui::CollapsingHeader("View raw data")) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(a.raw.empty() ? "(no raw record)" : a.raw.c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::End();
    if (!open) model.close_activity();
}

void ActivityDrawerPanel::draw_pivots(AppModel& model, const Activity& a) {
    ImGui::TextDisabled("Show similar:");
    struct Pivot { const char* label; const char* field; const std::string* value; };
    const Pivot pivots[] = {{"Same type", "activity_type", &a.activity_type}, {"Same user", "user", &a.user},
                            {"Same IP", "ip", &a.ip}, {"Same location", "country", &a.country}};
    for (const Pivot& p : pivots) {
        ImGui::SameLine();
        if (p.value->empty()) ImGui::BeginDisabled();
        if (ImGui::SmallButton(p.label)) model.log().set_filter(pivot(p.field, *p.value));
        note_item(std::string("drawer:pivot:") + p.label);
        if (p.value->empty()) ImGui::EndDisabled();
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("48 hours")) {
        ActivityFilter f = with_top_level_values({}, "time", FilterOp::Between,
                                                 {format_iso8601_utc(a.time_ms - 24 * kHourMs),
                                                  format_iso8601_utc(a.time_ms + 24 * kHourMs)});
        model.log().set_filter(std::move(f));
    }
}

void ActivityDrawerPanel::draw_fields(AppModel& model, const Activity& a) {
    if (!ImGui::BeginTable("fields", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn("Field", ImGuiTableColumnFlags_WidthFixed, 9 * ImGui::GetFontSize());
    ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 2 * ImGui::GetFontSize());
    for (std::string_view name : activity_details_fields()) { // app/field_layouts.h
        const FieldRow row{std::string(name), activity_field_text(a, name)};
        auto info = find_field(row.field);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", info ? std::string(info->label).c_str() : row.field.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", row.value.c_str());
        ImGui::TableNextColumn();
        // Add to filter: lists and text fields by value; the time column has pivots instead.
        bool filterable = !row.value.empty() && info && info->kind != FieldKind::Time;
        if (!filterable) continue;
        ImGui::PushID(row.field.c_str());
        if (ImGui::SmallButton("+")) {
            if (info->kind == FieldKind::Bool)
                model.log().set_filter(with_condition_added(
                    model.log().filter(), {row.field, row.value == "true" ? FilterOp::IsTrue : FilterOp::IsFalse, {}}));
            else if (info->kind == FieldKind::List)
                model.log().set_filter(with_top_level_values(model.log().filter(), row.field, FilterOp::Eq,
                                                       *activity_list_field(a, row.field)));
            else
                model.log().set_filter(with_value_added(model.log().filter(), row.field, FilterOp::Eq, row.value));
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add to filter");
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace sightline
