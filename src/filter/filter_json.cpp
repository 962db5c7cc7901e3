// Filter JSON <-> ActivityFilter. The parser works in two passes: shape (this file: objects,
// keys, value types, operator names) then rules (filter_check.cpp: fields, operators per field,
// value counts and syntax), both reporting the JSON path of the first problem.
#include "filter/filter_json.h"

#include "filter/filter_check.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <cstdio>

namespace sightline {
namespace {

// Deeper trees are no one's real filter and would only risk the stack.
constexpr int kMaxDepth = 64;

struct ShapeError {
    std::string message;  // `path: what is wrong`
};

// Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&.
std::string quoted(std::string_view text) {
    std::string out(1, '"');
    out.append(text).push_back('"');
    return out;
}

std::string_view text_of(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

// Values arrive as strings, numbers (epoch ms, days) or booleans; all are kept as text.
bool value_to_text(const rapidjson::Value& v, std::string& out) {
    if (v.IsString()) out = text_of(v);
    else if (v.IsBool()) out = v.GetBool() ? "true" : "false";
    else if (v.IsInt64()) out = std::to_string(v.GetInt64());
    else if (v.IsUint64()) out = std::to_string(v.GetUint64());
    else if (v.IsDouble()) {
        double d = v.GetDouble();
        if (std::trunc(d) == d && std::fabs(d) < 9e15) {
            out = std::to_string(static_cast<int64_t>(d));
        } else {
            // snprintf, not std::to_chars: Emscripten 3.1.6's libc++ has no floating-point to_chars.
            char buf[32];
            int n = std::snprintf(buf, sizeof buf, "%.17g", d);
            out.assign(buf, static_cast<size_t>(n));
        }
    } else return false;
    return true;
}

FilterNode parse_node(const rapidjson::Value& v, const std::string& path, int depth);

FilterNode parse_group(const rapidjson::Value& v, const std::string& path, int depth) {
    if (v.MemberCount() != 1)
        throw ShapeError{(path.empty() ? "filter" : path) + ": a group has a single key, \"all\" or \"any\""};
    const auto& member = *v.MemberBegin();
    std::string key(text_of(member.name));
    std::string group_path = path.empty() ? key : path + "." + key;
    if (!member.value.IsArray()) throw ShapeError{group_path + ": expected an array of conditions"};
    FilterNode node;
    node.kind = key == "all" ? FilterNode::Kind::All : FilterNode::Kind::Any;
    for (rapidjson::SizeType i = 0; i < member.value.Size(); ++i)
        node.children.push_back(parse_node(member.value[i], group_path + "[" + std::to_string(i) + "]", depth + 1));
    return node;
}

std::vector<std::string> parse_values(const rapidjson::Value& v, const std::string& path) {
    if (!v.IsArray()) throw ShapeError{path + ".values: expected an array"};
    std::vector<std::string> values(v.Size());
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i)
        if (!value_to_text(v[i], values[i]))
            throw ShapeError{path + ".values[" + std::to_string(i) + "]: expected a string, number or boolean"};
    return values;
}

// "as" is checked here even when it says "actor": the model cannot tell an explicit actor
// from the default, and a role on another field is a mistake worth naming.
void parse_role(const rapidjson::Value& v, FilterCondition& c, const std::string& path) {
    if (c.field != "user" || c.op == FilterOp::Text)
        throw ShapeError{path + ".as: a role applies only to field \"user\""};
    if (!parse_user_role(text_of(v), c.role))
        throw ShapeError{path + ".as: unknown role " + quoted(text_of(v)) + " (actor, object or any)"};
}

FilterNode parse_condition(const rapidjson::Value& v, const std::string& path) {
    FilterNode node;
    node.kind = FilterNode::Kind::Condition;
    FilterCondition& c = node.condition;
    for (const auto& member : v.GetObject()) {
        std::string_view key = text_of(member.name);
        if (key == "values") {
            c.values = parse_values(member.value, path);
        } else if (key == "field" || key == "op" || key == "as") {
            if (!member.value.IsString()) throw ShapeError{path + "." + std::string(key) + ": expected a string"};
        } else {
            throw ShapeError{path + ": unknown key " + quoted(key) + " (a condition has field, op, values, as)"};
        }
    }
    auto op = v.FindMember("op");
    if (op == v.MemberEnd()) throw ShapeError{path + ": missing \"op\""};
    if (!parse_filter_op(text_of(op->value), c.op))
        throw ShapeError{path + ": unknown operator " + quoted(text_of(op->value))};
    auto field = v.FindMember("field");
    if (field != v.MemberEnd()) c.field = text_of(field->value);
    else if (c.op != FilterOp::Text) throw ShapeError{path + ": missing \"field\""};
    if (auto as = v.FindMember("as"); as != v.MemberEnd()) parse_role(as->value, c, path);
    return node;
}

FilterNode parse_node(const rapidjson::Value& v, const std::string& path, int depth) {
    if (depth > kMaxDepth) throw ShapeError{path + ": groups nested too deeply"};
    if (!v.IsObject()) throw ShapeError{path + ": expected a condition or group object"};
    if (v.HasMember("all") || v.HasMember("any")) return parse_group(v, path, depth);
    return parse_condition(v, path);
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The root is always a group; a bare condition is taken as `all` of that one condition.
ActivityFilter parse_root(const rapidjson::Value& v) {
    ActivityFilter filter;
    if (v.IsNull() || (v.IsString() && v.GetStringLength() == 0) || (v.IsObject() && v.ObjectEmpty()))
        return filter;
    if (!v.IsObject()) throw ShapeError{"filter: expected an object such as {\"all\": [...]}"};
    bool group = v.HasMember("all") || v.HasMember("any");
    FilterNode node = parse_node(v, group ? "" : "all[0]", 0);
    if (node.kind == FilterNode::Kind::Condition) {
        filter.root.kind = FilterNode::Kind::All;
        filter.root.children.push_back(std::move(node));
    } else {
        filter.root = std::move(node);
    }
    return filter;
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(JsonWriter& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_node(JsonWriter& w, const FilterNode& node) {
    w.StartObject();
    if (node.kind == FilterNode::Kind::Condition) {
        const FilterCondition& c = node.condition;
        if (c.op != FilterOp::Text || !c.field.empty()) {
            w.Key("field");
            write_string(w, c.field);
        }
        if (c.role != UserRole::Actor) {
            w.Key("as");
            write_string(w, user_role_name(c.role));
        }
        w.Key("op");
        write_string(w, filter_op_name(c.op));
        w.Key("values");
        w.StartArray();
        for (const std::string& value : c.values) write_string(w, value);
        w.EndArray();
    } else {
        w.Key(node.kind == FilterNode::Kind::All ? "all" : "any");
        w.StartArray();
        for (const FilterNode& child : node.children) write_node(w, child);
        w.EndArray();
    }
    w.EndObject();
}

} // namespace

FilterParseResult parse_filter_json(std::string_view json) {
    FilterParseResult result;
    if (is_blank(json)) {
        result.filter = ActivityFilter{};
        return result;
    }
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
    if (doc.HasParseError()) {
        result.error = std::string("invalid JSON at offset ") + std::to_string(doc.GetErrorOffset()) + ": " +
                       rapidjson::GetParseError_En(doc.GetParseError());
        return result;
    }
    try {
        ActivityFilter filter = parse_root(doc);
        result.error = check_filter(filter);
        if (result.error.empty()) result.filter = std::move(filter);
    } catch (const ShapeError& e) {
        result.error = e.message;
    }
    return result;
}

std::string filter_to_json(const ActivityFilter& filter) {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    if (filter.root.kind == FilterNode::Kind::Condition) {
        FilterNode all;
        all.children.push_back(filter.root);
        write_node(writer, all);
    } else {
        write_node(writer, filter.root);
    }
    return {buffer.GetString(), buffer.GetSize()};
}

} // namespace sightline
