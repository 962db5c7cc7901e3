// ActivityFilter -> SQL boolean expression over `activities a`. Column and table names come
// only from canonical_fields(); every value from the filter is a bound parameter.
//
// Decisions (see also shared/AUTOMATION.md):
// - eq/neq compare exactly, except `user`, `user_domain` and `ip`, which compare with COLLATE
//   NOCASE: UPNs, domains and IPv6 hex digits mean the same thing in any case. List values
//   (tags, objects, policies) compare exactly, so the side tables' (value, activity) index serves eq.
// - contains, starts_with, ends_with and text ignore ASCII case (see text/word_match.h).
// - Negative operators (neq, not_contains, not_starts_with, not_in_cidr) keep rows where the
//   field is empty, as Defender does; on list fields they keep rows with no element.
// - before t is time < t, after t is time > t, between a b is a <= time <= b (either order).
// - last_days N is time >= newest - N days; with no newest time (no data) it matches nothing.
// - time_of_day from to compares the UTC time of day in ms, from <= t < to; from > to wraps
//   past midnight (t >= from OR t < to). SQLite's % keeps the dividend's sign, so times before
//   1970 are brought into 0..day by adding a day and taking % again.
// - user with "as" object compares with the activity's `objects` (without case, like user);
//   "as" any ORs actor and object for positive operators, and for negative ones keeps a row
//   only when neither matches (so an empty user and no objects are kept, as negatives do).
// - contains is whole-word (sl_has_word) behind a LIKE '%word%' prefilter; LIKE reads stored
//   text only up to a NUL byte, so a word after a NUL inside a field is not found. Importers
//   store text, so this costs nothing real and saves the word check on most rows.
// - A condition that breaks check_filter's rules (a caller skipped parsing) matches nothing.
#include "filter/filter_sql.h"

#include "filter/filter_check.h"
#include "text/word_match.h"
#include "model/canonical_fields.h"
#include "util/ip_address.h"

#include <algorithm>
#include <functional>

namespace sightline {
namespace {

constexpr int64_t kDayMs = 86'400'000;

// Appends SQL text and its parameters in step, so `?` order always matches params order.
class SqlBuilder {
public:
    SqlBuilder& sql(std::string_view text) {
        out_.sql += text;
        return *this;
    }
    SqlBuilder& param(SqlValue value) {
        out_.sql += '?';
        out_.params.push_back(std::move(value));
        return *this;
    }
    SqlFragment take() { return std::move(out_); }

private:
    SqlFragment out_;
};

// Builds the SQL predicate for one condition value against a column expression.
using ValuePredicate = void (*)(SqlBuilder&, std::string_view column, const std::string& value);

// `%text%` for LIKE ... ESCAPE '\', with the text's own wildcards made literal.
std::string like_infix_pattern(std::string_view text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '\\' || c == '%' || c == '_') out += '\\';
        out += c;
    }
    out += '%';
    return out;
}

std::string column_of(const FieldInfo& field) {
    std::string column = "a.";
    column += field.name;
    return column;
}

void contains_terms(SqlBuilder& b, std::string_view column, const std::string& value) {
    ContainsTerms terms = split_contains_value(value);
    bool first = true;
    auto next = [&] { b.sql(first ? "" : " OR "); first = false; };
    for (const std::string& word : terms.words) {
        // LIKE is a cheap superset that rejects most rows before the word-boundary check.
        next();
        b.sql("(").sql(column).sql(" LIKE ").param(like_infix_pattern(word)).sql(" ESCAPE '\\'");
        b.sql(" AND sl_has_word(").sql(column).sql(", ").param(word).sql("))");
    }
    for (const std::string& phrase : terms.phrases) {
        next();
        b.sql("sl_contains_ci(").sql(column).sql(", ").param(phrase).sql(")");
    }
    if (first) b.sql("0");
}

void starts_with(SqlBuilder& b, std::string_view column, const std::string& value) {
    b.sql("sl_starts_with_ci(").sql(column).sql(", ").param(value).sql(")");
}

void ends_with(SqlBuilder& b, std::string_view column, const std::string& value) {
    b.sql("sl_ends_with_ci(").sql(column).sql(", ").param(value).sql(")");
}

// (P(v1) OR P(v2) ...)
void any_value(SqlBuilder& b, std::string_view column, const std::vector<std::string>& values,
               ValuePredicate predicate) {
    b.sql("(");
    for (size_t i = 0; i < values.size(); ++i) {
        if (i) b.sql(" OR ");
        predicate(b, column, values[i]);
    }
    b.sql(")");
}

void equals_any(SqlBuilder& b, std::string_view column, const std::vector<std::string>& values, bool nocase) {
    b.sql(column).sql(nocase ? " COLLATE NOCASE IN (" : " IN (");
    for (size_t i = 0; i < values.size(); ++i) {
        if (i) b.sql(", ");
        b.param(values[i]);
    }
    b.sql(")");
}

// eq/neq, contains, starts_with, ends_with: on a column directly, on a list through its side
// table. `negate` gives the not_ form, which keeps empty fields and lists with no element.
// `nocase` makes eq/neq ignore ASCII case.
void text_match(SqlBuilder& b, const FieldInfo& field, const FilterCondition& c, bool negate, bool nocase) {
    std::string column = field.kind == FieldKind::List ? std::string("value") : column_of(field);
    auto predicate = [&] {
        switch (c.op) {
        case FilterOp::Eq: case FilterOp::Neq:
            equals_any(b, column, compared_values(c), nocase);
            break;
        case FilterOp::Contains: case FilterOp::NotContains:
            any_value(b, column, c.values, contains_terms);
            break;
        case FilterOp::StartsWith: case FilterOp::NotStartsWith:
            any_value(b, column, c.values, starts_with);
            break;
        default:
            any_value(b, column, c.values, ends_with);
            break;
        }
    };
    if (field.kind == FieldKind::List) {
        b.sql(negate ? "a.rowid NOT IN (SELECT activity FROM " : "a.rowid IN (SELECT activity FROM ");
        b.sql(list_table_name(field.name)).sql(" WHERE ");
        predicate();
        b.sql(")");
    } else if (negate) {
        b.sql("(").sql(column).sql(" = '' OR NOT ");
        predicate();
        b.sql(")");
    } else {
        predicate();
    }
}

void presence(SqlBuilder& b, const FieldInfo& field, bool present) {
    if (field.kind == FieldKind::Time) b.sql(present ? "1" : "0");
    else if (field.kind == FieldKind::List)
        b.sql(present ? "a.rowid IN (SELECT activity FROM " : "a.rowid NOT IN (SELECT activity FROM ")
            .sql(list_table_name(field.name)).sql(")");
    else b.sql("a.").sql(field.name).sql(present ? " <> ''" : " = ''");
}

void time_bound(SqlBuilder& b, const FilterCondition& c, const FilterContext& context) {
    std::vector<int64_t> times;
    for (const std::string& value : c.values) times.push_back(parse_filter_time(value).value_or(0));
    switch (c.op) {
    case FilterOp::Before:
        b.sql("a.time < ").param(times.at(0));
        break;
    case FilterOp::After:
        b.sql("a.time > ").param(times.at(0));
        break;
    case FilterOp::Between:
        // Parenthesised: its AND must never be read as a group's AND by a later reader.
        b.sql("(a.time BETWEEN ").param(std::min(times.at(0), times.at(1)))
            .sql(" AND ").param(std::max(times.at(0), times.at(1))).sql(")");
        break;
    default:  // LastDays
        if (!context.newest_time_ms) b.sql("0");
        else b.sql("a.time >= ").param(*context.newest_time_ms - *parse_day_count(c.values.at(0)) * kDayMs);
        break;
    }
}

constexpr std::string_view kTimeOfDayMs = "((a.time % 86400000 + 86400000) % 86400000)";

void time_of_day(SqlBuilder& b, const FilterCondition& c) {
    int64_t from = *parse_time_of_day(c.values.at(0));
    int64_t to = *parse_time_of_day(c.values.at(1));
    b.sql("(").sql(kTimeOfDayMs).sql(" >= ").param(from);
    b.sql(from < to ? " AND " : " OR ").sql(kTimeOfDayMs).sql(" < ").param(to).sql(")");
}

// A condition on `user` with its "as" role: the acting user, the activity's objects, or both.
void user_role_match(SqlBuilder& b, const FieldInfo& user, const FilterCondition& c, bool negate) {
    FieldInfo objects = *find_field("objects");
    if (c.role == UserRole::Actor) return text_match(b, user, c, negate, true);
    if (c.role == UserRole::Object) return text_match(b, objects, c, negate, true);
    // Any: a positive matches if either does; a negative keeps the row only if both keep it.
    b.sql("(");
    text_match(b, user, c, negate, true);
    b.sql(negate ? " AND " : " OR ");
    text_match(b, objects, c, negate, true);
    b.sql(")");
}

void cidr_match(SqlBuilder& b, const FilterCondition& c) {
    bool negate = c.op == FilterOp::NotInCidr;
    b.sql(negate ? "(a.ip_bin IS NULL OR NOT (" : "(");
    for (size_t i = 0; i < c.values.size(); ++i) {
        IpRange range = *parse_cidr(c.values[i]);
        if (i) b.sql(" OR ");
        b.sql("a.ip_bin BETWEEN ").param(SqlBlob(range.first.begin(), range.first.end()))
            .sql(" AND ").param(SqlBlob(range.last.begin(), range.last.end()));
    }
    b.sql(negate ? "))" : ")");
}

void bool_match(SqlBuilder& b, const FieldInfo& field, const FilterCondition& c) {
    std::string column = column_of(field);
    if (c.op == FilterOp::IsTrue || c.op == FilterOp::IsFalse) {
        b.sql(column).sql(" = ").param(int64_t{c.op == FilterOp::IsTrue ? 1 : 0});
        return;
    }
    b.sql(column).sql(c.op == FilterOp::Neq ? " NOT IN (" : " IN (");
    for (size_t i = 0; i < c.values.size(); ++i) {
        if (i) b.sql(", ");
        b.param(int64_t{*parse_filter_bool(c.values[i]) ? 1 : 0});
    }
    b.sql(")");
}

// Free text in text columns: the activity's row, where `searched` says which text columns, and
// whether "raw", to read (all of them but where the caller searches some itself, see
// compile_free_text_sql). "0" when it reads none.
void free_text_in_columns(SqlBuilder& b, const FilterCondition& c,
                          const std::function<bool(std::string_view)>& searched) {
    std::vector<std::string_view> columns;
    for (const FieldInfo& field : canonical_fields())
        if (field.kind == FieldKind::Text && searched(field.name)) columns.push_back(field.name);
    if (searched("raw")) columns.push_back("raw");
    if (columns.empty()) {
        b.sql("0");
        return;
    }
    b.sql("(");
    for (size_t i = 0; i < c.values.size(); ++i) {
        b.sql(i ? " OR " : "").sql("sl_any_contains(").param(c.values[i]);
        for (std::string_view column : columns) b.sql(", a.").sql(column);
        b.sql(")");
    }
    b.sql(")");
}

// Free text in one list's elements: a SELECT of the activities (rowids, possibly repeated) with
// an element that contains one of the values.
void free_text_in_list(SqlBuilder& b, const FilterCondition& c, std::string_view list_field) {
    b.sql("SELECT activity FROM ").sql(list_table_name(list_field)).sql(" WHERE (");
    for (size_t i = 0; i < c.values.size(); ++i)
        b.sql(i ? " OR " : "").sql("sl_contains_ci(value, ").param(c.values[i]).sql(")");
    b.sql(")");
}

// The same over every list.
void free_text_in_lists(SqlBuilder& b, const FilterCondition& c) {
    bool first = true;
    for (const FieldInfo& field : canonical_fields()) {
        if (field.kind != FieldKind::List) continue;
        b.sql(first ? "" : " UNION ALL ");
        free_text_in_list(b, c, field.name);
        first = false;
    }
}

// Free text: any text column, the raw record, or any list element contains a value.
void free_text(SqlBuilder& b, const FilterCondition& c) {
    b.sql("(");
    free_text_in_columns(b, c, [](std::string_view) { return true; });
    b.sql(" OR a.rowid IN (");
    free_text_in_lists(b, c);
    b.sql("))");
}

void compile_condition(SqlBuilder& b, const FilterCondition& c, const FilterContext& context) {
    ActivityFilter single;
    single.root.kind = FilterNode::Kind::Condition;
    single.root.condition = c;
    if (!check_filter(single).empty()) {
        b.sql("0");
        return;
    }
    if (c.op == FilterOp::Text) return free_text(b, c);
    FieldInfo field = *find_field(c.field);
    switch (c.op) {
    case FilterOp::IsSet: case FilterOp::IsNotSet:
        return presence(b, field, c.op == FilterOp::IsSet);
    case FilterOp::Before: case FilterOp::After: case FilterOp::Between: case FilterOp::LastDays:
        return time_bound(b, c, context);
    case FilterOp::TimeOfDay:
        return time_of_day(b, c);
    case FilterOp::InCidr: case FilterOp::NotInCidr:
        return cidr_match(b, c);
    default:
        break;
    }
    if (field.kind == FieldKind::Bool) return bool_match(b, field, c);
    bool negate = c.op == FilterOp::Neq || c.op == FilterOp::NotContains || c.op == FilterOp::NotStartsWith;
    if (field.name == "user") return user_role_match(b, field, c, negate);
    text_match(b, field, c, negate, compares_without_case(field.name));
}

void compile_node(SqlBuilder& b, const FilterNode& node, const FilterContext& context) {
    if (node.kind == FilterNode::Kind::Condition) return compile_condition(b, node.condition, context);
    bool all = node.kind == FilterNode::Kind::All;
    if (node.children.empty()) {
        b.sql(all ? "1" : "0");  // the identities of AND and OR
        return;
    }
    if (node.children.size() == 1) return compile_node(b, node.children[0], context);
    b.sql("(");
    for (size_t i = 0; i < node.children.size(); ++i) {
        if (i) b.sql(all ? " AND " : " OR ");
        compile_node(b, node.children[i], context);
    }
    b.sql(")");
}

} // namespace

bool compares_without_case(std::string_view field) {
    const std::optional<FieldInfo> info = find_field(field);
    return info && info->compare == FieldCase::Nocase;
}

std::vector<std::string> compared_values(const FilterCondition& condition) {
    if (condition.field != "ip") return condition.values;
    std::vector<std::string> values;
    values.reserve(condition.values.size());
    for (const std::string& v : condition.values) values.push_back(normalize_ip_text(v));
    return values;
}

SqlFragment compile_free_text_sql(const FilterCondition& condition,
                                  const std::function<bool(std::string_view)>& searched_column) {
    SqlBuilder b;
    free_text_in_columns(b, condition, searched_column);
    return b.take();
}

SqlFragment compile_free_text_lists_sql(const FilterCondition& condition) {
    SqlBuilder b;
    free_text_in_lists(b, condition);
    return b.take();
}

SqlFragment compile_free_text_list_sql(const FilterCondition& condition, std::string_view list_field) {
    SqlBuilder b;
    free_text_in_list(b, condition, list_field);
    return b.take();
}

SqlFragment compile_filter_to_sql(const ActivityFilter& filter, const FilterContext& context) {
    SqlBuilder b;
    compile_node(b, filter.root, context);
    return b.take();
}

} // namespace sightline
