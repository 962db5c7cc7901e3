// The basic filter bar over the activity log, as Defender shows it: App, User name, Raw IP
// address, Activity type, Location and a date range, plus the switch to advanced filters.
// Each chip edits one top-level condition of the model's filter.
#pragma once

#include "panel.h"
#include "advanced_filter_panel.h"
#include "app/app_model.h"
#include "value_picker.h"

#include <cstdint>
#include <string>

namespace sightline {

class FilterBarPanel : public Panel {
public:
    const char* title() const override { return "Filters"; }
    void draw(AppModel& model, UiPlatform& platform) override;
    // `/` focuses the IP box (the bar's free-text field) on the next frame.
    void focus_search() { focus_search_ = true; }

private:
    // Widths of the text boxes, in font sizes (the bar's wrapping needs them before drawing).
    static constexpr float kIpBoxEms = 11.0f;
    static constexpr float kDateBoxEms = 8.5f;

    void draw_chip(AppModel& model, const char* label, const char* field);
    void draw_ip_box(AppModel& model);
    void draw_date_range(AppModel& model);
    void sync_from_model(const AppModel& model);

    ValuePicker picker_;
    AdvancedFilterPanel advanced_;
    bool show_advanced_ = false;
    bool focus_search_ = false;
    uint64_t synced_revision_ = UINT64_MAX;
    char ip_text_[64] = "";
    char from_text_[40] = "";
    char to_text_[40] = "";
    std::string date_error_;
};

} // namespace sightline
