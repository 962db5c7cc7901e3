// Advanced filters: rows of "[field] [operator] [values]" under "Activities matching all of
// the following", removable, the same field allowed twice, and nested any/all groups. Edits
// go to a draft; each valid draft becomes the model's filter, an invalid one shows why.
#pragma once

#include "app/app_model.h"
#include "filter/activity_filter.h"
#include "value_picker.h"

#include <cstdint>
#include <string>

namespace sightline {

class AdvancedFilterPanel {
public:
    void draw(AppModel& model);

private:
    bool draw_group(AppModel& model, FilterNode& group, int depth);
    // `row` names the row's widgets for the browser tests' itemRect ("3", "nested:0").
    bool draw_condition(AppModel& model, FilterNode& node, const std::string& row);
    bool draw_role(FilterCondition& condition, const std::string& row);
    bool draw_operator(FilterCondition& condition, const std::string& row);
    bool draw_values(AppModel& model, FilterCondition& condition, const std::string& row);
    void sync_from_model(const AppModel& model);
    void apply(AppModel& model);

    ActivityFilter draft_;
    std::string applied_json_;   // the model filter the draft was last synced to or applied as
    std::string error_;
    ValuePicker picker_;
    int next_id_ = 0;            // ImGui ids for rows, reset each frame
};

} // namespace sightline
