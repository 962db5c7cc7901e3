#include "activity_log_panel.h"

#include "item_locator.h"
#include "util/time_format.h"

#include <imgui.h>

#include <string>

namespace sightline {
namespace {

// The table's columns and the canonical field each one sorts by.
struct Column {
    const char* label;
    const char* sort_field;
    float width;
    ImGuiTableColumnFlags flags;
};

// Date comes first and is frozen, so it stays visible when the table scrolls right.
constexpr Column kColumns[] = {
    {"Date", "time", 150.0f,
     ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending | ImGuiTableColumnFlags_NoHide},
    {"Activity", "description", 380.0f, ImGuiTableColumnFlags_NoHide},
    {"User", "user", 220.0f, 0},
    {"App", "app", 150.0f, 0},
    {"IP address", "ip", 130.0f, 0},
    {"Location", "country", 130.0f, 0},
    {"Device", "device_type", 190.0f, 0},
};
constexpr int kColumnCount = static_cast<int>(sizeof kColumns / sizeof kColumns[0]);

std::string format_table_date(int64_t epoch_ms) {
    std::string iso = format_iso8601_utc(epoch_ms); // 2026-11-24T08:15:00.000Z
    return iso.substr(0, 10) + " " + iso.substr(11, 8);
}

std::string location_text(const Activity& a) {
    if (a.city.empty()) return a.country;
    return a.country.empty() ? a.city : a.country + ", " + a.city;
}

std::string device_text(const Activity& a) {
    std::string text = a.device_type;
    for (const std::string* part : {&a.os, &a.browser})
        if (!part->empty()) text += (text.empty() ? "" : " · ") + *part;
    return text;
}

void cell(const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
}

} // namespace

void ActivityLogPanel::draw(AppModel& model) {
    ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                            ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable | ImGuiTableFlags_Sortable |
                            ImGuiTableFlags_SortMulti | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersV |
                            ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("activity_log", kColumnCount, flags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const Column& column : kColumns)
        ImGui::TableSetupColumn(column.label, column.flags | ImGuiTableColumnFlags_WidthFixed,
                                column.width * ImGui::GetFontSize() / 15.0f);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int i = 0; i < kColumnCount; ++i) {
        if (!ImGui::TableSetColumnIndex(i)) continue;
        ImGui::TableHeader(kColumns[i].label);
        note_item(std::string("header:") + kColumns[i].label);
    }
    apply_sort_specs(model);
    draw_rows(model);
    ImGui::EndTable();
}

void ActivityLogPanel::apply_sort_specs(AppModel& model) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty) return;
    std::vector<SortKey> sort;
    for (int i = 0; i < specs->SpecsCount; ++i) {
        const ImGuiTableColumnSortSpecs& spec = specs->Specs[i];
        sort.push_back({kColumns[spec.ColumnIndex].sort_field, spec.SortDirection == ImGuiSortDirection_Descending});
    }
    model.set_sort(std::move(sort));
    specs->SpecsDirty = false;
}

void ActivityLogPanel::draw_rows(AppModel& model) {
    ActivityView& view = model.view();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.size()));
    while (clipper.Step()) {
        for (int position = clipper.DisplayStart; position < clipper.DisplayEnd; ++position) {
            const Activity& a = view.at(model.store(), position);
            ImGui::TableNextRow();
            ImGui::PushID(position);
            ImGui::TableNextColumn();
            bool selected = selected_position_ == position;
            std::string date = format_table_date(a.time_ms);
            if (ImGui::Selectable(date.c_str(), selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
                selected_position_ = position;
            cell(a.description.empty() ? a.activity_type : a.description);
            cell(a.user);
            cell(a.app);
            cell(a.ip);
            cell(location_text(a));
            cell(device_text(a));
            ImGui::PopID();
        }
    }
}

} // namespace sightline
