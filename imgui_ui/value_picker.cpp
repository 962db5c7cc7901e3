#include "value_picker.h"

#include "filter/filter_edit.h"
#include "text/word_match.h"
#include "item_locator.h"
#include "number_format.h"

#include <imgui.h>

#include <algorithm>

namespace sightline {

void ValuePicker::refresh(AppModel& model, std::string_view field) {
    field_ = std::string(field);
    revision_ = model.log().revision();
    error_.clear();
    try {
        values_ = model.log().count_values(field, without_field(model.log().filter(), field), 500);
    } catch (const std::exception& e) {
        values_.clear();
        error_ = e.what();
    }
}

bool ValuePicker::draw_popup(const char* popup_id, AppModel& model, std::string_view field,
                             std::vector<std::string>& selected) {
    if (!ImGui::BeginPopup(popup_id)) return false;
    if (ImGui::IsWindowAppearing()) {
        search_[0] = '\0';
        ImGui::SetKeyboardFocusHere();
    }
    if (ImGui::IsWindowAppearing() || field_ != field || revision_ != model.log().revision()) refresh(model, field);
    ImGui::SetNextItemWidth(18 * ImGui::GetFontSize());
    ImGui::InputTextWithHint("##search", "Search values", search_, sizeof search_);
    bool changed = false;
    if (!selected.empty() && ImGui::SmallButton("Clear selection")) {
        selected.clear();
        changed = true;
    }
    if (!error_.empty()) ImGui::TextDisabled("%s", error_.c_str());
    if (values_.empty() && error_.empty()) ImGui::TextDisabled("No values in the loaded activities");
    ImGui::BeginChild("values", ImVec2(24 * ImGui::GetFontSize(), 16 * ImGui::GetFontSize()));
    for (const ValueCount& v : values_) {
        if (search_[0] && !contains_ci(v.value, search_)) continue;
        auto it = std::find(selected.begin(), selected.end(), v.value);
        bool checked = it != selected.end();
        std::string label = v.value + "##" + v.value;
        if (ImGui::Checkbox(label.c_str(), &checked)) {
            if (checked) selected.push_back(v.value);
            else selected.erase(it);
            changed = true;
        }
        note_item("picker:" + v.value);
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(format_count(v.count).c_str()).x);
        ImGui::TextDisabled("%s", format_count(v.count).c_str());
    }
    ImGui::EndChild();
    ImGui::EndPopup();
    return changed;
}

} // namespace sightline
