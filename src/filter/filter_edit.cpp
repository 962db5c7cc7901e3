#include "filter/filter_edit.h"

#include <algorithm>

namespace sightline {
namespace {

// Chips, "add to filter" and pivots speak of the acting user: a `user` condition with another
// "as" role is the analyst's own advanced row and is left alone.
bool is_condition_on(const FilterNode& node, std::string_view field, FilterOp op) {
    return node.kind == FilterNode::Kind::Condition && node.condition.field == field && node.condition.op == op &&
           node.condition.role == UserRole::Actor;
}

// Whether a condition looks at `field`'s values: a user "as" object looks at objects.
bool reads_field(const FilterCondition& c, std::string_view field) {
    switch (c.role) {
    case UserRole::Object: return field == "objects";
    case UserRole::Any: return field == "objects" || field == c.field;
    default: return field == c.field;
    }
}

// Removes conditions on `field` below `node`; returns false when `node` itself should go.
bool prune_field(FilterNode& node, std::string_view field) {
    if (node.kind == FilterNode::Kind::Condition) return !reads_field(node.condition, field);
    auto& children = node.children;
    children.erase(std::remove_if(children.begin(), children.end(),
                                  [&](FilterNode& child) { return !prune_field(child, field); }),
                   children.end());
    return !children.empty();
}

} // namespace

ActivityFilter normalised(ActivityFilter filter) {
    if (filter.root.kind == FilterNode::Kind::All) return filter;
    ActivityFilter wrapped;
    wrapped.root.children.push_back(std::move(filter.root));
    return wrapped;
}

std::vector<std::string> top_level_values(const ActivityFilter& filter, std::string_view field, FilterOp op) {
    if (filter.root.kind != FilterNode::Kind::All) return {};
    for (const FilterNode& child : filter.root.children)
        if (is_condition_on(child, field, op)) return child.condition.values;
    return {};
}

ActivityFilter with_top_level_values(ActivityFilter filter, std::string_view field, FilterOp op,
                                     std::vector<std::string> values) {
    filter = normalised(std::move(filter));
    auto& children = filter.root.children;
    auto it = std::find_if(children.begin(), children.end(),
                           [&](const FilterNode& child) { return is_condition_on(child, field, op); });
    if (values.empty()) {
        if (it != children.end()) children.erase(it);
        return filter;
    }
    if (it != children.end()) {
        it->condition.values = std::move(values);
        return filter;
    }
    FilterNode node;
    node.kind = FilterNode::Kind::Condition;
    node.condition = FilterCondition{std::string(field), op, std::move(values)};
    children.push_back(std::move(node));
    return filter;
}

ActivityFilter with_value_added(ActivityFilter filter, std::string_view field, FilterOp op, std::string value) {
    std::vector<std::string> values = top_level_values(filter, field, op);
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(std::move(value));
    return with_top_level_values(std::move(filter), field, op, std::move(values));
}

ActivityFilter with_condition_added(ActivityFilter filter, FilterCondition condition) {
    filter = normalised(std::move(filter));
    FilterNode node;
    node.kind = FilterNode::Kind::Condition;
    node.condition = std::move(condition);
    filter.root.children.push_back(std::move(node));
    return filter;
}

ActivityFilter without_field(const ActivityFilter& filter, std::string_view field) {
    ActivityFilter copy = normalised(filter);
    prune_field(copy.root, field);
    return copy;
}

} // namespace sightline
