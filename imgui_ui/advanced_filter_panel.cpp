#include "advanced_filter_panel.h"

#include "filter/filter_check.h"
#include "filter/filter_json.h"
#include "item_locator.h"
#include "model/canonical_fields.h"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

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
    case FilterOp::Between: return 2;
    default: return 1;
    }
}

FilterNode new_condition(std::string field, FilterOp op) {
    FilterNode node;
    node.kind = FilterNode::Kind::Condition;
    node.condition.field = std::move(field);
    node.condition.op = op;
    node.condition.values.assign(value_count(op), "");
    return node;
}

} // namespace

void AdvancedFilterPanel::sync_from_model(const AppModel& model) {
    std::string json = filter_to_json(model.filter());
    if (json == applied_json_) return;
    applied_json_ = json;
    draft_ = model.filter();
    if (draft_.root.kind == FilterNode::Kind::Condition) {
        FilterNode wrapped;
        wrapped.children.push_back(draft_.root);
        draft_.root = wrapped;
    }
    join_lists(draft_.root);
    error_.clear();
}

// A group the analyst added but has not filled yet would match nothing; it waits instead.
void drop_empty_groups(FilterNode& node) {
    auto& children = node.children;
    for (FilterNode& child : children)
        if (child.kind != FilterNode::Kind::Condition) drop_empty_groups(child);
    std::erase_if(children, [](const FilterNode& child) {
        return child.kind != FilterNode::Kind::Condition && child.children.empty();
    });
}

void AdvancedFilterPanel::apply(AppModel& model) {
    ActivityFilter candidate = draft_;
    split_lists(candidate.root);
    drop_empty_groups(candidate.root);
    error_ = check_filter(candidate);
    if (!error_.empty()) return;
    applied_json_ = filter_to_json(candidate);
    model.set_filter(std::move(candidate));
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
            changed |= draw_condition(model, child);
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

bool AdvancedFilterPanel::draw_condition(AppModel& model, FilterNode& node) {
    FilterCondition& c = node.condition;
    bool changed = false;
    ImGui::SetNextItemWidth(11 * ImGui::GetFontSize());
    if (ImGui::BeginCombo("##field", field_label(c).c_str())) {
        for (const FieldInfo& field : canonical_fields()) {
            if (ImGui::Selectable(std::string(field.label).c_str(), c.field == field.name && c.op != FilterOp::Text)) {
                node = new_condition(std::string(field.name), filter_ops_for_field(field).front());
                changed = true;
            }
        }
        if (ImGui::Selectable(kFreeText, c.op == FilterOp::Text)) {
            node = new_condition("", FilterOp::Text);
            changed = true;
        }
        ImGui::EndCombo();
    }
    if (c.op != FilterOp::Text) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(9 * ImGui::GetFontSize());
        if (ImGui::BeginCombo("##op", op_label(c.op))) {
            if (auto field = find_field(c.field)) {
                for (FilterOp op : filter_ops_for_field(*field)) {
                    if (ImGui::Selectable(op_label(op), op == c.op) && op != c.op) {
                        bool keep = value_count(op) == value_count(c.op) && !is_list_op(op) && !is_list_op(c.op);
                        c.op = op;
                        if (!keep) c.values.assign(value_count(op), "");
                        changed = true;
                    }
                }
            }
            ImGui::EndCombo();
        }
    }
    ImGui::SameLine();
    changed |= draw_values(model, c);
    return changed;
}

bool AdvancedFilterPanel::draw_values(AppModel& model, FilterCondition& c) {
    switch (c.op) {
    case FilterOp::IsSet: case FilterOp::IsNotSet: case FilterOp::IsTrue: case FilterOp::IsFalse:
        ImGui::TextDisabled("(no value)");
        return false;
    case FilterOp::Eq: case FilterOp::Neq: {
        std::string summary = c.values.empty() ? "Select values" : c.values.front();
        if (c.values.size() > 1) summary += " +" + std::to_string(c.values.size() - 1);
        if (ImGui::Button((summary + "  v###values").c_str())) ImGui::OpenPopup("values_popup");
        return picker_.draw_popup("values_popup", model, c.field, c.values);
    }
    default:
        break;
    }
    bool done = false;
    c.values.resize(std::max<size_t>(c.values.size(), value_count(c.op)));
    const char* hints[] = {c.op == FilterOp::Between ? "from" : "value", "to"};
    for (size_t i = 0; i < value_count(c.op); ++i) {
        if (i) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetNextItemWidth((is_list_op(c.op) ? 18.0f : 11.0f) * ImGui::GetFontSize());
        const char* hint = is_list_op(c.op) ? "10.0.0.0/8, 2001:db8::/32" : c.op == FilterOp::LastDays ? "days" : hints[i];
        ImGui::InputTextWithHint("##value", hint, &c.values[i]);
        done |= ImGui::IsItemDeactivatedAfterEdit();
        ImGui::PopID();
    }
    return done;
}

} // namespace sightline
