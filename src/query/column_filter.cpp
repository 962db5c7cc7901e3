#include "query/column_filter.h"

#include "filter/filter_check.h"
#include "text/word_match.h"
#include "util/ip_address.h"

#include <algorithm>

namespace sightline {
namespace {

constexpr int64_t kDayMs = 86'400'000;
using Mask = std::vector<uint8_t>;

// A condition's values parsed once, not once per distinct value of the column (a column of
// IP addresses can hold a million).
struct ParsedValues {
    std::vector<ContainsTerms> contains;  // contains, not_contains
    std::vector<IpRange> ranges;          // in_cidr, not_in_cidr
    std::vector<std::string> equals;      // eq, neq: filter_sql.h compared_values()
    bool nocase = false;                  // eq, neq: the field compares without case
};

ParsedValues parse_values(const FilterCondition& c) {
    ParsedValues out;
    out.nocase = compares_without_case(c.field);
    if (c.op == FilterOp::Eq || c.op == FilterOp::Neq) out.equals = compared_values(c);
    for (const std::string& v : c.values) {
        if (c.op == FilterOp::Contains || c.op == FilterOp::NotContains) out.contains.push_back(split_contains_value(v));
        if (c.op == FilterOp::InCidr || c.op == FilterOp::NotInCidr) out.ranges.push_back(*parse_cidr(v));
    }
    return out;
}

bool in_any_range(const ParsedValues& parsed, const IpBytes& ip) {
    return std::any_of(parsed.ranges.begin(), parsed.ranges.end(),
                       [&](const IpRange& range) { return range.first <= ip && ip <= range.last; });
}

// The positive form of a text operator on one value, exactly as filter_sql.cpp compiles it.
bool text_matches(const FilterCondition& c, const ParsedValues& parsed, std::string_view value) {
    switch (c.op) {
    case FilterOp::Eq: case FilterOp::Neq: {
        return std::any_of(parsed.equals.begin(), parsed.equals.end(),
                           [&](const std::string& v) { return parsed.nocase ? equals_ci(value, v) : value == v; });
    }
    case FilterOp::Contains: case FilterOp::NotContains:
        return std::any_of(parsed.contains.begin(), parsed.contains.end(), [&](const ContainsTerms& terms) {
            return std::any_of(terms.words.begin(), terms.words.end(),
                               [&](const std::string& w) { return has_whole_word(value, w); }) ||
                   std::any_of(terms.phrases.begin(), terms.phrases.end(),
                               [&](const std::string& p) { return contains_ci(value, p); });
        });
    case FilterOp::StartsWith: case FilterOp::NotStartsWith:
        return std::any_of(c.values.begin(), c.values.end(), [&](const std::string& v) { return starts_with_ci(value, v); });
    case FilterOp::EndsWith:
        return std::any_of(c.values.begin(), c.values.end(), [&](const std::string& v) { return ends_with_ci(value, v); });
    case FilterOp::InCidr: {
        auto ip = parse_ip(value);
        return ip && in_any_range(parsed, *ip);
    }
    case FilterOp::IsSet:
        return !value.empty();
    case FilterOp::IsNotSet:
        return value.empty();
    default:
        return false;
    }
}

// Negative operators keep rows whose field is empty (as Defender does), and for CIDR rows
// whose IP is not an address (SQL: ip_bin IS NULL).
bool value_matches(const FilterCondition& c, const ParsedValues& parsed, std::string_view value) {
    switch (c.op) {
    case FilterOp::Neq: case FilterOp::NotContains: case FilterOp::NotStartsWith:
        return value.empty() || !text_matches(c, parsed, value);
    case FilterOp::NotInCidr: {
        auto ip = parse_ip(value);
        return !ip || !in_any_range(parsed, *ip);
    }
    default:
        return text_matches(c, parsed, value);
    }
}

bool is_text_op(FilterOp op) {
    using enum FilterOp;
    switch (op) {
    case Eq: case Neq: case Contains: case NotContains: case StartsWith: case NotStartsWith: case EndsWith:
    case IsSet: case IsNotSet: case InCidr: case NotInCidr:
        return true;
    default:
        return false;
    }
}

// 1 for each code whose value satisfies `predicate`: a condition is decided once per distinct
// value, then rows only look their code up.
template <typename Predicate>
std::vector<uint8_t> codes_where(const CodedColumn& column, Predicate predicate) {
    std::vector<uint8_t> by_code(column.values().size());
    for (size_t code = 0; code < by_code.size(); ++code) by_code[code] = predicate(column.values()[code]) ? 1 : 0;
    return by_code;
}

std::optional<Mask> coded_match(const CodedColumn& column, const FilterCondition& c, size_t rows) {
    if (!is_text_op(c.op)) return std::nullopt;
    if (column.has_nul()) return std::nullopt; // SQL reads such text only up to the NUL: its answer rules
    const ParsedValues parsed = parse_values(c);
    const std::vector<uint8_t> by_code = codes_where(column, [&](std::string_view v) { return value_matches(c, parsed, v); });
    Mask mask(rows);
    column.for_each_code([&](size_t p, uint32_t code) { mask[p] = by_code[code]; });
    return mask;
}

std::optional<Mask> flag_match(const std::vector<uint8_t>& flags, const FilterCondition& c) {
    std::vector<uint8_t> accepted(2, 0); // by flag value 0/1
    switch (c.op) {
    case FilterOp::IsTrue: accepted[1] = 1; break;
    case FilterOp::IsFalse: accepted[0] = 1; break;
    case FilterOp::Eq: case FilterOp::Neq:
        for (const std::string& v : c.values) accepted[*parse_filter_bool(v) ? 1 : 0] = 1;
        if (c.op == FilterOp::Neq) for (uint8_t& a : accepted) a = !a;
        break;
    default:
        return std::nullopt;
    }
    Mask mask(flags.size());
    for (size_t p = 0; p < flags.size(); ++p) mask[p] = accepted[flags[p]];
    return mask;
}

// from <= UTC time of day < to, wrapping past midnight when from > to (as filter_sql.cpp).
Mask time_of_day_match(const std::vector<int64_t>& times, const FilterCondition& c) {
    const int64_t from = *parse_time_of_day(c.values.at(0));
    const int64_t to = *parse_time_of_day(c.values.at(1));
    Mask mask(times.size());
    for (size_t p = 0; p < times.size(); ++p) {
        int64_t t = times[p] % kDayMs;
        if (t < 0) t += kDayMs;  // % keeps the sign: times before 1970
        mask[p] = from < to ? (t >= from && t < to) : (t >= from || t < to);
    }
    return mask;
}

std::optional<Mask> time_match(const std::vector<int64_t>& times, const FilterCondition& c, const FilterContext& context) {
    if (c.op == FilterOp::TimeOfDay) return time_of_day_match(times, c);
    int64_t low = INT64_MIN, high = INT64_MAX;
    auto at = [&](size_t i) { return *parse_filter_time(c.values.at(i)); };
    switch (c.op) {
    case FilterOp::Before: high = at(0) - 1; break;
    case FilterOp::After: low = at(0) + 1; break;
    case FilterOp::Between:
        low = std::min(at(0), at(1));
        high = std::max(at(0), at(1));
        break;
    case FilterOp::LastDays:
        if (!context.newest_time_ms) return Mask(times.size(), 0);
        low = *context.newest_time_ms - *parse_day_count(c.values.at(0)) * kDayMs;
        break;
    case FilterOp::IsSet: return Mask(times.size(), 1);
    case FilterOp::IsNotSet: return Mask(times.size(), 0);
    default: return std::nullopt;
    }
    Mask mask(times.size());
    for (size_t p = 0; p < times.size(); ++p) mask[p] = times[p] >= low && times[p] <= high;
    return mask;
}

// Free text: each coded column's distinct values are searched once, the rest by SQL.
std::optional<Mask> text_match(const ActivityColumns& columns, const FilterCondition& c, const TextSearch* text_search) {
    if (!text_search) return std::nullopt;
    Mask mask(columns.size(), 0);
    for (std::string_view field : ActivityColumns::coded_fields()) {
        if (!columns.coded(field)) continue; // gave up: the search covers it (see TextSearch)
        const CodedColumn& column = *columns.coded(field);
        const std::vector<uint8_t> by_code = codes_where(column, [&](std::string_view value) {
            return std::any_of(c.values.begin(), c.values.end(), [&](const std::string& v) { return contains_ci(value, v); });
        });
        // Most columns hold the word nowhere: then their million codes need not be read.
        if (std::find(by_code.begin(), by_code.end(), uint8_t{1}) == by_code.end()) continue;
        column.for_each_code([&](size_t p, uint32_t code) { mask[p] |= by_code[code]; });
    }
    for (int64_t rowid : (*text_search)(c))
        if (auto p = columns.position_of(rowid)) mask[*p] = 1;
    return mask;
}

std::optional<Mask> condition_match(const ActivityColumns& columns, const FilterCondition& c,
                                    const FilterContext& context, const TextSearch* text_search) {
    if (c.op == FilterOp::Text) return text_match(columns, c, text_search);
    // A user "as" object or any reads the objects list, which the copy does not keep.
    if (c.role != UserRole::Actor) return std::nullopt;
    if (c.field == "time") return time_match(columns.times(), c, context);
    if (const CodedColumn* column = columns.coded(c.field)) return coded_match(*column, c, columns.size());
    if (const std::vector<uint8_t>* flags = columns.flags(c.field)) return flag_match(*flags, c);
    return std::nullopt;
}

std::optional<Mask> node_match(const ActivityColumns& columns, const FilterNode& node, const FilterContext& context,
                               const TextSearch* text_search) {
    if (node.kind == FilterNode::Kind::Condition) return condition_match(columns, node.condition, context, text_search);
    const bool all = node.kind == FilterNode::Kind::All;
    Mask combined(columns.size(), all ? 1 : 0); // the identities of AND and OR
    for (const FilterNode& child : node.children) {
        std::optional<Mask> mask = node_match(columns, child, context, text_search);
        if (!mask) return std::nullopt;
        for (size_t p = 0; p < combined.size(); ++p) combined[p] = all ? (combined[p] & (*mask)[p]) : (combined[p] | (*mask)[p]);
    }
    return combined;
}

} // namespace

std::optional<std::vector<uint8_t>> match_columns(const ActivityColumns& columns, const ActivityFilter& filter,
                                                  const FilterContext& context, const TextSearch* text_search) {
    // A filter that breaks the rules matches nothing in SQL; leave such cases to it.
    if (!check_filter(filter).empty()) return std::nullopt;
    if (text_search && filter.has_free_text()) {
        // The search reads every row through SQL: first make sure the rest of the filter can be
        // answered here, with a search that finds nothing, so that SQL never runs it twice.
        const TextSearch finds_nothing = [](const FilterCondition&) { return std::vector<int64_t>{}; };
        if (!node_match(columns, filter.root, context, &finds_nothing)) return std::nullopt;
    }
    return node_match(columns, filter.root, context, text_search);
}

std::vector<uint32_t> matching_positions(const std::vector<uint8_t>& matches) {
    std::vector<uint32_t> out;
    for (size_t p = 0; p < matches.size(); ++p)
        if (matches[p]) out.push_back(static_cast<uint32_t>(p));
    return out;
}

} // namespace sightline
