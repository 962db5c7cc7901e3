// Walks the field table (model/field_table.h) and checks that every consumer knows every field:
// the store's schema (asked of SQLite), a stored and re-read activity, the parse worker's
// encoding, the activity JSON, the column copy, the activity log's columns and the filter
// compiler. A consumer that kept its own list of fields and missed one fails here. The
// expectations are worked out from the table's rows, not from the consumers' own lists.
#include "api/activity_json.h"
#include "app/field_layouts.h"
#include "filter/filter_check.h"
#include "filter/filter_sql.h"
#include "import/parsed_rows.h"
#include "model/activity_field_text.h"
#include "model/canonical_fields.h"
#include "store/activity_store.h"
#include "util/time_format.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace sightline;

namespace {

constexpr int64_t kTime = 1767225600000; // 2026-01-01T00:00:00Z

// A different value in every field, found from its name: "<name> value", two list elements,
// true for booleans. The ip is an address so that its binary column is filled too.
std::string text_for(std::string_view field) { return field == "ip" ? "10.1.2.3" : std::string(field) + " value"; }
std::vector<std::string> list_for(std::string_view field) {
    return {std::string(field) + " one", std::string(field) + " two"};
}

Activity activity_with_every_field() {
    Activity a;
    visit_fields(a, []<typename Tag>(Tag, auto& value) {
        constexpr FieldKind kind = Tag::info.kind;
        if constexpr (kind == FieldKind::Text) value = text_for(Tag::info.name);
        else if constexpr (kind == FieldKind::List) value = list_for(Tag::info.name);
        else if constexpr (kind == FieldKind::Bool) value = true;
        else value = kTime;
    });
    a.raw = "the raw record";
    return a;
}

// The field's text (activity_field_text's form) that activity_with_every_field() gives it.
std::string expected_text(const FieldInfo& field) {
    switch (field.kind) {
    case FieldKind::Text: return text_for(field.name);
    case FieldKind::List: return list_for(field.name)[0] + ", " + list_for(field.name)[1];
    case FieldKind::Bool: return "true";
    case FieldKind::Time: return format_iso8601_utc(kTime);
    }
    return {};
}

std::string expected_imported_text(const FieldInfo& field) {
    if (field.owner == FieldOwner::Import) return expected_text(field);
    switch (field.kind) { // marks are never imported: a stored row starts without them
    case FieldKind::Bool: return "false";
    default: return "";
    }
}

// The columns of `activities` that are the store's own, not fields (store/schema.cpp).
const std::set<std::string> kStoreColumns = {"rowid", "ip_bin", "origin", "computed", "raw"};

struct SqlColumn {
    std::string type;
    bool hidden; // a generated column
};

std::map<std::string, SqlColumn> activities_columns(sqlite3* db) {
    std::map<std::string, SqlColumn> out;
    Statement st = prepare(db, "PRAGMA table_xinfo(activities)");
    while (step_row(db, st.get()))
        out[column_text(st.get(), 1)] = {column_text(st.get(), 2), sqlite3_column_int(st.get(), 6) != 0};
    return out;
}

std::vector<std::string> side_table_columns(sqlite3* db, const std::string& table) {
    std::vector<std::string> out;
    Statement st = prepare(db, "PRAGMA table_info(" + table + ")");
    while (step_row(db, st.get())) out.push_back(column_text(st.get(), 1));
    return out;
}

// Which group of the table's FieldOps each operator belongs to, spelled out per operator (the
// filter layer lists them per group): `text` ignores its field and belongs to none.
uint8_t group_of(FilterOp op) {
    switch (op) {
    case FilterOp::IsTrue: case FilterOp::IsFalse: return kTruthOps;
    case FilterOp::Eq: case FilterOp::Neq: return kCompareOps;
    case FilterOp::Contains: case FilterOp::NotContains: return kWordOps;
    case FilterOp::StartsWith: case FilterOp::NotStartsWith: case FilterOp::EndsWith: return kAffixOps;
    case FilterOp::Before: case FilterOp::After: case FilterOp::Between: case FilterOp::LastDays:
    case FilterOp::TimeOfDay: return kTimeOps;
    case FilterOp::IsSet: case FilterOp::IsNotSet: return kPresenceOps;
    case FilterOp::InCidr: case FilterOp::NotInCidr: return kCidrOps;
    case FilterOp::Text: return 0;
    }
    return 0;
}

std::vector<FilterOp> every_field_op() {
    std::vector<FilterOp> out;
    for (int op = 0; op < static_cast<int>(FilterOp::Text); ++op) out.push_back(static_cast<FilterOp>(op));
    return out;
}

// Values an operator accepts on a field of this kind.
std::vector<std::string> valid_values(FilterOp op, const FieldInfo& field) {
    switch (op) {
    case FilterOp::IsSet: case FilterOp::IsNotSet: case FilterOp::IsTrue: case FilterOp::IsFalse: return {};
    case FilterOp::Before: case FilterOp::After: return {"2026-01-01T00:00:00Z"};
    case FilterOp::Between: return {"2025-12-01T00:00:00Z", "2026-01-02T00:00:00Z"};
    case FilterOp::LastDays: return {"7"};
    case FilterOp::TimeOfDay: return {"08:00", "17:30"};
    case FilterOp::InCidr: case FilterOp::NotInCidr: return {"10.0.0.0/8"};
    default: return {field.kind == FieldKind::Bool ? "true" : "value"};
    }
}

ActivityFilter condition_filter(const FieldInfo& field, FilterOp op) {
    ActivityFilter filter;
    filter.root.kind = FilterNode::Kind::Condition;
    filter.root.condition = {std::string(field.name), op, valid_values(op, field)};
    return filter;
}

} // namespace

TEST_CASE("the field table agrees with itself: names are unique, lists have no column, only time is a time") {
    std::set<std::string_view> names;
    for (const FieldInfo& field : canonical_fields()) {
        CAPTURE(field.name);
        CHECK(names.insert(field.name).second);
        CHECK_FALSE(field.label.empty());
        CHECK(field.sql.empty() == (field.kind == FieldKind::List));
        CHECK((field.kind == FieldKind::Time) == (field.name == "time"));
        // The filter compiler reads time bounds from `time` and CIDR ranges from `ip_bin`.
        CHECK(((field.ops & kTimeOps) != 0) == (field.name == "time"));
        CHECK(((field.ops & kCidrOps) != 0) == (field.name == "ip"));
        CHECK(field.ops != 0);
        CHECK(find_field(field.name)->label == field.label);
    }
    CHECK(kImportedFieldCount + 3 == kFieldCount); // starred, tags, comment
}

TEST_CASE("the table holds the automation contract's fields, in its order, with its types and operators") {
    // Copied from the contract's table (shared/AUTOMATION.md, "Canonical activity fields"): the
    // project may add fields, so the contract's are looked for in order among the table's.
    struct ContractField {
        std::string_view name;
        FieldKind kind;
    };
    using enum FieldKind;
    const ContractField contract[] = {
        {"id", Text}, {"time", Time}, {"app", Text}, {"activity_type", Text}, {"action_type", Text},
        {"description", Text}, {"user", Text}, {"user_domain", Text}, {"ip", Text}, {"ip_category", Text},
        {"ip_tags", List}, {"country", Text}, {"city", Text}, {"isp", Text}, {"user_agent", Text},
        {"ua_tags", List}, {"device_type", Text}, {"browser", Text}, {"os", Text}, {"objects", List},
        {"admin", Bool}, {"impersonated", Bool}, {"result", Text}, {"source", Text}, {"file", Text},
        {"matched_policies", List},
    };
    size_t at = 0;
    for (const ContractField& field : contract) {
        CAPTURE(field.name);
        while (at < kFieldCount && kFieldTable[at].name != field.name) ++at;
        REQUIRE(at < kFieldCount);
        CHECK(kFieldTable[at].kind == field.kind);
        CHECK(kFieldTable[at].owner == FieldOwner::Import);
    }
    // Every operator of the contract's filter table applies to some field.
    for (std::string_view name : {"eq", "neq", "contains", "not_contains", "starts_with", "not_starts_with",
                                  "ends_with", "is_set", "is_not_set", "before", "after", "between", "last_days",
                                  "in_cidr", "not_in_cidr", "is_true", "is_false"}) {
        CAPTURE(name);
        FilterOp op;
        REQUIRE(parse_filter_op(name, op));
        CHECK(std::any_of(kFieldTable, kFieldTable + kFieldCount,
                          [&](const FieldInfo& f) { return (f.ops & group_of(op)) != 0; }));
    }
}

TEST_CASE("the schema has a column for every field that is not a list, and a side table for every list") {
    ActivityStore store;
    const std::map<std::string, SqlColumn> columns = activities_columns(store.db());
    size_t field_columns = 0;
    for (const FieldInfo& field : canonical_fields()) {
        CAPTURE(field.name);
        if (field.kind == FieldKind::List) {
            CHECK_FALSE(columns.count(std::string(field.name)));
            CHECK(side_table_columns(store.db(), list_table_name(field.name)) ==
                  std::vector<std::string>{"activity", "value"});
            continue;
        }
        ++field_columns;
        auto it = columns.find(std::string(field.name));
        REQUIRE(it != columns.end());
        const std::string declared(field.sql.substr(0, field.sql.find(' ')));
        CHECK(it->second.type == declared);
        CHECK(it->second.hidden == (field.sql.find("GENERATED") != std::string_view::npos));
    }
    // Nothing else: every other column is one the store keeps for itself.
    for (const auto& [name, column] : columns) {
        CAPTURE(name);
        CHECK((find_field(name).has_value() || kStoreColumns.count(name) == 1));
    }
    CHECK(columns.size() == field_columns + kStoreColumns.size());
}

TEST_CASE("every imported field is stored and read back, directly and through the parse worker's bytes") {
    const Activity full = activity_with_every_field();

    ParsedRowsEncoder encoder;
    encoder.insert(full, full.raw, std::nullopt);
    const std::string bytes = encoder.bytes();
    ParsedRowsDecoder decoder(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
    REQUIRE(decoder.next() == ParsedRowsDecoder::Entry::Row);
    ActivityFields decoded = decoder.activity();
    decoded.id = "decoded"; // two rows: the store drops a duplicate id

    ActivityStore store;
    ActivityWriter writer(store);
    REQUIRE(writer.insert(full));
    REQUIRE(writer.insert(decoded, decoder.raw()));
    writer.commit();

    const int64_t rowids[] = {1, 2};
    const std::vector<Activity> read = store.read(rowids, true);
    REQUIRE(read.size() == 2);
    for (const FieldInfo& field : canonical_fields()) {
        CAPTURE(field.name);
        CHECK(activity_field_text(read[0], field.name) == expected_imported_text(field));
        if (field.name != "id") CHECK(activity_field_text(read[1], field.name) == expected_imported_text(field));
    }
    CHECK(read[0].raw == full.raw);
    CHECK(read[1].raw == full.raw);
}

TEST_CASE("the activity JSON has every field of the table under its name, and nothing else but raw") {
    const Activity full = activity_with_every_field();
    rapidjson::Document json;
    json.Parse(activity_to_json(full, true).c_str());
    REQUIRE(json.IsObject());
    for (const FieldInfo& field : canonical_fields()) {
        CAPTURE(field.name);
        const std::string name(field.name);
        REQUIRE(json.HasMember(name.c_str()));
        const rapidjson::Value& v = json[name.c_str()];
        switch (field.kind) {
        case FieldKind::Text: case FieldKind::Time:
            REQUIRE(v.IsString());
            CHECK(std::string(v.GetString()) == expected_text(field));
            break;
        case FieldKind::Bool:
            REQUIRE(v.IsBool());
            CHECK(v.GetBool());
            break;
        case FieldKind::List: {
            REQUIRE(v.IsArray());
            std::vector<std::string> values;
            for (const auto& e : v.GetArray()) values.push_back(e.GetString());
            CHECK(values == list_for(field.name));
            break;
        }
        }
    }
    CHECK(std::string(json["raw"].GetString()) == full.raw);
    CHECK(json.MemberCount() == kFieldCount + 1);
}

TEST_CASE("the column copy keeps exactly the fields the table says, with their values") {
    ActivityStore store;
    {
        ActivityWriter writer(store);
        writer.insert(activity_with_every_field());
        writer.commit();
    }
    while (store.build_columns(1000.0)) {
    }
    const ActivityColumns* columns = store.columns();
    REQUIRE(columns);
    REQUIRE(columns->size() == 1);
    for (const FieldInfo& field : canonical_fields()) {
        CAPTURE(field.name);
        const CodedColumn* coded = columns->coded(field.name);
        const std::vector<uint8_t>* flags = columns->flags(field.name);
        CHECK((coded != nullptr) == (field.copy == FieldCopy::Coded));
        CHECK((flags != nullptr) == (field.copy == FieldCopy::Flag));
        if (coded) {
            std::string value;
            coded->for_each_code([&](size_t, uint32_t code) { value = coded->values()[code]; });
            CHECK(value == text_for(field.name));
        }
        if (flags) CHECK(*flags == std::vector<uint8_t>{1});
        if (field.copy == FieldCopy::Time) CHECK(columns->times() == std::vector<int64_t>{kTime});
    }
}

TEST_CASE("the activity log has one column for every imported field, labelled as the table labels it") {
    const std::vector<LogColumn>& columns = activity_log_columns();
    std::map<std::string_view, int> seen;
    for (const LogColumn& column : columns) {
        CAPTURE(column.field);
        ++seen[column.field];
        const std::optional<FieldInfo> field = find_field(column.field);
        REQUIRE(field);
        CHECK(column.label == (field->name == "starred" ? kMarksColumnLabel : field->label));
        CHECK(column.sortable == (field->kind != FieldKind::List));
        CHECK(column.width > 0);
    }
    for (const FieldInfo& field : canonical_fields()) {
        CAPTURE(field.name);
        // The marks share one column, keyed on the star.
        const int expected = field.owner == FieldOwner::Import || field.name == "starred" ? 1 : 0;
        CHECK(seen[field.name] == expected);
    }
    REQUIRE_FALSE(columns.empty());
    CHECK(columns.front().field == "time");
    CHECK(columns.front().sorted_by_default);
    CHECK(std::count_if(columns.begin(), columns.end(), [](const LogColumn& c) { return c.sorted_by_default; }) == 1);

    // The details drawer lists every imported field once.
    std::vector<std::string_view> details = activity_details_fields();
    std::sort(details.begin(), details.end());
    CHECK(std::adjacent_find(details.begin(), details.end()) == details.end());
    CHECK(details.size() == kImportedFieldCount);
    for (std::string_view name : details) CHECK(find_field(name)->owner == FieldOwner::Import);
}

TEST_CASE("every field compiles to SQL with each operator its row names, and refuses the others") {
    ActivityStore store;
    {
        ActivityWriter writer(store);
        writer.insert(activity_with_every_field());
        writer.commit();
    }
    FilterContext context;
    context.newest_time_ms = kTime;
    for (const FieldInfo& field : canonical_fields()) {
        const std::vector<FilterOp> menu = filter_ops_for_field(field);
        for (FilterOp op : every_field_op()) {
            CAPTURE(field.name);
            CAPTURE(filter_op_name(op));
            const bool applies = (field.ops & group_of(op)) != 0;
            CHECK((std::find(menu.begin(), menu.end(), op) != menu.end()) == applies);
            const ActivityFilter filter = condition_filter(field, op);
            const std::string problem = check_filter(filter);
            const SqlFragment sql = compile_filter_to_sql(filter, context);
            if (!applies) {
                CHECK(problem.find("does not apply to field") != std::string::npos);
                CHECK(sql.sql == "0"); // refused: matches nothing
                continue;
            }
            CHECK(problem == "");
            Statement st = prepare(store.db(), "SELECT count(*) FROM activities a WHERE " + sql.sql);
            bind_all(st.get(), sql.params);
            CHECK(step_row(store.db(), st.get()));
        }
    }
}
