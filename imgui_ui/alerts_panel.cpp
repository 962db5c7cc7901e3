#include "alerts_panel.h"

#include "item_locator.h"
#include "util/time_format.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <vector>

namespace sightline {
namespace {

enum Column { kPolicy, kSeverity, kUser, kApp, kIp, kFirst, kLast, kCount, kStatus, kColumns };

bool contains_ci(const std::string& text, const std::string& part) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    return std::search(text.begin(), text.end(), part.begin(), part.end(),
                       [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

std::string who(const PolicyAlert& a) { return a.user.empty() ? a.ip : a.user; }

// Less-than on one column, for the table's sort.
bool less_on(int column, const PolicyAlertView& x, const PolicyAlertView& y) {
    const PolicyAlert& a = x.alert;
    const PolicyAlert& b = y.alert;
    switch (column) {
    case kPolicy: return a.policy < b.policy;
    case kSeverity: return a.severity < b.severity;
    case kUser: return who(a) < who(b);
    case kApp: return a.app < b.app;
    case kIp: return a.ip < b.ip;
    case kFirst: return a.first_ms < b.first_ms;
    case kLast: return a.last_ms < b.last_ms;
    case kCount: return a.activity_ids.size() < b.activity_ids.size();
    case kStatus: return x.state.status < y.state.status;
    }
    return false;
}

} // namespace

void AlertsPanel::draw(AppModel& model, UiPlatform&) {
    if (!open_) return;
    ImGui::SetNextWindowSize(ImVec2(60 * ImGui::GetFontSize(), 28 * ImGui::GetFontSize()), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Alerts", &open_)) {
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(16 * ImGui::GetFontSize());
    ImGui::InputTextWithHint("##search", "Policy, user, app or IP", &search_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(8 * ImGui::GetFontSize());
    ImGui::Combo("##status", &status_shown_, "All statuses\0Open\0Dismissed\0Resolved\0");
    ImGui::SameLine();
    ImGui::TextDisabled("%zu alerts%s", model.policies().alerts().size(), model.policies().running() ? " (policies running...)" : "");
    draw_table(model);
    draw_selected(model);
    ImGui::End();
}

void AlertsPanel::draw_table(AppModel& model) {
    std::vector<const PolicyAlertView*> shown;
    for (const PolicyAlertView& v : model.policies().alerts()) {
        if (status_shown_ > 0 && static_cast<int>(v.state.status) != status_shown_ - 1) continue;
        const PolicyAlert& a = v.alert;
        if (!search_.empty() && !contains_ci(a.policy, search_) && !contains_ci(who(a), search_) &&
            !contains_ci(a.app, search_) && !contains_ci(a.ip, search_))
            continue;
        shown.push_back(&v);
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("alerts", kColumns, flags, ImVec2(0, -9 * ImGui::GetFrameHeightWithSpacing()))) return;
    for (const char* name : {"Policy", "Severity", "User / IP", "App", "IP address", "First", "Last", "Count", "Status"})
        ImGui::TableSetupColumn(name, std::string(name) == "Last" ? ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending
                                                                : ImGuiTableColumnFlags_None);
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    if (const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
        std::stable_sort(shown.begin(), shown.end(), [&](const PolicyAlertView* x, const PolicyAlertView* y) {
            return s.SortDirection == ImGuiSortDirection_Descending ? less_on(s.ColumnIndex, *y, *x) : less_on(s.ColumnIndex, *x, *y);
        });
    }
    for (size_t i = 0; i < shown.size(); ++i) {
        const PolicyAlert& a = shown[i]->alert;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(a.id.c_str());
        if (ImGui::Selectable(a.policy.c_str(), selected_ == a.id, ImGuiSelectableFlags_SpanAllColumns)) selected_ = a.id;
        note_item("alerts:row:" + std::to_string(i));
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(std::string(policy_severity_name(a.severity)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(alert_subject(a).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(a.app.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(a.ip.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_iso8601_utc(a.first_ms).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_iso8601_utc(a.last_ms).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%zu", a.activity_ids.size());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(std::string(alert_status_name(shown[i]->state.status)).c_str());
    }
    ImGui::EndTable();
}

void AlertsPanel::draw_selected(AppModel& model) {
    const PolicyAlertView* view = nullptr;
    for (const PolicyAlertView& v : model.policies().alerts())
        if (v.alert.id == selected_) view = &v;
    if (!view) {
        ImGui::TextDisabled("Select an alert to set its status or see its activities.");
        return;
    }
    if (edited_for_ != selected_) {
        edited_for_ = selected_;
        edit_status_ = static_cast<int>(view->state.status);
        edit_reason_ = view->state.reason;
        edit_comment_ = view->state.comment;
    }
    ImGui::Text("%s: %s, %zu activities", view->alert.policy.c_str(), who(view->alert).c_str(), view->alert.activity_ids.size());
    if (ImGui::Button("Show its activities in the log")) model.log().set_filter(filter_for_activity_ids(view->alert.activity_ids));
    note_item("alerts:show");
    ImGui::RadioButton("Open", &edit_status_, 0);
    note_item("alerts:status:open");
    ImGui::SameLine();
    ImGui::RadioButton("Dismissed", &edit_status_, 1);
    note_item("alerts:status:dismissed");
    ImGui::SameLine();
    ImGui::RadioButton("Resolved", &edit_status_, 2);
    note_item("alerts:status:resolved");
    if (edit_status_ == 1) {
        ImGui::SetNextItemWidth(24 * ImGui::GetFontSize());
        ImGui::InputTextWithHint("##reason", "Reason (optional)", &edit_reason_);
        note_item("alerts:reason");
    }
    ImGui::SetNextItemWidth(24 * ImGui::GetFontSize());
    ImGui::InputTextWithHint("##comment", "Comment", &edit_comment_);
    note_item("alerts:comment");
    ImGui::SameLine();
    if (ImGui::Button("Apply")) {
        model.policies().set_alert_status(view->alert.id, alert_status_name(static_cast<AlertStatus>(edit_status_)), edit_reason_,
                                          edit_comment_);
    }
    note_item("alerts:apply");
}

} // namespace sightline
