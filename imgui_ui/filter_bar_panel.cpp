#include "filter_bar_panel.h"

#include "filter/filter_check.h"
#include "filter/filter_edit.h"
#include "item_locator.h"
#include "util/ip_address.h"
#include "util/time_format.h"

#include <imgui.h>

#include <cstring>

namespace sightline {
namespace {

void copy_to(char* buffer, size_t size, const std::string& text) {
    std::strncpy(buffer, text.c_str(), size - 1);
    buffer[size - 1] = '\0';
}

std::string first_or_empty(const std::vector<std::string>& values) { return values.empty() ? "" : values.front(); }

// A "to" date without a time means the whole of that day.
std::string end_of_day_if_date_only(const std::string& text) {
    if (text.size() == 10 && parse_iso8601(text)) return text + "T23:59:59.999Z";
    return text;
}

// Puts the next widget beside the last one when it fits in the window, else starts a new row:
// on a narrow window the bar wraps rather than cutting off its last buttons.
void flow(float next_width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next_width <= right) ImGui::SameLine();
}

float button_width(const char* text) {
    return ImGui::CalcTextSize(text, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

// A chip's text: its label, and what it selects ("App: Box +2").
std::string chip_text(const ActivityFilter& filter, const char* label, const char* field) {
    std::vector<std::string> selected = top_level_values(filter, field, FilterOp::Eq);
    if (selected.empty()) return label;
    return std::string(label) + ": " + selected.front() + (selected.size() > 1 ? " +" + std::to_string(selected.size() - 1) : "");
}

std::string chip_button_label(const ActivityFilter& filter, const char* label, const char* field) {
    return chip_text(filter, label, field) + "  v###chip" + field;
}

} // namespace

void FilterBarPanel::sync_from_model(const AppModel& model) {
    if (synced_revision_ == model.log().revision()) return;
    synced_revision_ = model.log().revision();
    const ActivityFilter& f = model.log().filter();
    std::string ip = first_or_empty(top_level_values(f, "ip", FilterOp::Eq));
    if (ip.empty()) ip = first_or_empty(top_level_values(f, "ip", FilterOp::StartsWith));
    if (!ImGui::IsAnyItemActive()) copy_to(ip_text_, sizeof ip_text_, ip);
    auto between = top_level_values(f, "time", FilterOp::Between);
    std::string from = between.size() == 2 ? between[0] : first_or_empty(top_level_values(f, "time", FilterOp::After));
    std::string to = between.size() == 2 ? between[1] : first_or_empty(top_level_values(f, "time", FilterOp::Before));
    if (!ImGui::IsAnyItemActive()) {
        copy_to(from_text_, sizeof from_text_, from);
        copy_to(to_text_, sizeof to_text_, to);
    }
}

void FilterBarPanel::draw(AppModel& model, UiPlatform&) {
    sync_from_model(model);
    const ActivityFilter& filter = model.log().filter();
    const float font = ImGui::GetFontSize();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    auto chip_width = [&](const char* label, const char* field) {
        return button_width(chip_button_label(filter, label, field).c_str());
    };
    draw_chip(model, "App", "app");
    flow(chip_width("User name", "user"));
    draw_chip(model, "User name", "user");
    flow(kIpBoxEms * font);
    draw_ip_box(model);
    flow(chip_width("Activity type", "activity_type"));
    draw_chip(model, "Activity type", "activity_type");
    flow(chip_width("Location", "country"));
    draw_chip(model, "Location", "country");
    flow(2 * kDateBoxEms * font + spacing);
    draw_date_range(model);
    flow(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize("Advanced filters").x);
    ImGui::Checkbox("Advanced filters", &show_advanced_);
    note_item("filter:advanced");
    if (!model.log().filter().empty()) {
        flow(button_width("Clear filters"));
        if (ImGui::Button("Clear filters")) model.log().set_filter({});
        note_item("filter:clear");
    }
    if (!date_error_.empty()) ImGui::TextColored(ImVec4(1, 0.55f, 0.5f, 1), "%s", date_error_.c_str());
    if (show_advanced_) advanced_.draw(model);
}

void FilterBarPanel::draw_chip(AppModel& model, const char* label, const char* field) {
    std::vector<std::string> selected = top_level_values(model.log().filter(), field, FilterOp::Eq);
    std::string popup = std::string("picker:") + field;
    if (ImGui::Button(chip_button_label(model.log().filter(), label, field).c_str())) ImGui::OpenPopup(popup.c_str());
    note_item(std::string("chip:") + label);
    if (picker_.draw_popup(popup.c_str(), model, field, selected))
        model.log().set_filter(with_top_level_values(model.log().filter(), field, FilterOp::Eq, std::move(selected)));
}

void FilterBarPanel::draw_ip_box(AppModel& model) {
    ImGui::SetNextItemWidth(kIpBoxEms * ImGui::GetFontSize());
    if (focus_search_) {
        ImGui::SetKeyboardFocusHere();
        focus_search_ = false;
    }
    bool entered = ImGui::InputTextWithHint("##ip", "Raw IP address", ip_text_, sizeof ip_text_,
                                            ImGuiInputTextFlags_EnterReturnsTrue);
    note_item("filter:ip");
    if (!entered && !ImGui::IsItemDeactivatedAfterEdit()) return;
    // A whole address matches exactly; a partial one ("10.20.") matches as a prefix.
    std::string text = ip_text_;
    ActivityFilter f = with_top_level_values(model.log().filter(), "ip", FilterOp::Eq, {});
    f = with_top_level_values(std::move(f), "ip", FilterOp::StartsWith, {});
    if (!text.empty()) {
        bool whole = parse_ip(normalize_ip_text(text)).has_value();
        f = with_top_level_values(std::move(f), "ip", whole ? FilterOp::Eq : FilterOp::StartsWith,
                                  {whole ? normalize_ip_text(text) : text});
    }
    model.log().set_filter(std::move(f));
}

void FilterBarPanel::draw_date_range(AppModel& model) {
    float width = kDateBoxEms * ImGui::GetFontSize();
    ImGui::SetNextItemWidth(width);
    ImGui::InputTextWithHint("##from", "From (YYYY-MM-DD)", from_text_, sizeof from_text_);
    bool done = ImGui::IsItemDeactivatedAfterEdit();
    note_item("filter:from");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    ImGui::InputTextWithHint("##to", "To (YYYY-MM-DD)", to_text_, sizeof to_text_);
    done |= ImGui::IsItemDeactivatedAfterEdit();
    note_item("filter:to");
    if (!done) return;

    std::string from = from_text_, to = end_of_day_if_date_only(to_text_);
    date_error_.clear();
    for (const std::string* bound : {&from, &to})
        if (!bound->empty() && !parse_filter_time(*bound))
            date_error_ = "Not a date: \"" + *bound + "\". Use YYYY-MM-DD or YYYY-MM-DDTHH:MM.";
    if (!date_error_.empty()) return;
    ActivityFilter f = model.log().filter();
    for (FilterOp op : {FilterOp::Between, FilterOp::After, FilterOp::Before})
        f = with_top_level_values(std::move(f), "time", op, {});
    if (!from.empty() && !to.empty()) f = with_top_level_values(std::move(f), "time", FilterOp::Between, {from, to});
    else if (!from.empty()) f = with_top_level_values(std::move(f), "time", FilterOp::After, {from});
    else if (!to.empty()) f = with_top_level_values(std::move(f), "time", FilterOp::Before, {to});
    model.log().set_filter(std::move(f));
}

} // namespace sightline
