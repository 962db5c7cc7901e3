// Text fields that free text finds through the raw records (store/raw_records.h): in the raw
// record itself when it holds them verbatim, as it nearly always does, else as the record's
// extra texts. The other text fields are in the column copy (ActivityColumns::coded_fields)
// or, for the analyst's comment, searched by SQL.
#pragma once

#include "model/activity.h"

#include <cstddef>
#include <span>
#include <string_view>

namespace sightline {

// Whether free text finds `field` (a canonical field name) through the raw records: the fields
// whose FieldCopy is BesideRaw in model/field_table.h (id and description).
bool text_searched_with_raw(std::string_view field);

// Those of them that `raw` does not hold verbatim: RawRecordIn::extra_texts of the row. Views
// of the activity's strings.
struct TextsBesideRecord {
    std::string_view texts[count_fields([](const FieldInfo& f) { return f.copy == FieldCopy::BesideRaw; })];
    size_t count = 0;
    std::span<const std::string_view> span() const { return {texts, count}; }
};
TextsBesideRecord texts_beside_record(const Activity& activity, std::string_view raw);

} // namespace sightline
