#include "ip_ranges_panel.h"

#include "item_locator.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

namespace sightline {
namespace {

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

// "10.0.0.0/8, 192.168.0.0/16" or one a line: commas, spaces and line breaks all separate.
std::vector<std::string> split_list(const std::string& text, bool spaces_separate) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) out.push_back(current);
        current.clear();
    };
    for (char c : text) {
        if (c == ',' || c == '\n' || c == '\r' || (spaces_separate && (c == ' ' || c == '\t'))) flush();
        else current += c;
    }
    flush();
    return out;
}

const ImVec4 kErrorColour(1.0f, 0.55f, 0.5f, 1.0f);

} // namespace

void IpRangesPanel::draw(AppModel& model, UiPlatform&) {
    if (!open_) return;
    ImGui::SetNextWindowSize(ImVec2(64 * ImGui::GetFontSize(), 36 * ImGui::GetFontSize()), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(title(), &open_)) {
        ImGui::End();
        return;
    }
    note_item("ipranges:window");
    const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
    if (focused && !ImGui::GetIO().WantTextInput && ImGui::GetIO().KeyCtrl &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)) && model.can_undo_ip_ranges())
        show_result(model.undo_ip_ranges());
    ImGui::TextWrapped("Ranges you set win over the category, tags, ISP and location in the export, for every "
                       "activity from their addresses; removing a range gives the exported values back.");
    if (ImGui::Button("Add range")) {
        form_ = Form{};
        error_.clear();
    }
    note_item("ipranges:add");
    ImGui::SameLine();
    ImGui::BeginDisabled(!model.can_undo_ip_ranges());
    if (ImGui::Button("Undo")) show_result(model.undo_ip_ranges());
    note_item("ipranges:undo");
    ImGui::EndDisabled();
    if (form_) draw_form(model);
    if (!error_.empty()) {
        ImGui::TextColored(kErrorColour, "%s", error_.c_str());
        note_item("ipranges:error");
    }
    draw_table(model);
    ImGui::End();
}

void IpRangesPanel::draw_form(AppModel& model) {
    Form& f = *form_;
    ImGui::Separator();
    ImGui::TextUnformatted(f.editing.empty() ? "New range" : ("Edit \"" + f.editing + "\"").c_str());
    const float width = 30 * ImGui::GetFontSize();
    ImGui::SetNextItemWidth(width);
    ImGui::InputText("Name", &f.name);
    note_item("ipranges:name");
    ImGui::SetNextItemWidth(width);
    ImGui::InputTextMultiline("CIDRs", &f.cidrs, ImVec2(width, 3.2f * ImGui::GetTextLineHeightWithSpacing()));
    note_item("ipranges:cidrs");
    ImGui::SameLine();
    ImGui::TextDisabled("one a line or comma-separated; IPv4 or IPv6");
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo("Category", f.category.c_str())) {
        for (std::string_view category : ip_categories()) {
            const std::string label(category);
            if (ImGui::Selectable(label.c_str(), f.category == label)) f.category = label;
            note_item("ipranges:category/" + label);
        }
        ImGui::EndCombo();
    }
    note_item("ipranges:category");
    ImGui::SetNextItemWidth(width);
    ImGui::InputText("Tags", &f.tags);
    note_item("ipranges:tags");
    ImGui::SetNextItemWidth(width);
    ImGui::InputText("ISP override", &f.isp);
    note_item("ipranges:isp");
    ImGui::SetNextItemWidth(4 * ImGui::GetFontSize());
    ImGui::InputText("Country override (ISO code)", &f.country);
    note_item("ipranges:country");
    if (ImGui::Button("Save")) save(model);
    note_item("ipranges:save");
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) {
        form_.reset();
        error_.clear();
    }
    note_item("ipranges:cancel");
    ImGui::Separator();
}

void IpRangesPanel::save(AppModel& model) {
    const Form& f = *form_;
    IpRangeDefinition range{f.name, split_list(f.cidrs, true), f.category, split_list(f.tags, false), f.isp, f.country};
    const std::string error = model.set_ip_range(range, f.editing);
    show_result(error);
    if (error.empty()) form_.reset();
}

void IpRangesPanel::start_edit(const IpRangeDefinition& range) {
    form_ = Form{range.name, range.name, joined(range.cidrs, "\n"), range.category, joined(range.tags, ", "),
                 range.isp, range.country};
    error_.clear();
}

void IpRangesPanel::show_result(const std::string& error) { error_ = error; }

void IpRangesPanel::draw_table(AppModel& model) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("ip_ranges", 7, flags)) return;
    for (const char* heading : {"Name", "CIDRs", "Category", "Tags", "ISP", "Country"}) ImGui::TableSetupColumn(heading);
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("EditRemove").x + 4 * style.FramePadding.x + style.ItemSpacing.x);
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    std::optional<IpRangeDefinition> to_edit;
    std::string to_remove;
    for (const IpRangeDefinition& range : model.ip_ranges().all()) {
        ImGui::PushID(range.name.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(range.name.c_str());
        note_item("ipranges:row/" + range.name);
        if (range.builtin && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", range.note.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", joined(range.cidrs, ", ").c_str());
        ImGui::TableNextColumn();
        if (range.builtin) ImGui::TextDisabled("(export's)");
        else ImGui::TextUnformatted(range.category.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(joined(range.tags, ", ").c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(range.isp.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(range.country.c_str());
        ImGui::TableNextColumn();
        if (range.builtin) {
            ImGui::TextDisabled("built-in");
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", range.note.c_str());
        } else {
            if (ImGui::SmallButton("Edit")) to_edit = range;
            note_item("ipranges:edit/" + range.name);
            ImGui::SameLine();
            if (ImGui::SmallButton("Remove")) to_remove = range.name;
            note_item("ipranges:remove/" + range.name);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    // After the loop: the commands change the list being drawn.
    if (to_edit) start_edit(*to_edit);
    if (!to_remove.empty()) show_result(model.remove_ip_range(to_remove));
}

} // namespace sightline
