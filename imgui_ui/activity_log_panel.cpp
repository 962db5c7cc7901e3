#include "activity_log_panel.h"

#include "api/activity_json.h"
#include "app/field_layouts.h"
#include "export/csv_cell.h"
#include "filter/filter_edit.h"
#include "item_locator.h"
#include "model/activity_field_text.h"
#include "model/canonical_fields.h"
#include "util/time_format.h"

#include <imgui.h>
#include <imgui_internal.h> // ImGuiTable::DisplayOrderToIndex: the columns as the analyst ordered them

#include <algorithm>
#include <string>

namespace sightline {
namespace {

// The table's columns (app/field_layouts.h): Date comes first and is frozen, so it stays
// visible when the table scrolls right.
const std::vector<LogColumn>& columns() { return activity_log_columns(); }
int column_count() { return static_cast<int>(columns().size()); }
std::string column_label(int column) { return std::string(columns()[static_cast<size_t>(column)].label); }
std::string_view column_field(int column) { return columns()[static_cast<size_t>(column)].field; }

ImGuiTableColumnFlags column_flags(const LogColumn& column) {
    ImGuiTableColumnFlags flags = ImGuiTableColumnFlags_WidthFixed;
    if (column.sorted_by_default) flags |= ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending;
    if (!column.shown) flags |= ImGuiTableColumnFlags_DefaultHide;
    if (!column.can_hide) flags |= ImGuiTableColumnFlags_NoHide;
    if (!column.sortable) flags |= ImGuiTableColumnFlags_NoSort;
    return flags;
}

std::string format_table_date(int64_t epoch_ms) {
    std::string iso = format_iso8601_utc(epoch_ms); // 2026-11-24T08:15:00.000Z
    return iso.substr(0, 10) + " " + iso.substr(11, 8);
}

std::string location_text(const Activity& a) {
    if (a.city.empty()) return a.country;
    return a.country.empty() ? a.city : a.country + ", " + a.city;
}

// "* exfil, review (note)": the star, the tags, and whether there is a comment.
std::string marks_text(const Activity& a) {
    std::string text = a.starred ? "*" : "";
    for (const std::string& tag : a.tags) {
        text += text.empty() ? "" : (text == "*" ? " " : ", ");
        text += tag;
    }
    if (!a.comment.empty()) text += text.empty() ? "(note)" : " (note)";
    return text;
}

std::string device_text(const Activity& a) {
    std::string text = a.device_type;
    for (const std::string* part : {&a.os, &a.browser}) {
        if (part->empty()) continue;
        if (!text.empty()) text += " · ";
        text += *part;
    }
    return text;
}

} // namespace

// The text shown in a column, which is also what "copy value" copies; and the value its
// right-click filter uses (Location filters by country, Device by device type).
std::string column_text(const Activity& a, int column);
std::string column_filter_value(const Activity& a, int column);

void ActivityLogPanel::draw(AppModel& model, UiPlatform& platform) {
    if (view_revision_ != model.log().revision()) {
        view_revision_ = model.log().revision();
        if (selected_position_ >= model.log().view().size()) selected_position_ = model.log().view().size() - 1;
    }
    handle_keys(model);
    ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                            ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable | ImGuiTableFlags_Sortable |
                            ImGuiTableFlags_SortMulti | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersV |
                            ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("activity_log", column_count(), flags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const LogColumn& column : columns())
        ImGui::TableSetupColumn(std::string(column.label).c_str(), column_flags(column),
                                column.width * ImGui::GetFontSize() / 15.0f);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int i = 0; i < column_count(); ++i) {
        if (!ImGui::TableSetColumnIndex(i)) continue;
        const std::string label = column_label(i);
        ImGui::TableHeader(label.c_str());
        note_item("header:" + label);
    }
    apply_sort_specs(model);
    report_visible_columns(model);
    draw_rows(model, platform);
    ImGui::EndTable();
    marks_editor_.draw(model);
}

void ActivityLogPanel::handle_keys(AppModel& model) {
    // Keys act on the table unless a text box has the keyboard.
    if (ImGui::GetIO().WantTextInput || model.log().view().size() == 0) return;
    int64_t last = model.log().view().size() - 1;
    int64_t page = 20;
    int64_t target = selected_position_;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) target = selected_position_ + 1;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) target = selected_position_ - 1;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown))) target = selected_position_ + page;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) target = selected_position_ - page;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) target = 0;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End))) target = last;
    target = std::clamp<int64_t>(target, 0, last);
    if (target != selected_position_) {
        selected_position_ = target;
        scroll_to_selection_ = true;
    }
    if (selected_position_ >= 0 && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))
        model.open_activity(model.log().activity_at(selected_position_).id);
}

void ActivityLogPanel::draw_cell_menu(AppModel& model, UiPlatform& platform, const Activity& a, int column) {
    const std::string_view field = column_field(column);
    std::string value = column_filter_value(a, column);
    if (!value.empty()) {
        if (ImGui::MenuItem(("Filter: " + column_label(column) + " equals " + value).c_str()))
            model.log().set_filter(with_value_added(model.log().filter(), field, FilterOp::Eq, value));
        if (ImGui::MenuItem(("Filter: " + column_label(column) + " does not equal " + value).c_str()))
            model.log().set_filter(with_value_added(model.log().filter(), field, FilterOp::Neq, value));
        ImGui::Separator();
    }
    if (ImGui::MenuItem("Copy value")) platform.copy_to_clipboard(column_text(a, column));
    if (ImGui::MenuItem("Copy row as JSON")) platform.copy_to_clipboard(activity_to_json(a, false));
    if (ImGui::MenuItem("Copy row as CSV")) {
        std::vector<std::string> cells;
        for (int i = 0; i < column_count(); ++i) cells.push_back(column_text(a, i));
        platform.copy_to_clipboard(csv_row(cells));
    }
    ImGui::Separator();
    if (ImGui::MenuItem(a.starred ? "Remove star" : "Star")) {
        AppModel::Marks marks;
        marks.starred = !a.starred;
        model.mark_activity(a.id, marks);
    }
    note_item("cell-menu:star");
    if (ImGui::MenuItem("Tags and comment...")) marks_editor_.open(a);
    if (ImGui::MenuItem("Open details")) model.open_activity(a.id);
}

void ActivityLogPanel::apply_sort_specs(AppModel& model) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty) return;
    std::vector<SortKey> sort;
    for (int i = 0; i < specs->SpecsCount; ++i) {
        const ImGuiTableColumnSortSpecs& spec = specs->Specs[i];
        sort.push_back({std::string(column_field(spec.ColumnIndex)), spec.SortDirection == ImGuiSortDirection_Descending});
    }
    model.log().set_sort(std::move(sort));
    specs->SpecsDirty = false;
}

void ActivityLogPanel::draw_rows(AppModel& model, UiPlatform& platform) {
    ActivityView& view = model.log().view();
    if (scroll_to_selection_ && selected_position_ >= 0) {
        // Keep the keyboard selection on screen: rows are all one height.
        float row_height = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
        float y = static_cast<float>(selected_position_) * row_height;
        float top = ImGui::GetScrollY(), height = ImGui::GetWindowHeight() - 2 * row_height;
        if (y < top) ImGui::SetScrollY(y);
        else if (y > top + height) ImGui::SetScrollY(y - height);
        scroll_to_selection_ = false;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.size()));
    while (clipper.Step()) {
        for (int position = clipper.DisplayStart; position < clipper.DisplayEnd; ++position) {
            // A command given from a row's menu may have changed the view under this loop.
            if (position >= view.size()) break;
            const Activity& a = model.log().activity_at(position);
            ImGui::TableNextRow();
            ImGui::PushID(position);
            bool row_hovered = false;
            for (int column = 0; column < column_count(); ++column) {
                if (!ImGui::TableSetColumnIndex(column)) continue;
                std::string text = column_text(a, column);
                if (column == 0) {
                    bool selected = selected_position_ == position;
                    if (ImGui::Selectable(text.c_str(), selected,
                                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap |
                                              ImGuiSelectableFlags_AllowDoubleClick)) {
                        selected_position_ = position;
                        if (ImGui::IsMouseDoubleClicked(0)) model.open_activity(a.id);
                    }
                    row_hovered = ImGui::IsItemHovered();
                    if (position == 0) note_item("row:first");
                } else {
                    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
                }
            }
            if (row_hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
                for (int column = 0; column < column_count(); ++column)
                    if (ImGui::TableGetColumnFlags(column) & ImGuiTableColumnFlags_IsHovered) menu_column_ = column;
                selected_position_ = position;
                ImGui::OpenPopup("cell_menu");
            }
            if (ImGui::BeginPopup("cell_menu")) {
                // A copy: the menu's commands refresh the view, which frees its cached rows.
                const Activity row = a;
                draw_cell_menu(model, platform, row, menu_column_);
                ImGui::EndPopup();
            }
            ImGui::PopID();
        }
    }
}

// The export writes the columns the analyst sees, in the order shown.
void ActivityLogPanel::report_visible_columns(AppModel& model) {
    const ImGuiTable* table = ImGui::GetCurrentTable();
    std::vector<std::string> fields;
    for (int order = 0; order < column_count(); ++order) {
        const int column = table->DisplayOrderToIndex[order];
        if (table->Columns[column].IsEnabled) fields.emplace_back(column_field(column));
    }
    if (fields != reported_columns_) model.csv_export().set_visible_columns(fields);
    reported_columns_ = std::move(fields);
}

std::string column_text(const Activity& a, int column) {
    std::string_view field = column_field(column);
    if (field == "time") return format_table_date(a.time_ms);
    if (field == "description") return a.description.empty() ? a.activity_type : a.description;
    if (field == "country") return location_text(a);
    if (field == "device_type") return device_text(a);
    if (field == "starred") return marks_text(a);
    return activity_field_text(a, field);
}

std::string column_filter_value(const Activity& a, int column) {
    std::string_view field = column_field(column);
    if (field == "time" || field == "starred") return {}; // dates have the timeline; marks the menu below
    // A list cell filters by its first value: "add to filter" adds one value at a time.
    if (const auto* list = activity_list_field(a, field)) return list->empty() ? "" : list->front();
    return activity_field_text(a, field);
}

} // namespace sightline
