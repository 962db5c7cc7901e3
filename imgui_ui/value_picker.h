// A popup that lists a field's values with their counts (facets) under the current filter,
// minus the field's own conditions, so the analyst sees what they could add. Checkboxes pick
// several values (ORed); a search box narrows long lists.
#pragma once

#include "app/app_model.h"
#include "query/activity_query.h"

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

class ValuePicker {
public:
    // Draws the popup `popup_id` if it is open. Returns true when `selected` changed.
    bool draw_popup(const char* popup_id, AppModel& model, std::string_view field, std::vector<std::string>& selected);

private:
    void refresh(AppModel& model, std::string_view field);

    std::string field_;
    uint64_t revision_ = 0;
    std::vector<ValueCount> values_;
    std::string error_;
    char search_[128] = "";
};

} // namespace sightline
