// Semantic checks of a filter tree; see filter_check.h. Kept apart from the JSON parser so
// filters built in C++ (UI, suggested queries, policies) are held to the same rules.
#include "filter/filter_check.h"

#include "text/word_match.h"
#include "util/ip_address.h"
#include "util/time_format.h"

#include <algorithm>

namespace sightline {
namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
std::string quoted(std::string_view value) {
    std::string out(1, '"');
    out.append(value).push_back('"');
    return out;
}

struct ValueCount {
    size_t min;
    size_t max;
};

ValueCount value_count(FilterOp op) {
    switch (op) {
    case FilterOp::IsSet: case FilterOp::IsNotSet: case FilterOp::IsTrue: case FilterOp::IsFalse:
        return {0, 0};
    case FilterOp::Before: case FilterOp::After: case FilterOp::LastDays:
        return {1, 1};
    case FilterOp::Between: case FilterOp::TimeOfDay:
        return {2, 2};
    default:
        return {1, SIZE_MAX};
    }
}

std::string count_problem(FilterOp op, size_t count) {
    ValueCount allowed = value_count(op);
    if (count >= allowed.min && count <= allowed.max) return {};
    std::string name(filter_op_name(op));
    if (allowed.max == 0) return name + " takes no values";
    if (allowed.max == SIZE_MAX) return name + " needs at least one value";
    return name + " takes " + std::to_string(allowed.min) + (allowed.min == 1 ? " value" : " values") +
           ", not " + std::to_string(count);
}

// What is wrong with one value for this operator on this field kind, or empty.
std::string value_problem(FilterOp op, FieldKind kind, std::string_view value) {
    switch (op) {
    case FilterOp::Contains: case FilterOp::NotContains:
        return split_contains_value(value).empty() ? "no word to match in " + quoted(value) : "";
    case FilterOp::Before: case FilterOp::After: case FilterOp::Between:
        return parse_filter_time(value) ? "" : "not a time (ISO 8601 or epoch ms) " + quoted(value);
    case FilterOp::LastDays:
        return parse_day_count(value) ? "" : "not a whole number of days " + quoted(value);
    case FilterOp::TimeOfDay:
        return parse_time_of_day(value) ? "" : "not a time of day (HH:MM or HH:MM:SS, 00:00 to 23:59:59) " + quoted(value);
    case FilterOp::InCidr: case FilterOp::NotInCidr:
        return parse_cidr(value) ? "" : "not an IP address or CIDR range " + quoted(value);
    case FilterOp::Eq: case FilterOp::Neq:
        return kind == FieldKind::Bool && !parse_filter_bool(value) ? "not true or false " + quoted(value) : "";
    default:
        return {};
    }
}

// Equal bounds are refused rather than read as "all day" or "never": either reading would
// surprise someone, and the analyst most likely mistyped one of them.
std::string time_of_day_problem(const FilterCondition& condition) {
    if (condition.op != FilterOp::TimeOfDay) return {};
    if (parse_time_of_day(condition.values[0]) != parse_time_of_day(condition.values[1])) return {};
    return "time_of_day from and to are the same time " + quoted(condition.values[0]) +
           "; give two different times (from is included, to is not; from after to wraps past midnight)";
}

// The "as" role exists only on `user`, and only for operators that compare a value: is_set on
// objects would ask whether any object is a user, which the data cannot tell.
std::string role_problem(const FilterCondition& condition) {
    if (condition.role == UserRole::Actor) return {};
    if (condition.field != "user" || condition.op == FilterOp::Text)
        return "a role applies only to field \"user\"";
    if (condition.op == FilterOp::IsSet || condition.op == FilterOp::IsNotSet)
        return std::string(filter_op_name(condition.op)) + " checks the acting user only (as \"actor\"); " +
               "for activity objects use field \"objects\"";
    return {};
}

std::string check_condition(const FilterCondition& condition, const std::string& path) {
    if (std::string problem = role_problem(condition); !problem.empty()) return path + ".as: " + problem;
    if (condition.op == FilterOp::Text) return {};  // free text ignores its field
    std::optional<FieldInfo> field = find_field(condition.field);
    if (!field) return path + ": unknown field " + quoted(condition.field);
    std::vector<FilterOp> ops = filter_ops_for_field(*field);
    if (std::find(ops.begin(), ops.end(), condition.op) == ops.end())
        return path + ": operator " + std::string(filter_op_name(condition.op)) + " does not apply to field " +
               quoted(condition.field);
    if (std::string problem = count_problem(condition.op, condition.values.size()); !problem.empty())
        return path + ": " + problem;
    for (size_t i = 0; i < condition.values.size(); ++i) {
        std::string problem = value_problem(condition.op, field->kind, condition.values[i]);
        if (!problem.empty()) return path + ".values[" + std::to_string(i) + "]: " + problem;
    }
    if (std::string problem = time_of_day_problem(condition); !problem.empty()) return path + ": " + problem;
    return {};
}

std::string check_node(const FilterNode& node, const std::string& path) {
    if (node.kind == FilterNode::Kind::Condition) return check_condition(node.condition, path);
    const char* key = node.kind == FilterNode::Kind::All ? "all" : "any";
    std::string group_path = path.empty() ? key : path + "." + key;
    for (size_t i = 0; i < node.children.size(); ++i) {
        std::string problem = check_node(node.children[i], group_path + "[" + std::to_string(i) + "]");
        if (!problem.empty()) return problem;
    }
    return {};
}

} // namespace

// The operators of each group of model/field_table.h's FieldOps, in menu order.
struct OpGroup {
    uint8_t group;
    std::vector<FilterOp> ops;
};

const std::vector<OpGroup>& op_groups() {
    using enum FilterOp;
    static const std::vector<OpGroup> groups = {
        {kTruthOps, {IsTrue, IsFalse}},
        {kCompareOps, {Eq, Neq}},
        {kWordOps, {Contains, NotContains}},
        {kAffixOps, {StartsWith, NotStartsWith, EndsWith}},
        {kTimeOps, {Before, After, Between, LastDays, TimeOfDay}},
        {kPresenceOps, {IsSet, IsNotSet}},
        {kCidrOps, {InCidr, NotInCidr}},
    };
    return groups;
}

std::vector<FilterOp> filter_ops_for_field(const FieldInfo& field) {
    std::vector<FilterOp> ops;
    for (const OpGroup& group : op_groups())
        if (field.ops & group.group) ops.insert(ops.end(), group.ops.begin(), group.ops.end());
    return ops;
}

std::optional<int64_t> parse_filter_time(std::string_view value) {
    bool negative = !value.empty() && value.front() == '-';
    std::string_view digits = negative ? value.substr(1) : value;
    if (all_digits(digits)) {
        if (digits.size() > 16) return std::nullopt;  // beyond year 300000: a typo, not a time
        int64_t ms = std::stoll(std::string(digits));
        return negative ? -ms : ms;
    }
    return parse_iso8601(value);
}

std::optional<int64_t> parse_time_of_day(std::string_view value) {
    if (value.size() != 5 && value.size() != 8) return std::nullopt;
    int64_t parts[3] = {0, 0, 0};
    for (size_t i = 0; i * 3 < value.size(); ++i) {
        std::string_view part = value.substr(i * 3, 2);
        if (!all_digits(part) || (i > 0 && value[i * 3 - 1] != ':')) return std::nullopt;
        parts[i] = (part[0] - '0') * 10 + (part[1] - '0');
    }
    if (parts[0] > 23 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
    return ((parts[0] * 60 + parts[1]) * 60 + parts[2]) * 1000;
}

std::optional<int64_t> parse_day_count(std::string_view value) {
    if (!all_digits(value) || value.size() > 5) return std::nullopt;
    int64_t days = std::stoll(std::string(value));
    if (days > 36500) return std::nullopt;
    return days;
}

std::optional<bool> parse_filter_bool(std::string_view value) {
    auto lower = [](std::string_view s) {
        std::string out(s);
        for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        return out;
    };
    std::string text = lower(value);
    if (text == "true") return true;
    if (text == "false") return false;
    return std::nullopt;
}

std::string check_filter(const ActivityFilter& filter) {
    if (filter.root.kind == FilterNode::Kind::Condition) return check_condition(filter.root.condition, "filter");
    return check_node(filter.root, "");
}

} // namespace sightline
