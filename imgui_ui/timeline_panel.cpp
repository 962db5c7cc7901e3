#include "timeline_panel.h"

#include "item_locator.h"
#include "number_format.h"
#include "util/time_format.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace sightline {

void TimelinePanel::update(AppModel& model) {
    // The bars stay while a search runs (its answer comes first) and while an import holds its
    // transaction open: inside it the replaced demo rows are already gone, so the mapping
    // dialog's backdrop charted nothing.
    if (model.log().searching() || model.import_session().job()) return;
    const bool copy_ready = model.log().fast_filters_ready();
    if (revision_ == model.log().revision() && built_with_copy_ == copy_ready) return;
    // While waiting, the chart keeps its last bars (a starred row makes the copy stale too).
    waiting_for_copy_ = !copy_ready && model.log().total_activities() > kMaxRowsWithoutCopy;
    if (waiting_for_copy_) return;
    revision_ = model.log().revision();
    built_with_copy_ = copy_ready;
    histogram_ = model.log().timeline();
}

void TimelinePanel::draw(AppModel& model, UiPlatform&) {
    update(model);
    float height = 3.6f * ImGui::GetFontSize();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton("timeline", ImVec2(width, height));
    note_item("timeline");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg));
    if (histogram_.empty() || histogram_.max_count == 0) {
        draw->AddText(ImVec2(origin.x + 8, origin.y + 8), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                      waiting_for_copy_ ? "Preparing the timeline..." : "No activities to chart");
        return;
    }
    const size_t n = histogram_.counts.size();
    const float bar = width / static_cast<float>(n);
    const ImU32 colour = ImGui::GetColorU32(ImVec4(0.36f, 0.61f, 1.0f, 0.85f));
    // The date labels have the top line to themselves: the tallest bar stops below them.
    const float bars_height = height - ImGui::GetFontSize() - 4;
    for (size_t i = 0; i < n; ++i) {
        if (histogram_.counts[i] == 0) continue;
        float h = bars_height * static_cast<float>(histogram_.counts[i]) / static_cast<float>(histogram_.max_count);
        float x = origin.x + bar * static_cast<float>(i);
        draw->AddRectFilled(ImVec2(x + (bar > 3 ? 1 : 0), origin.y + height - std::max(h, 1.0f)),
                            ImVec2(x + bar, origin.y + height), colour);
    }
    std::string left = format_iso8601_utc(histogram_.start_ms).substr(0, 10);
    std::string right = format_iso8601_utc(histogram_.end_ms() - 1).substr(0, 10);
    ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    draw->AddText(ImVec2(origin.x + 4, origin.y + 2), text, left.c_str());
    draw->AddText(ImVec2(origin.x + width - ImGui::CalcTextSize(right.c_str()).x - 4, origin.y + 2), text, right.c_str());

    float mouse_x = ImGui::GetIO().MousePos.x - origin.x;
    if (ImGui::IsItemHovered() && drag_from_ < 0) {
        size_t i = std::min(n - 1, static_cast<size_t>(std::max(0.0f, mouse_x) / bar));
        ImGui::SetTooltip("%s\n%s activities", format_iso8601_utc(histogram_.bucket_start_ms(i)).substr(0, 16).c_str(),
                          format_count(histogram_.counts[i]).c_str());
    }
    if (ImGui::IsItemActivated()) drag_from_ = mouse_x;
    if (drag_from_ >= 0 && ImGui::IsItemActive()) {
        float a = std::clamp(std::min(drag_from_, mouse_x), 0.0f, width);
        float b = std::clamp(std::max(drag_from_, mouse_x), 0.0f, width);
        draw->AddRectFilled(ImVec2(origin.x + a, origin.y), ImVec2(origin.x + b, origin.y + height),
                            ImGui::GetColorU32(ImVec4(1, 1, 1, 0.15f)));
    }
    if (drag_from_ >= 0 && ImGui::IsItemDeactivated()) {
        // A click without a drag picks the bucket under the mouse.
        float from = std::min(drag_from_, mouse_x), to = std::max(drag_from_, mouse_x);
        if (to - from < 2) to = from + 1;
        if (auto span = timeline_span_condition(histogram_, from, to, width))
            model.log().set_filter(with_time_span(model.log().filter(), *span));
        drag_from_ = -1.0f;
    }
}

} // namespace sightline
