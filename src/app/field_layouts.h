// Where the UI shows the canonical fields: the activity log's columns and the details drawer's
// rows, as data the panels read (imgui_ui/activity_log_panel.cpp, activity_drawer_panel.cpp) and
// tests can check natively. Labels come from the field table (model/field_table.h); the lists
// here only order the fields and size the columns, and any imported field they do not name is
// added at the end, so a new field shows up without an edit here.
#pragma once

#include <string_view>
#include <vector>

namespace sightline {

struct LogColumn {
    std::string_view field;    // the canonical field it shows, sorts by and filters on
    std::string_view label;    // the field's label, except the Marks column (every mark)
    float width;               // in pixels at a 15 px font
    bool shown;                // visible until the analyst hides it (right-click a header)
    bool can_hide;
    bool sortable;             // not a list field
    bool sorted_by_default;    // the table opens sorted by it, newest first
};

// Every column of the activity log, in order: Date first (the table freezes it).
const std::vector<LogColumn>& activity_log_columns();

// The label of the column that shows the analyst's marks (star, tags, comment): it is keyed on
// `starred` but shows more than that field.
inline constexpr std::string_view kMarksColumnLabel = "Marks";

// The details drawer's fields, in the order Defender's General tab shows them.
const std::vector<std::string_view>& activity_details_fields();

} // namespace sightline
