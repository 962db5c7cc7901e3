#include "policies_panel.h"

#include "app/policy_templates.h"
#include "item_locator.h"
#include "number_format.h"
#include "util/time_format.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

namespace sightline {
namespace {

const ImVec4 kErrorColour(1, 0.55f, 0.5f, 1);

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

} // namespace

void PoliciesPanel::draw(AppModel& model, UiPlatform&) {
    if (!open_) return;
    // Tall enough that the preview's alerts show below the editor without scrolling.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + 40, viewport->Pos.y + 30), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(54 * ImGui::GetFontSize(), viewport->Size.y - 60), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Policies", &open_)) {
        ImGui::End();
        return;
    }
    draw_list(model);
    ImGui::Separator();
    draw_editor(model);
    ImGui::Separator();
    draw_preview(model);
    ImGui::End();
}

void PoliciesPanel::draw_list(AppModel& model) {
    PolicyWorkspace& policies = model.policies();
    if (ImGui::Button("New policy")) {
        policies.edit(PolicyDraft{});
        template_note_.clear();
    }
    note_item("policies:new");
    ImGui::SameLine();
    if (ImGui::Button("New from template")) ImGui::OpenPopup("templates");
    note_item("policies:templates");
    draw_template_menu(model);
    ImGui::SameLine();
    if (ImGui::Button("New policy from search")) {
        policies.edit(PolicyDraft::from_filter(model.log().filter()));
        template_note_.clear();
    }
    note_item("policies:from_search");
    ImGui::SameLine();
    ImGui::TextDisabled("%zu saved%s", policies.policies().size(), policies.running() ? " (running...)" : "");
    if (ImGui::BeginTable("saved_policies", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY,
                          ImVec2(0, 4 * ImGui::GetFrameHeightWithSpacing()))) {
        ImGui::TableSetupColumn("Name");
        ImGui::TableSetupColumn("Severity", ImGuiTableColumnFlags_WidthFixed, 5 * ImGui::GetFontSize());
        ImGui::TableSetupColumn("Matches", ImGuiTableColumnFlags_WidthFixed, 5 * ImGui::GetFontSize());
        ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed, 5 * ImGui::GetFontSize());
        ImGui::TableHeadersRow();
        std::string remove;
        for (const ActivityPolicy& p : policies.policies()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(p.name.c_str(), policies.draft().name == p.name)) {
                policies.edit(PolicyDraft::from_policy(p));
                template_note_.clear();
            }
            note_item("policies:saved:" + p.name);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(std::string(policy_severity_name(p.severity)).c_str());
            ImGui::TableNextColumn();
            const std::vector<int64_t>* matched = policies.matched_rowids(p.name);
            ImGui::TextUnformatted(format_count(matched ? static_cast<int64_t>(matched->size()) : 0).c_str());
            ImGui::TableNextColumn();
            ImGui::PushID(p.name.c_str());
            if (ImGui::SmallButton("Remove")) remove = p.name;
            ImGui::PopID();
        }
        ImGui::EndTable();
        if (!remove.empty()) policies.remove_policy(remove);
    }
}

// The catalogue, each entry saying when the loaded data lacks a field it needs.
void PoliciesPanel::draw_template_menu(AppModel& model) {
    if (!ImGui::BeginPopup("templates")) return;
    const auto& templates = policy_templates();
    if (missing_revision_ != model.log().revision()) {
        missing_revision_ = model.log().revision();
        template_missing_.clear();
        for (const PolicyTemplate& t : templates) template_missing_.push_back(joined(missing_fields(model.store(), t)));
    }
    for (size_t i = 0; i < templates.size(); ++i) {
        const PolicyTemplate& t = templates[i];
        const std::string& missing = template_missing_[i];
        std::string label = t.policy.name + (missing.empty() ? "" : "  (no " + missing + " in the data)");
        if (ImGui::MenuItem(label.c_str())) {
            model.policies().edit(PolicyDraft::from_policy(t.policy));
            template_note_ = t.why + "\nNeeds: " + joined(t.needs_fields) + " (" + joined(t.needs_formats) + ")." +
                             (missing.empty() ? "" : "\nThe loaded data has no value in " + missing + ": this template cannot work on it as it is.");
        }
        note_item("policies:template:" + t.file);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", t.why.c_str());
    }
    ImGui::EndPopup();
}

void PoliciesPanel::draw_editor(AppModel& model) {
    PolicyWorkspace& policies = model.policies();
    PolicyDraft& d = policies.draft();
    if (!template_note_.empty()) ImGui::TextWrapped("%s", template_note_.c_str());
    const float label_width = 9 * ImGui::GetFontSize();
    auto label = [&](const char* text) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(text);
        ImGui::SameLine(label_width);
        ImGui::SetNextItemWidth(-1);
    };
    label("Name");
    ImGui::InputText("##name", &d.name);
    note_item("policies:name");
    label("Severity");
    ImGui::Combo("##severity", &d.severity, "Low\0Medium\0High\0");
    note_item("policies:severity");
    label("Category");
    ImGui::InputText("##category", &d.category);
    label("Description");
    ImGui::InputText("##description", &d.description);
    label("Filter (JSON)");
    ImGui::InputTextMultiline("##filter", &d.filter_json, ImVec2(-1, 3 * ImGui::GetFontSize()));
    note_item("policies:filter");
    label("Act on");
    int act_on = d.repeated ? 1 : 0;
    ImGui::RadioButton("Single activity", &act_on, 0);
    note_item("policies:single");
    ImGui::SameLine();
    ImGui::RadioButton("Repeated activity", &act_on, 1);
    note_item("policies:repeated");
    d.repeated = act_on == 1;
    if (d.repeated) {
        ImGui::Indent(label_width);
        // Without step buttons or an inline label, so the noted rect is the text box alone.
        ImGui::SetNextItemWidth(5 * ImGui::GetFontSize());
        ImGui::InputInt("##min", &d.min, 0, 0);
        note_item("policies:min");
        ImGui::SameLine();
        ImGui::TextUnformatted("minimum repeated activities, within");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(5 * ImGui::GetFontSize());
        ImGui::InputInt("##minutes", &d.minutes, 0, 0);
        note_item("policies:minutes");
        ImGui::SameLine();
        ImGui::TextUnformatted("minutes");
        ImGui::Checkbox("In a single app", &d.single_app);
        ImGui::SameLine();
        ImGui::Checkbox("Count only unique target files or folders", &d.unique_targets);
        ImGui::Checkbox("Count per source IP instead of per user", &d.group_by_ip);
        ImGui::SameLine();
        ImGui::Checkbox("Count distinct users", &d.unique_users);
        ImGui::Unindent(label_width);
    }
    label("Daily alert limit");
    ImGui::SetNextItemWidth(6 * ImGui::GetFontSize());
    ImGui::InputInt("##limit", &d.daily_alert_limit);
    if (ImGui::Button("Preview")) policies.preview_draft();
    note_item("policies:preview");
    ImGui::SameLine();
    if (ImGui::Button("Save")) policies.save_draft();
    note_item("policies:save");
    if (!policies.draft_error().empty()) {
        ImGui::SameLine();
        ImGui::TextColored(kErrorColour, "%s", policies.draft_error().c_str());
    }
}

void PoliciesPanel::draw_preview(AppModel& model) {
    PolicyWorkspace& policies = model.policies();
    if (policies.previewing()) {
        ImGui::ProgressBar(static_cast<float>(policies.preview_progress()), ImVec2(20 * ImGui::GetFontSize(), 0), "Previewing...");
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) policies.cancel_preview();
        note_item("policies:cancel_preview");
        return;
    }
    const auto& result = policies.preview_result();
    if (!result) {
        ImGui::TextDisabled("Preview runs the policy over the loaded activities without saving it.");
        return;
    }
    std::string summary = format_count(static_cast<int64_t>(result->ids.size())) + " matching activities, " +
                          format_count(static_cast<int64_t>(result->alerts.size())) + " alerts";
    if (result->alerts_over_daily_limit > 0)
        summary += " (" + format_count(result->alerts_over_daily_limit) + " more held back by the daily alert limit)";
    ImGui::TextUnformatted(summary.c_str());
    note_item("policies:preview_summary");
    const float height = std::max(4 * ImGui::GetTextLineHeightWithSpacing(), ImGui::GetContentRegionAvail().y);
    if (!ImGui::BeginTable("preview_alerts", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV,
                           ImVec2(0, height)))
        return;
    ImGui::TableSetupColumn("User or IP");
    ImGui::TableSetupColumn("First");
    ImGui::TableSetupColumn("Last");
    ImGui::TableSetupColumn("Count", ImGuiTableColumnFlags_WidthFixed, 4 * ImGui::GetFontSize());
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(result->alerts.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const PolicyAlert& a = result->alerts[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            const std::string who = alert_subject(a);
            if (ImGui::Selectable(who.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
                model.log().set_filter(filter_for_activity_ids(a.activity_ids));
            note_item("policies:preview_alert:" + std::to_string(i));
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_iso8601_utc(a.first_ms).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_iso8601_utc(a.last_ms).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%zu", a.activity_ids.size());
        }
    ImGui::EndTable();
}

} // namespace sightline
