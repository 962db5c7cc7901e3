#include "activity_drawer_panel.h"

#include "app/field_layouts.h"
#include "enrich/outdated_rules.h"
#include "filter/filter_edit.h"
#include "insights_tabs.h"
#include "item_locator.h"
#include "model/activity_field_text.h"
#include "model/canonical_fields.h"
#include "store/computed_fields.h"
#include "util/time_format.h"
#include "value_actions.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>

namespace sightline {
namespace {

constexpr int64_t kHourMs = 3600 * 1000;

struct FieldRow {
    std::string field;
    std::string value;
};

// The `computed` mark beside a value enrichment filled in (store/computed_fields.h): where it came
// from, and for the user agent tags the rule that set them.
void draw_computed_mark(const std::string& field) {
    static constexpr const char* kMark = "computed";
    ImGui::SameLine();
    // A long value (the tags) leaves no room on its last line: the mark goes below it.
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(kMark).x) ImGui::NewLine();
    ImGui::TextDisabled("%s", kMark);
    note_item("drawer:computed:" + field);
    if (!ImGui::IsItemHovered()) return;
    std::string tip = "Computed by Sightline, not read from the export (which left it empty).";
    if (field == "ua_tags") tip += "\n\n" + std::string(kOutdatedRuleText);
    else if (field == "browser" || field == "os" || field == "device_type")
        tip += "\nParsed from the user agent with uap-core's regexes.";
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(tip.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

ActivityFilter pivot(std::string_view field, std::string value) {
    return with_top_level_values({}, field, FilterOp::Eq, {std::move(value)});
}

} // namespace

void ActivityDrawerPanel::draw(AppModel& model, UiPlatform& platform) {
    const std::optional<Activity>& opened = model.opened_activity();
    if (!opened) return;
    const Activity a = *opened; // a copy: the buttons below may replace the model's activity
    place_window(platform);
    bool open = true;
    if (ImGui::Begin("Activity details###drawer", &open, ImGuiWindowFlags_NoCollapse)) {
        remember_size(platform);
        ImGui::TextWrapped("%s", a.description.empty() ? a.activity_type.c_str() : a.description.c_str());
        ImGui::Separator();
        note_item("drawer:width"); // a separator spans the window: tests read the drawer's width here
        if (ImGui::BeginTabBar("drawer-tabs")) {
            struct Tab { const char* label; void (ActivityDrawerPanel::*member)(AppModel&, UiPlatform&, const Activity&);
                         void (*free)(AppModel&, UiPlatform&, const Activity&); };
            const Tab tabs[] = {{"General", &ActivityDrawerPanel::draw_general, nullptr},
                                {"User", nullptr, draw_user_insights_tab},
                                {"IP address", nullptr, draw_ip_insights_tab}};
            for (const Tab& tab : tabs) {
                const bool selected = ImGui::BeginTabItem(tab.label);
                note_item(std::string("drawer:tab:") + tab.label);
                if (!selected) continue;
                if (tab.member) (this->*tab.member)(model, platform, a);
                else tab.free(model, platform, a);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
    if (!open) model.close_activity();
}

// At the right edge, as tall as the work area, in the size the analyst last left it.
void ActivityDrawerPanel::place_window(UiPlatform& platform) {
    if (!size_read_) {
        size_read_ = true;
        if (auto stored = platform.read_layout("drawer"))
            if (std::sscanf(stored->c_str(), "%f %f", &width_, &height_) != 2) width_ = height_ = 0;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = width_ > 0 ? std::min(width_, viewport->WorkSize.x) : 34 * ImGui::GetFontSize();
    const float height = height_ > 0 ? std::min(height_, viewport->WorkSize.y) : viewport->WorkSize.y;
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - width, viewport->WorkPos.y),
                            ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Appearing);
    ImGui::SetNextWindowSizeConstraints(ImVec2(20 * ImGui::GetFontSize(), 12 * ImGui::GetFontSize()), ImVec2(FLT_MAX, FLT_MAX));
}

// Written once the analyst lets go of a resize, not every frame of the drag.
void ActivityDrawerPanel::remember_size(UiPlatform& platform) {
    const ImVec2 size = ImGui::GetWindowSize();
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left) || (size.x == width_ && size.y == height_)) return;
    const bool first_frame = width_ == 0 && height_ == 0 && ImGui::IsWindowAppearing();
    width_ = size.x;
    height_ = size.y;
    if (first_frame) return; // the default size is not a choice worth keeping
    char text[64];
    std::snprintf(text, sizeof text, "%.0f %.0f", width_, height_);
    platform.write_layout("drawer", text);
}

void ActivityDrawerPanel::draw_general(AppModel& model, UiPlatform& platform, const Activity& a) {
    if (!a.ip_category.empty() || !a.ip_tags.empty()) {
        ImGui::TextDisabled("IP:");
        if (!a.ip_category.empty()) {
            ImGui::SameLine();
            draw_chip(a.ip_category, a.ip_category == "Risky");
        }
        for (size_t i = 0; i < a.ip_tags.size(); ++i) {
            ImGui::SameLine();
            ImGui::PushID(static_cast<int>(i));
            draw_chip(a.ip_tags[i]);
            ImGui::PopID();
        }
    }
    draw_pivots(model, a);
    draw_fields(model, platform, a);
    if (ImGui::CollapsingHeader("View raw data")) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(a.raw.empty() ? "(no raw record)" : a.raw.c_str());
        ImGui::PopTextWrapPos();
    }
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

void ActivityDrawerPanel::draw_fields(AppModel& model, UiPlatform& platform, const Activity& a) {
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
        // Add to filter: lists and text fields by value; the time column has pivots instead.
        const bool filterable = !row.value.empty() && info && info->kind != FieldKind::Time;
        std::vector<std::string> values;
        if (filterable) values = info->kind == FieldKind::List ? *activity_list_field(a, row.field)
                                                               : std::vector<std::string>{row.value};
        ImGui::PushID(row.field.c_str());
        ImGui::TextWrapped("%s", row.value.c_str());
        value_context_menu(model, platform, row.field, values, row.value);
        if (const auto id = find_field_id(row.field); id && is_computed(a.computed, *id)) draw_computed_mark(row.field);
        ImGui::TableNextColumn();
        if (filterable) {
            if (ImGui::SmallButton("+"))
                for (const std::string& v : values) add_value_to_filter(model, row.field, v, false);
            note_item("drawer:add:" + row.field);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Add to filter (right-click the value: exclude, copy)");
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace sightline
