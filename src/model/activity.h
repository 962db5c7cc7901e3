// One activity as Sightline holds it: the canonical fields of the automation contract
// (shared/AUTOMATION.md), one member a row of model/field_table.h. Importers produce these; the
// store persists them.
#pragma once

#include "model/field_table.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sightline {

// The C++ type of a field of each kind, as an Activity holds it.
template <FieldKind Kind> struct FieldValueType;
template <> struct FieldValueType<FieldKind::Text> { using type = std::string; };
template <> struct FieldValueType<FieldKind::Time> { using type = int64_t; };   // epoch milliseconds UTC
template <> struct FieldValueType<FieldKind::Bool> { using type = bool; };
template <> struct FieldValueType<FieldKind::List> { using type = std::vector<std::string>; };
template <FieldKind Kind> using FieldValue = typename FieldValueType<Kind>::type;

struct Activity {
#define SIGHTLINE_ACTIVITY_MEMBER(member, name, kind, ...) FieldValue<FieldKind::kind> member{};
    SIGHTLINE_IMPORTED_FIELDS(SIGHTLINE_ACTIVITY_MEMBER)
    // The analyst's own marks, kept with the session (never imported).
    SIGHTLINE_ANALYST_FIELDS(SIGHTLINE_ACTIVITY_MEMBER)
#undef SIGHTLINE_ACTIVITY_MEMBER
    std::string raw;           // the original record as text
    // Which fields enrichment computed rather than read from the export, a bit a FieldId
    // (store/computed_fields.h); 0 for an activity as imported.
    uint64_t computed = 0;
};

// The member of field `Id` in `a` (an Activity, or ActivityFields for an imported field).
template <FieldId Id> struct FieldMember;
#define SIGHTLINE_MEMBER_ACCESS(member, ...) \
    template <> struct FieldMember<FieldId::member> { static constexpr auto& of(auto& a) { return a.member; } };
SIGHTLINE_IMPORTED_FIELDS(SIGHTLINE_MEMBER_ACCESS)
SIGHTLINE_ANALYST_FIELDS(SIGHTLINE_MEMBER_ACCESS)
#undef SIGHTLINE_MEMBER_ACCESS
template <FieldId Id, typename A>
constexpr auto& field_member(A& a) { return FieldMember<Id>::of(a); }

// Calls f(FieldTag<Id>{}, member) for each imported field of `a` (an Activity or the views of
// model/activity_fields.h), in the table's order. Unrolled at compile time: no per-row lookups.
template <typename Fields, typename F>
constexpr void visit_imported_fields(Fields& a, F&& f) {
#define SIGHTLINE_VISIT(member, ...) f(FieldTag<FieldId::member>{}, a.member);
    SIGHTLINE_IMPORTED_FIELDS(SIGHTLINE_VISIT)
#undef SIGHTLINE_VISIT
}

// The same over every field of an Activity, the analyst's marks included.
template <typename A, typename F>
constexpr void visit_fields(A& a, F&& f) {
#define SIGHTLINE_VISIT(member, ...) f(FieldTag<FieldId::member>{}, a.member);
    SIGHTLINE_IMPORTED_FIELDS(SIGHTLINE_VISIT)
    SIGHTLINE_ANALYST_FIELDS(SIGHTLINE_VISIT)
#undef SIGHTLINE_VISIT
}

// f(FieldTag<Id>{}, member) for the one field `id` of an Activity.
template <typename A, typename F>
constexpr void visit_field_at(A& a, FieldId id, F&& f) {
    switch (id) {
#define SIGHTLINE_CASE(member, ...) case FieldId::member: f(FieldTag<FieldId::member>{}, a.member); return;
        SIGHTLINE_IMPORTED_FIELDS(SIGHTLINE_CASE)
        SIGHTLINE_ANALYST_FIELDS(SIGHTLINE_CASE)
#undef SIGHTLINE_CASE
    }
}

// The same among the imported fields only (nothing for a mark's id).
template <typename Fields, typename F>
constexpr void visit_imported_field_at(Fields& a, FieldId id, F&& f) {
    switch (id) {
#define SIGHTLINE_CASE(member, ...) case FieldId::member: f(FieldTag<FieldId::member>{}, a.member); return;
        SIGHTLINE_IMPORTED_FIELDS(SIGHTLINE_CASE)
#undef SIGHTLINE_CASE
    default: return;
    }
}

} // namespace sightline
