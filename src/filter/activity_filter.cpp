// The operator and role names of the filter JSON contract (shared/AUTOMATION.md), in one table
// each so the parser, the writer and the UI's menus can never disagree on a spelling.
#include "filter/activity_filter.h"

#include <array>
#include <utility>

namespace sightline {
namespace {

constexpr std::array<std::pair<FilterOp, std::string_view>, 19> kOpNames = {{
    {FilterOp::Eq, "eq"},
    {FilterOp::Neq, "neq"},
    {FilterOp::Contains, "contains"},
    {FilterOp::NotContains, "not_contains"},
    {FilterOp::StartsWith, "starts_with"},
    {FilterOp::NotStartsWith, "not_starts_with"},
    {FilterOp::EndsWith, "ends_with"},
    {FilterOp::IsSet, "is_set"},
    {FilterOp::IsNotSet, "is_not_set"},
    {FilterOp::Before, "before"},
    {FilterOp::After, "after"},
    {FilterOp::Between, "between"},
    {FilterOp::LastDays, "last_days"},
    {FilterOp::TimeOfDay, "time_of_day"},
    {FilterOp::InCidr, "in_cidr"},
    {FilterOp::NotInCidr, "not_in_cidr"},
    {FilterOp::IsTrue, "is_true"},
    {FilterOp::IsFalse, "is_false"},
    {FilterOp::Text, "text"},
}};

constexpr std::array<std::pair<UserRole, std::string_view>, 3> kRoleNames = {{
    {UserRole::Actor, "actor"},
    {UserRole::Object, "object"},
    {UserRole::Any, "any"},
}};

} // namespace

std::string_view filter_op_name(FilterOp op) {
    for (const auto& [value, name] : kOpNames)
        if (value == op) return name;
    return "?";
}

bool parse_filter_op(std::string_view name, FilterOp& out) {
    for (const auto& [value, op_name] : kOpNames) {
        if (op_name == name) {
            out = value;
            return true;
        }
    }
    return false;
}

std::string_view user_role_name(UserRole role) {
    for (const auto& [value, name] : kRoleNames)
        if (value == role) return name;
    return "?";
}

bool parse_user_role(std::string_view name, UserRole& out) {
    for (const auto& [value, role_name] : kRoleNames) {
        if (role_name == name) {
            out = value;
            return true;
        }
    }
    return false;
}

namespace {

void collect_free_text(const FilterNode& node, std::vector<FilterCondition>& out) {
    if (node.kind == FilterNode::Kind::Condition) {
        if (node.condition.op == FilterOp::Text) out.push_back(node.condition);
        return;
    }
    for (const FilterNode& child : node.children) collect_free_text(child, out);
}

} // namespace

std::vector<FilterCondition> ActivityFilter::free_text_conditions() const {
    std::vector<FilterCondition> out;
    collect_free_text(root, out);
    return out;
}

} // namespace sightline
