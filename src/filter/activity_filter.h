// The filter model shared by the activity log, saved queries, policies, insights and export.
// Its JSON form is the contract of shared/AUTOMATION.md:
//   {"all": [condition, ...]}, condition = {"field", "op", "values"[, "as"]} | {"any": [...]} | {"all": [...]}
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

enum class FilterOp {
    Eq, Neq,
    Contains, NotContains,
    StartsWith, NotStartsWith, EndsWith,
    IsSet, IsNotSet,
    Before, After, Between, LastDays,
    TimeOfDay,                          // values: from (inclusive), to (exclusive), "HH:MM[:SS]" UTC
    InCidr, NotInCidr,
    IsTrue, IsFalse,
    Text,
};

std::string_view filter_op_name(FilterOp op);              // "eq", "not_in_cidr", ...
bool parse_filter_op(std::string_view name, FilterOp& out);

// Defender's "As" role of a User name filter: whether the user performed the activity (the
// `user` field), was acted on (among its `objects`), or either. Only conditions on `user` have
// a role other than Actor.
enum class UserRole { Actor, Object, Any };

std::string_view user_role_name(UserRole role);             // "actor", "object", "any"
bool parse_user_role(std::string_view name, UserRole& out);

struct FilterCondition {
    std::string field;                 // canonical field name; ignored by Text
    FilterOp op = FilterOp::Eq;
    std::vector<std::string> values;   // ORed
    UserRole role = UserRole::Actor;   // JSON "as"; written only when not Actor
};

// A node is either a condition or a group whose children are ANDed (all) or ORed (any).
struct FilterNode {
    enum class Kind { Condition, All, Any };
    Kind kind = Kind::All;
    FilterCondition condition;         // when kind == Condition
    std::vector<FilterNode> children;  // when kind is All or Any
};

// An empty `all` group matches every activity.
struct ActivityFilter {
    FilterNode root;
    bool empty() const { return root.kind == FilterNode::Kind::All && root.children.empty(); }
    // The free-text (`text`) conditions, which search the raw records, in the order written.
    std::vector<FilterCondition> free_text_conditions() const;
    bool has_free_text() const { return !free_text_conditions().empty(); }
};

} // namespace sightline
