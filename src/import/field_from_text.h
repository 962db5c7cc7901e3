// An imported field set from a table cell's text, by the field's kind (model/field_table.h): text
// as it is (an IP address normalised), lists split (import/field_text.h), booleans as yes/no
// flags. The table formats whose columns name fields (canonical, generic) use it, so a new field
// is read without an edit there; time and the analyst's marks are not set here.
#pragma once

#include "model/activity.h"

#include <string_view>

namespace sightline {

void set_field_from_text(Activity& activity, FieldId field, std::string_view text);

} // namespace sightline
