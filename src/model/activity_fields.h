// An activity's imported fields as views: of an Activity's strings, or of rows decoded from the
// parse worker's bytes (import/parsed_rows.h), which the store binds without copying them.
#pragma once

#include "model/activity.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// A list field's values: an Activity's vector of strings, or views held elsewhere.
class TextList {
public:
    TextList() = default;
    TextList(const std::vector<std::string>& values) : strings_(values.data()), size_(values.size()) {}
    TextList(std::span<const std::string_view> values) : views_(values.data()), size_(values.size()) {}
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    std::string_view operator[](size_t i) const { return strings_ ? std::string_view(strings_[i]) : views_[i]; }

private:
    const std::string* strings_ = nullptr;
    const std::string_view* views_ = nullptr;
    size_t size_ = 0;
};

// The C++ type of a field of each kind as a view.
template <FieldKind Kind> struct FieldViewType;
template <> struct FieldViewType<FieldKind::Text> { using type = std::string_view; };
template <> struct FieldViewType<FieldKind::Time> { using type = int64_t; };
template <> struct FieldViewType<FieldKind::Bool> { using type = bool; };
template <> struct FieldViewType<FieldKind::List> { using type = TextList; };
template <FieldKind Kind> using FieldView = typename FieldViewType<Kind>::type;

// The fields an importer fills (not the analyst's marks, nor `raw`, which travels beside), one
// member a row of SIGHTLINE_IMPORTED_FIELDS (model/field_table.h).
struct ActivityFields {
#define SIGHTLINE_VIEW_MEMBER(member, name, kind, ...) FieldView<FieldKind::kind> member{};
    SIGHTLINE_IMPORTED_FIELDS(SIGHTLINE_VIEW_MEMBER)
#undef SIGHTLINE_VIEW_MEMBER
};

// Views of `a`'s fields, valid while `a` is unchanged.
inline ActivityFields fields_of(const Activity& a) {
    ActivityFields out;
#define SIGHTLINE_VIEW_OF(member, ...) out.member = a.member;
    SIGHTLINE_IMPORTED_FIELDS(SIGHTLINE_VIEW_OF)
#undef SIGHTLINE_VIEW_OF
    return out;
}

} // namespace sightline
