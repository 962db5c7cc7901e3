#include "advanced_filter_panel.h"

#include "filter/filter_check.h"
#include "filter/filter_json.h"
#include "item_locator.h"
#include "model/canonical_fields.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <sstream>

namespace sightline {
namespace {

// In the draft, a CIDR list is one comma-separated value (one text box); the filter holds
// one value per range.
bool is_list_op(FilterOp op) { return op == FilterOp::InCidr || op == FilterOp::NotInCidr; }

void join_lists(FilterNode& node) {
    if (node.kind != FilterNode::Kind::Condition) {
        for (FilterNode& child : node.children) join_lists(child);
        return;
    }
    FilterCondition& c = node.condition;
    if (!is_list_op(c.op) || c.values.size() < 2) return;
    std::string joined;
    for (const std::string& v : c.values) {
        if (!joined.empty()) joined += ", ";
        joined += v;
    }
    c.values = {joined};
}

void split_lists(FilterNode& node) {
    if (node.kind != FilterNode::Kind::Condition) {
        for (FilterNode& child : node.children) split_lists(child);
        return;
    }
    FilterCondition& c = node.condition;
    if (!is_list_op(c.op) || c.values.empty()) return;
    std::string text = c.values.front();
    for (char& ch : text)
        if (ch == ',' || ch == ';') ch = ' ';
    std::istringstream words(text);
    c.values.clear();
    for (std::string word; words >> word;) c.values.push_back(word);
}

// Fields as the menu lists them; "Free text" is the `text` operator's pseudo-field.
constexpr const char* kFreeText = "Free text";

std::string field_label(const FilterCondition& c) {
    if (c.op == FilterOp::Text) return kFreeText;
    auto field = find_field(c.field);
    return field ? std::string(field->label) : c.field;
}

// Operators as Defender's filter rows word them.
const char* op_label(FilterOp op) {
    switch (op) {
    case FilterOp::Eq: return "equals";
    case FilterOp::Neq: return "does not equal";
    case FilterOp::Contains: return "contains";
    case FilterOp::NotContains: return "does not contain";
    case FilterOp::StartsWith: return "starts with";
    case FilterOp::NotStartsWith: return "does not start with";
    case FilterOp::EndsWith: return "ends with";
    case FilterOp::IsSet: return "is set";
    case FilterOp::IsNotSet: return "is not set";
    case FilterOp::Before: return "before";
    case FilterOp::After: return "after";
    case FilterOp::Between: return "in between";
    case FilterOp::LastDays: return "in the last N days";
    case FilterOp::TimeOfDay: return "time of day (UTC)";
    case FilterOp::InCidr: return "in range (CIDR)";
    case FilterOp::NotInCidr: return "not in range (CIDR)";
    case FilterOp::IsTrue: return "is true";
    case FilterOp::IsFalse: return "is false";
    case FilterOp::Text: return "matches text";
    }
    return "?";
}

size_t value_count(FilterOp op) {
    switch (op) {
    case FilterOp::IsSet: case FilterOp::IsNotSet: case FilterOp::IsTrue: case FilterOp::IsFalse: return 0;
    case FilterOp::Between: case FilterOp::TimeOfDay: return 2;
    default: return 1;
    }
}

// Values survive an operator change only when the new operator reads them the same way
// (dates stay dates; a time of day is not a date; a CIDR list is one joined text box).
bool keeps_values(FilterOp from, FilterOp to) {
    auto kind = [](FilterOp op) { return op == FilterOp::TimeOfDay ? 1 : is_list_op(op) ? 2 : 0; };
    return value_count(from) == value_count(to) && kind(from) == kind(to);
}

const char* role_label(UserRole role) {
    switch (role) {
    case UserRole::Actor: return "as Actor";
    case UserRole::Object: return "as Object";
    case UserRole::Any: return "as Any role";
    }
    return "?";
}

// is_set / is_not_set ask about the acting user only (filter_check refuses another role).
bool takes_role(const FilterCondition& c) {
    return c.field == "user" && c.op != FilterOp::IsSet && c.op != FilterOp::IsNotSet && c.op != FilterOp::Text;
}

// The value picker lists the values the row compares with: objects for a user "as" object.
std::string_view picker_field(const FilterCondition& c) {
    if (c.field == "user" && c.role == UserRole::Object) return "objects";
    return c.field;
}

// The grey hint in value box `i` of an operator that takes typed values.
const char* value_hint(FilterOp op, size_t i) {
    if (is_list_op(op)) return "10.0.0.0/8, 2001:db8::/32";
    if (op == FilterOp::LastDays) return "days";
    if (op == FilterOp::TimeOfDay) return i == 0 ? "from HH:MM" : "to HH:MM";
    if (op == FilterOp::Between) return i == 0 ? "from" : "to";
    return "value";
}

// Empty text boxes for typed values; none for eq/neq, whose values are ticked in the picker
// (a blank there would be ORed in as "or the field is empty").
std::vector<std::string> blank_values(FilterOp op) {
    bool picked = op == FilterOp::Eq || op == FilterOp::Neq;
    return std::vector<std::string>(picked ? 0 : value_count(op));
}

// A row still being filled in: nothing picked yet, or one of two boxes (from, to) still
// blank. Neither could ever be a valid condition, so letting it wait loses nothing.
bool is_unfinished(const FilterNode& node) {
    if (node.kind != FilterNode::Kind::Condition) return false;
    const FilterCondition& c = node.condition;
    if (c.op == FilterOp::Eq || c.op == FilterOp::Neq) return c.values.empty();
    bool two_boxes = c.op == FilterOp::Between || c.op == FilterOp::TimeOfDay;
    return two_boxes && std::any_of(c.values.begin(), c.values.end(), [](const std::string& v) { return v.empty(); });
}

FilterNode new_condition(std::string field, FilterOp op) {
    FilterNode node;
    node.kind = FilterNode::Kind::Condition;
    node.condition.field = std::move(field);
    node.condition.op = op;
    node.condition.values = blank_values(op);
    return node;
}

} // namespace

void AdvancedFilterPanel::sync_from_model(const AppModel& model) {
    std::string json = filter_to_json(model.log().filter());
    if (json == applied_json_) return;
    applied_json_ = json;
    draft_ = model.log().filter();
    if (draft_.root.kind == FilterNode::Kind::Condition) {
        FilterNode wrapped;
        wrapped.children.push_back(draft_.root);
        draft_.root = wrapped;
    }
    join_lists(draft_.root);
    error_.clear();
}

// A group the analyst added but has not filled yet would match nothing, and an unfinished row
// cannot be checked: both wait in the draft instead.
void drop_unfinished(FilterNode& node) {
    auto& children = node.children;
    for (FilterNode& child : children)
        if (child.kind != FilterNode::Kind::Condition) drop_unfinished(child);
    std::erase_if(children, [](const FilterNode& child) {
        return (child.kind != FilterNode::Kind::Condition && child.children.empty()) || is_unfinished(child);
    });
}

void AdvancedFilterPanel::apply(AppModel& model) {
    ActivityFilter candidate = draft_;
    split_lists(candidate.root);
    drop_unfinished(candidate.root);
    error_ = check_filter(candidate);
    if (!error_.empty()) return;
    applied_json_ = filter_to_json(candidate);
    model.log().set_filter(std::move(candidate));
}

void AdvancedFilterPanel::draw(AppModel& model) {
    sync_from_model(model);
    next_id_ = 0;
    // A framed group as tall as its rows (1.86 has no auto-sizing child windows).
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::Indent(6);
    ImGui::TextUnformatted("Activities matching all of the following");
    if (draw_group(model, draft_.root, 0)) apply(model);
    if (!error_.empty()) ImGui::TextColored(ImVec4(1, 0.55f, 0.5f, 1), "Not applied: %s", error_.c_str());
    ImGui::Unindent(6);
    ImGui::EndGroup();
    draw->ChannelsSetCurrent(0);
    ImVec2 bottom_right(top_left.x + ImGui::GetContentRegionAvail().x, ImGui::GetItemRectMax().y + 4);
    draw->AddRectFilled(ImVec2(top_left.x, top_left.y - 2), bottom_right, ImGui::GetColorU32(ImGuiCol_FrameBg), 4.0f);
    draw->ChannelsMerge();
    ImGui::Dummy(ImVec2(0, 2));
}

bool AdvancedFilterPanel::draw_group(AppModel& model, FilterNode& group, int depth) {
    bool changed = false;
    ImGui::Indent(depth ? 1.5f * ImGui::GetFontSize() : 0.0f);
    for (size_t i = 0; i < group.children.size(); ++i) {
        FilterNode& child = group.children[i];
        ImGui::PushID(next_id_++);
        bool remove = false;
        if (child.kind == FilterNode::Kind::Condition) {
            std::string row = depth ? "nested:" : "";
            row += std::to_string(i);
            changed |= draw_condition(model, child, row);
            ImGui::SameLine();
            remove = ImGui::SmallButton("x");
            note_item("advanced:remove:" + std::to_string(i));
        } else {
            bool any = child.kind == FilterNode::Kind::Any;
            if (ImGui::SmallButton(any ? "Any of the following" : "All of the following")) {
                child.kind = any ? FilterNode::Kind::All : FilterNode::Kind::Any;
                changed = true;
            }
            ImGui::SameLine();
            remove = ImGui::SmallButton("x");
            changed |= draw_group(model, child, depth + 1);
        }
        ImGui::PopID();
        if (remove) {
            group.children.erase(group.children.begin() + static_cast<std::ptrdiff_t>(i));
            return true; // the vector changed under the loop; draw the rest next frame
        }
    }
    ImGui::PushID(next_id_++);
    if (ImGui::SmallButton("+ Add a filter")) {
        group.children.push_back(new_condition("activity_type", FilterOp::Eq));
        // An empty new row is not applied until it has a value.
    }
    note_item(depth == 0 ? "advanced:add" : "advanced:add:nested");
    ImGui::SameLine();
    if (depth < 4 && ImGui::SmallButton("+ Add a group (any of)")) {
        FilterNode node;
        node.kind = FilterNode::Kind::Any;
        group.children.push_back(std::move(node));
    }
    ImGui::PopID();
    ImGui::Unindent(depth ? 1.5f * ImGui::GetFontSize() : 0.0f);
    return changed;
}

bool AdvancedFilterPanel::draw_condition(AppModel& model, FilterNode& node, const std::string& row) {
    FilterCondition& c = node.condition;
    bool changed = false;
    ImGui::SetNextItemWidth(11 * ImGui::GetFontSize());
    bool open = ImGui::BeginCombo("##field", field_label(c).c_str());
    note_item("advanced:field:" + row);
    if (open) {
        for (const FieldInfo& field : canonical_fields()) {
            if (ImGui::Selectable(std::string(field.label).c_str(), c.field == field.name && c.op != FilterOp::Text)) {
                node = new_condition(std::string(field.name), filter_ops_for_field(field).front());
                changed = true;
            }
            note_item("advanced:field-item:" + std::string(field.label));
        }
        if (ImGui::Selectable(kFreeText, c.op == FilterOp::Text)) {
            node = new_condition("", FilterOp::Text);
            changed = true;
        }
        ImGui::EndCombo();
    }
    if (takes_role(c)) {
        ImGui::SameLine();
        changed |= draw_role(c, row);
    }
    if (c.op != FilterOp::Text) {
        ImGui::SameLine();
        changed |= draw_operator(c, row);
    }
    ImGui::SameLine();
    changed |= draw_values(model, c, row);
    return changed;
}

bool AdvancedFilterPanel::draw_role(FilterCondition& c, const std::string& row) {
    bool changed = false;
    ImGui::SetNextItemWidth(7 * ImGui::GetFontSize());
    bool open = ImGui::BeginCombo("##role", role_label(c.role));
    note_item("advanced:role:" + row);
    if (open) {
        for (UserRole role : {UserRole::Actor, UserRole::Object, UserRole::Any}) {
            if (ImGui::Selectable(role_label(role), role == c.role) && role != c.role) {
                c.role = role;  // the values stay: they are user names in every role
                changed = true;
            }
            note_item(std::string("advanced:role-item:") + std::string(user_role_name(role)));
        }
        ImGui::EndCombo();
    }
    return changed;
}

bool AdvancedFilterPanel::draw_operator(FilterCondition& c, const std::string& row) {
    bool changed = false;
    ImGui::SetNextItemWidth(9 * ImGui::GetFontSize());
    bool open = ImGui::BeginCombo("##op", op_label(c.op));
    note_item("advanced:op:" + row);
    if (!open) return false;
    if (auto field = find_field(c.field)) {
        for (FilterOp op : filter_ops_for_field(*field)) {
            if (ImGui::Selectable(op_label(op), op == c.op) && op != c.op) {
                if (!keeps_values(c.op, op)) c.values = blank_values(op);
                c.op = op;
                if (!takes_role(c)) c.role = UserRole::Actor;
                changed = true;
            }
            note_item(std::string("advanced:op-item:") + std::string(filter_op_name(op)));
        }
    }
    ImGui::EndCombo();
    return changed;
}

bool AdvancedFilterPanel::draw_values(AppModel& model, FilterCondition& c, const std::string& row) {
    switch (c.op) {
    case FilterOp::IsSet: case FilterOp::IsNotSet: case FilterOp::IsTrue: case FilterOp::IsFalse:
        ImGui::TextDisabled("(no value)");
        return false;
    case FilterOp::Eq: case FilterOp::Neq: {
        std::string summary = c.values.empty() ? "Select values" : c.values.front();
        if (c.values.size() > 1) summary += " +" + std::to_string(c.values.size() - 1);
        if (ImGui::Button((summary + "  v###values").c_str())) ImGui::OpenPopup("values_popup");
        note_item("advanced:values:" + row);
        return picker_.draw_popup("values_popup", model, picker_field(c), c.values);
    }
    default:
        break;
    }
    bool done = false;
    c.values.resize(std::max<size_t>(c.values.size(), value_count(c.op)));
    for (size_t i = 0; i < value_count(c.op); ++i) {
        if (i) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        float width = is_list_op(c.op) ? 18.0f : c.op == FilterOp::TimeOfDay ? 6.0f : 11.0f;
        ImGui::SetNextItemWidth(width * ImGui::GetFontSize());
        ImGui::InputTextWithHint("##value", value_hint(c.op, i), &c.values[i]);
        note_item("advanced:value:" + row + ":" + std::to_string(i));
        done |= ImGui::IsItemDeactivatedAfterEdit();
        ImGui::PopID();
    }
    return done;
}

} // namespace sightline
