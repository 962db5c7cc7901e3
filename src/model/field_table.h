// The canonical activity fields of the automation contract (shared/AUTOMATION.md), written once.
// Everything that knows the fields derives from this list: the Activity struct and its views
// (model/activity.h, model/activity_fields.h), the lookup by name (model/canonical_fields.h), the
// store's schema, insert and reads (store/), the column copy (store/activity_columns.cpp), the
// parse worker's encoding (import/parsed_rows.cpp), the activity JSON (api/activity_json.cpp), the
// activity log's columns (app/field_layouts.h) and the filter operators (filter/filter_check).
// Adding a field is one line here plus its importer mapping; tests/unit/field_table_test.cpp checks
// that every consumer knows every field.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace sightline {

// What a field holds, which decides its C++ type (model/activity.h) and its SQL form.
enum class FieldKind : uint8_t {
    Text,   // a TEXT column of activities
    Time,   // the `time` column: INTEGER epoch ms, ISO 8601 text in results
    Bool,   // INTEGER 0/1 column
    List,   // a side table activity_<field>(activity, value)
};

// Groups of filter operators, in the order the operator menus list them (filter/filter_check.cpp
// spells out each group's operators; the model layer does not know FilterOp).
enum FieldOps : uint8_t {
    kTruthOps = 1 << 0,    // is_true, is_false
    kCompareOps = 1 << 1,  // eq, neq
    kWordOps = 1 << 2,     // contains, not_contains
    kAffixOps = 1 << 3,    // starts_with, not_starts_with, ends_with
    kTimeOps = 1 << 4,     // before, after, between, last_days, time_of_day
    kPresenceOps = 1 << 5, // is_set, is_not_set
    kCidrOps = 1 << 6,     // in_cidr, not_in_cidr (over the ip_bin column beside `ip`)
};
inline constexpr uint8_t kTextFieldOps = kCompareOps | kWordOps | kAffixOps | kPresenceOps;
inline constexpr uint8_t kIpFieldOps = kTextFieldOps | kCidrOps;
inline constexpr uint8_t kTimeFieldOps = kTimeOps | kPresenceOps;
inline constexpr uint8_t kFlagFieldOps = kTruthOps | kCompareOps;
inline constexpr uint8_t kListFieldOps = kTextFieldOps;

// How eq/neq compare: UPNs, domains and IPv6 hex digits mean the same in any case.
enum class FieldCase : uint8_t { Exact, Nocase };

// What the column copy (store/activity_columns.h) keeps of a field, and so how free text finds a
// text field on the copy's path (query/free_text_search.cpp): in the coded values, or through
// the raw record (store/texts_beside_record.h). Lists and the comment are searched by SQL.
enum class FieldCopy : uint8_t { None, Time, Flag, Coded, BesideRaw };

// Who writes a field: the importers (the store's writer binds it), or the analyst's marks
// (store/activity_marks.h; never imported, kept with the session).
enum class FieldOwner : uint8_t { Import, Analyst };

// The column definitions of `activities`, named so the table below stays one line a field.
namespace field_sql {
inline constexpr std::string_view kText = "TEXT NOT NULL DEFAULT ''";
inline constexpr std::string_view kId = "TEXT NOT NULL";
inline constexpr std::string_view kTime = "INTEGER NOT NULL"; // epoch ms UTC
inline constexpr std::string_view kFlag = "INTEGER NOT NULL DEFAULT 0";
// Where the row came from: a code of store/activity_origins.h (column `origin`) read out as two texts.
inline constexpr std::string_view kSource = "TEXT GENERATED ALWAYS AS (sl_source(origin)) VIRTUAL";
inline constexpr std::string_view kFile = "TEXT GENERATED ALWAYS AS (sl_file(origin)) VIRTUAL";
inline constexpr std::string_view kSideTable = ""; // no column: the side table activity_<name>
} // namespace field_sql

// X(member, name, kind, label, ops, case, copy, sql)
//   member  the C++ member of Activity and ActivityFields
//   name    the canonical name, also the SQL column or the side table's suffix
//   kind    FieldKind        label  what the UI calls it (Defender's filter name)
//   ops     operator groups  case   FieldCase of eq/neq
//   copy    FieldCopy        sql    the column's definition in `activities` (field_sql)
// The fields an importer fills, in the contract's order (which is also the JSON's). Their
// meanings are the contract's; in short: id is the export's activity ID or a stable hash of the
// record; time is epoch ms UTC; activity_type is normalised (Log on, Failed log on, Download file,
// ...) and action_type the app's raw operation name; ip is normalised (no port, no brackets);
// ip_category is Corporate, Administrative, Risky, VPN, Cloud provider, Other or empty; country is
// ISO 3166-1 alpha-2; device_type is PC, Mobile, Tablet or Other; result is Success or Failure;
// source is the import format that produced the row and file the file it came from.
#define SIGHTLINE_IMPORTED_FIELDS(X) \
    X(id,               "id",               Text, "Activity ID",             kTextFieldOps, Exact,  BesideRaw, kId) \
    X(time_ms,          "time",             Time, "Date",                    kTimeFieldOps, Exact,  Time,      kTime) \
    X(app,              "app",              Text, "App",                     kTextFieldOps, Exact,  Coded,     kText) \
    X(activity_type,    "activity_type",    Text, "Activity type",           kTextFieldOps, Exact,  Coded,     kText) \
    X(action_type,      "action_type",      Text, "Action type",             kTextFieldOps, Exact,  Coded,     kText) \
    X(description,      "description",      Text, "Activity",                kTextFieldOps, Exact,  BesideRaw, kText) \
    X(user,             "user",             Text, "User",                    kTextFieldOps, Nocase, Coded,     kText) \
    X(user_domain,      "user_domain",      Text, "User domain",             kTextFieldOps, Nocase, Coded,     kText) \
    X(ip,               "ip",               Text, "IP address",              kIpFieldOps,   Nocase, Coded,     kText) \
    X(ip_category,      "ip_category",      Text, "IP category",             kTextFieldOps, Exact,  Coded,     kText) \
    X(ip_tags,          "ip_tags",          List, "IP tag",                  kListFieldOps, Exact,  None,      kSideTable) \
    X(country,          "country",          Text, "Location",                kTextFieldOps, Exact,  Coded,     kText) \
    X(city,             "city",             Text, "City",                    kTextFieldOps, Exact,  Coded,     kText) \
    X(isp,              "isp",              Text, "Registered ISP",          kTextFieldOps, Exact,  Coded,     kText) \
    X(user_agent,       "user_agent",       Text, "User agent",              kTextFieldOps, Exact,  Coded,     kText) \
    X(ua_tags,          "ua_tags",          List, "User agent tag",          kListFieldOps, Exact,  None,      kSideTable) \
    X(device_type,      "device_type",      Text, "Device type",             kTextFieldOps, Exact,  Coded,     kText) \
    X(browser,          "browser",          Text, "Browser",                 kTextFieldOps, Exact,  Coded,     kText) \
    X(os,               "os",               Text, "Operating system",        kTextFieldOps, Exact,  Coded,     kText) \
    X(objects,          "objects",          List, "Activity objects",        kListFieldOps, Exact,  None,      kSideTable) \
    X(admin,            "admin",            Bool, "Administrative activity", kFlagFieldOps, Exact,  Flag,      kFlag) \
    X(impersonated,     "impersonated",     Bool, "Impersonated activity",   kFlagFieldOps, Exact,  Flag,      kFlag) \
    X(result,           "result",           Text, "Result",                  kTextFieldOps, Exact,  Coded,     kText) \
    X(source,           "source",           Text, "Source",                  kTextFieldOps, Exact,  Coded,     kSource) \
    X(file,             "file",             Text, "File",                    kTextFieldOps, Exact,  Coded,     kFile) \
    X(matched_policies, "matched_policies", List, "Matched policy",          kListFieldOps, Exact,  None,      kSideTable)

// The analyst's own marks (store/activity_marks.h), after the imported fields.
#define SIGHTLINE_ANALYST_FIELDS(X) \
    X(starred,          "starred",          Bool, "Starred",                 kFlagFieldOps, Exact,  None,      kFlag) \
    X(tags,             "tags",             List, "Tag",                     kListFieldOps, Exact,  None,      kSideTable) \
    X(comment,          "comment",          Text, "Comment",                 kTextFieldOps, Exact,  None,      kText)

// One row of the table.
struct FieldInfo {
    std::string_view name;    // canonical name, also the SQL column or side-table suffix
    FieldKind kind;
    std::string_view label;   // what the UI calls it (Defender's filter name)
    uint8_t ops;              // FieldOps bits
    FieldCase compare;
    FieldCopy copy;
    FieldOwner owner;
    std::string_view sql;     // column definition in `activities`; empty for a list
};

// Each field's place in the table, named after its member: FieldId::ip_tags.
enum class FieldId : uint8_t {
#define SIGHTLINE_FIELD_ID(member, ...) member,
    SIGHTLINE_IMPORTED_FIELDS(SIGHTLINE_FIELD_ID) SIGHTLINE_ANALYST_FIELDS(SIGHTLINE_FIELD_ID)
#undef SIGHTLINE_FIELD_ID
};

inline constexpr FieldInfo kFieldTable[] = {
#define SIGHTLINE_IMPORTED_ROW(member, name, kind, label, ops, compare, copy, sql) \
    {name, FieldKind::kind, label, ops, FieldCase::compare, FieldCopy::copy, FieldOwner::Import, field_sql::sql},
#define SIGHTLINE_ANALYST_ROW(member, name, kind, label, ops, compare, copy, sql) \
    {name, FieldKind::kind, label, ops, FieldCase::compare, FieldCopy::copy, FieldOwner::Analyst, field_sql::sql},
    SIGHTLINE_IMPORTED_FIELDS(SIGHTLINE_IMPORTED_ROW) SIGHTLINE_ANALYST_FIELDS(SIGHTLINE_ANALYST_ROW)
#undef SIGHTLINE_IMPORTED_ROW
#undef SIGHTLINE_ANALYST_ROW
};

inline constexpr size_t kFieldCount = std::size(kFieldTable);

// Whether the store's writer binds the field to a column of its own: an imported field that is
// neither a list (a side table) nor a generated column (source and file come from `origin`).
constexpr bool writer_binds(const FieldInfo& f) {
    return f.owner == FieldOwner::Import && f.kind != FieldKind::List &&
           f.sql.find(" GENERATED ") == std::string_view::npos;
}

constexpr size_t count_fields(auto&& keep) {
    size_t n = 0;
    for (const FieldInfo& f : kFieldTable) n += keep(f) ? 1 : 0;
    return n;
}
inline constexpr size_t kImportedFieldCount =
    count_fields([](const FieldInfo& f) { return f.owner == FieldOwner::Import; });
inline constexpr size_t kImportedListCount =
    count_fields([](const FieldInfo& f) { return f.owner == FieldOwner::Import && f.kind == FieldKind::List; });

// A field's row by its id, at compile time: FieldTag<FieldId::ip>::info.kind.
template <FieldId Id>
struct FieldTag {
    static constexpr FieldId id = Id;
    static constexpr size_t index = static_cast<size_t>(Id);
    static constexpr const FieldInfo& info = kFieldTable[index];
    // Among the imported list fields, this one's place (for arrays of one slot a list field).
    static constexpr size_t imported_list_index = [] {
        size_t n = 0;
        for (size_t i = 0; i < index; ++i)
            n += kFieldTable[i].owner == FieldOwner::Import && kFieldTable[i].kind == FieldKind::List;
        return n;
    }();
};

// Calls f(FieldTag<Id>{}) for every field of the table, in its order, at compile time.
template <typename F>
constexpr void visit_field_tags(F&& f) {
#define SIGHTLINE_VISIT_TAG(member, ...) f(FieldTag<FieldId::member>{});
    SIGHTLINE_IMPORTED_FIELDS(SIGHTLINE_VISIT_TAG) SIGHTLINE_ANALYST_FIELDS(SIGHTLINE_VISIT_TAG)
#undef SIGHTLINE_VISIT_TAG
}

} // namespace sightline
