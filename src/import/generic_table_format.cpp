// Any other CSV or JSON Lines file: each canonical field is read from one column, chosen by
// the analyst (explicit mapping) or guessed from header words and, failing that, from what
// sample values look like (dates, IP addresses, e-mail-like user names).
#include "import/activity_type_map.h"
#include "import/client_fields.h"
#include "import/column_mapping_json.h"
#include "import/field_from_text.h"
#include "import/field_text.h"
#include "import/location_text.h"
#include "import/table_formats.h"
#include "import/timestamp_parsing.h"
#include "model/canonical_fields.h"
#include "text/word_match.h"
#include "util/ip_address.h"

#include <algorithm>
#include <cctype>

namespace sightline {
namespace {

struct FieldAliases {
    std::string_view field;
    std::vector<std::string_view> whole_names; // whole header (header_key form)
    std::vector<std::string_view> words;       // any word of the header
};

// In priority order: a column goes to the first field that claims it.
const std::vector<FieldAliases>& field_aliases() {
    static const std::vector<FieldAliases> aliases = {
        {"id", {"id", "eventid", "activityid", "recordid", "requestid", "uuid", "guid", "logid"}, {}},
        {"time", {"when", "created", "createdat", "occurred", "logged"}, {"time", "date", "timestamp", "datetime"}},
        {"user", {"who", "upn", "userprincipalname", "actor", "principal", "initiatedby", "login", "email", "account",
                  "username", "userid"}, {"user", "account", "actor"}},
        {"ip", {"ip", "ipaddress", "clientip", "sourceip", "srcip", "remoteip", "remoteaddr", "src", "ipv4"}, {"ip"}},
        {"user_agent", {"useragent", "ua", "agent", "httpuseragent"}, {}},
        {"app", {"app", "application", "service", "appname", "product", "workload", "cloudapp"}, {"app", "application"}},
        {"action_type", {"action", "actiontype", "operation", "event", "eventname", "activity", "method", "verb", "what"},
         {"operation", "action"}},
        {"activity_type", {"activitytype", "category", "eventcategory", "eventtype", "type"}, {}},
        {"description", {"description", "message", "details", "summary", "msg", "text", "activitydescription"},
         {"description", "message"}},
        {"country", {"country", "countrycode", "location", "geo", "countryorregion"}, {"country"}},
        {"city", {"city", "town"}, {"city"}},
        {"isp", {"isp", "organization", "org", "asn", "registeredisp", "provider"}, {"isp"}},
        {"result", {"result", "status", "outcome", "success"}, {"result", "status"}},
        {"objects", {"object", "objects", "target", "targets", "file", "filename", "resource", "item", "objectname"}, {}},
        {"browser", {"browser"}, {}},
        {"os", {"os", "operatingsystem", "platform", "osplatform"}, {}},
        {"device_type", {"devicetype", "device"}, {}},
        {"ip_category", {"ipcategory"}, {}},
        {"ip_tags", {"iptags", "tags"}, {}},
        {"ua_tags", {"useragenttags"}, {}},
        {"admin", {"admin", "isadmin", "administrative", "isadminoperation"}, {}},
        {"impersonated", {"impersonated", "isimpersonated"}, {}},
    };
    return aliases;
}

// "createdAt" -> created, at; "Client IP" -> client, ip.
std::vector<std::string> header_words(std::string_view header) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) words.push_back(lower_ascii(word));
        word.clear();
    };
    for (size_t i = 0; i < header.size(); ++i) {
        const auto c = static_cast<unsigned char>(header[i]);
        if (!std::isalnum(c)) { flush(); continue; }
        if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(header[i - 1]))) flush();
        word += static_cast<char>(c);
    }
    flush();
    return words;
}

template <typename Test>
bool most_samples(const std::vector<std::vector<std::string>>& samples, size_t column, Test test) {
    size_t seen = 0, passed = 0;
    for (const auto& row : samples) {
        if (column >= row.size() || trim(row[column]).empty()) continue;
        ++seen;
        passed += test(trim(row[column]));
    }
    return seen > 0 && passed * 5 >= seen * 4; // 80 %
}

bool looks_like_time(std::string_view v) { return parse_timestamp(v).has_value(); }
bool looks_like_ip(std::string_view v) { return parse_ip(normalize_ip_text(v)).has_value(); }
bool looks_like_upn(std::string_view v) { return v.find('@') != std::string_view::npos && v.find(' ') == std::string_view::npos; }

class GenericTableFormat final : public TableFormat {
public:
    // `used`: (canonical field, column index, column name), in canonical field order.
    struct Assignment {
        std::string field;
        int column;
        std::string column_name;
    };

    GenericTableFormat(std::vector<Assignment> assignments, TableSyntax syntax)
        : assignments_(std::move(assignments)), syntax_(syntax) {
        for (const Assignment& a : assignments_) ids_.push_back(*find_field_id(a.field)); // mappable: a field
    }

    std::string_view name() const override { return syntax_ == TableSyntax::Csv ? "Generic CSV" : "Generic JSON"; }

    std::string mapping_json() const override {
        ColumnMapping mapping;
        for (const Assignment& a : assignments_) mapping.emplace_back(a.field, a.column_name);
        return column_mapping_to_json(mapping);
    }

    void map_row(std::span<const std::string_view> row, Activity& a, RecordOutcome& outcome) override {
        for (size_t i = 0; i < assignments_.size(); ++i) {
            const std::string_view v = cell(row, assignments_[i].column);
            if (ids_[i] == FieldId::time_ms) {
                auto time = parse_timestamp(v);
                if (!time) return outcome.reject("unreadable time '" + std::string(v.substr(0, 60)) + "'");
                a.time_ms = *time;
            } else {
                assign(a, ids_[i], v);
            }
        }
        if (!a.activity_type.empty() || a.action_type.empty()) return;
        a.activity_type = activity_type_for_operation(a.action_type);
    }

private:
    // The fields whose values are normalised as they are read; the others as their kind says.
    static void assign(Activity& a, FieldId field, std::string_view v) {
        switch (field) {
        case FieldId::activity_type: {
            std::string_view type = activity_type_for_operation(v);
            a.activity_type = type.empty() ? v : type;
            return;
        }
        case FieldId::country: {
            std::string code = country_code(v);
            a.country = code.empty() ? parse_location_text(v).country : code;
            return;
        }
        case FieldId::device_type: {
            std::string_view type = normalize_device_type(v);
            a.device_type = type.empty() ? v : type;
            return;
        }
        case FieldId::result: {
            std::string_view result = normalize_result(v);
            a.result = result.empty() ? v : result;
            return;
        }
        default:
            set_field_from_text(a, field, v);
        }
    }

    std::vector<Assignment> assignments_;
    std::vector<FieldId> ids_; // each assignment's field, found once
    TableSyntax syntax_;
};

std::vector<GenericTableFormat::Assignment> in_canonical_order(std::vector<GenericTableFormat::Assignment> list) {
    std::vector<GenericTableFormat::Assignment> ordered;
    for (const FieldInfo& f : canonical_fields())
        for (auto& a : list)
            if (a.field == f.name) ordered.push_back(a);
    return ordered;
}


// The columns that names and sample values point to; time may be missing.
std::vector<GenericTableFormat::Assignment> guess_assignments(const TableColumns& columns,
                                                              const std::vector<std::vector<std::string>>& samples) {
    const size_t n = columns.size();
    std::vector<bool> used(n, false);
    std::vector<GenericTableFormat::Assignment> assignments;
    auto assign = [&](std::string_view field, size_t column) {
        used[column] = true;
        assignments.push_back({std::string(field), static_cast<int>(column), columns.names()[column]});
    };
    auto has = [&](std::string_view field) {
        for (const auto& a : assignments)
            if (a.field == field) return true;
        return false;
    };
    for (const FieldAliases& aliases : field_aliases()) {
        for (size_t c = 0; c < n && !has(aliases.field); ++c) {
            if (used[c]) continue;
            const std::string key = header_key(columns.names()[c]);
            bool named = std::find(aliases.whole_names.begin(), aliases.whole_names.end(), std::string_view(key)) != aliases.whole_names.end();
            if (!named) {
                for (const std::string& word : header_words(columns.names()[c]))
                    if (std::find(aliases.words.begin(), aliases.words.end(), std::string_view(word)) != aliases.words.end()) named = true;
            }
            // A name is only believed for time when the values agree (samples permitting).
            if (named && aliases.field == "time" && !samples.empty() && !most_samples(samples, c, looks_like_time)) named = false;
            if (named) assign(aliases.field, c);
        }
    }
    const std::pair<std::string_view, bool (*)(std::string_view)> by_value[] = {
        {"time", looks_like_time}, {"ip", looks_like_ip}, {"user", looks_like_upn}};
    for (const auto& [field, test] : by_value) {
        for (size_t c = 0; c < n && !has(field); ++c)
            if (!used[c] && most_samples(samples, c, test)) assign(field, c);
    }
    return in_canonical_order(std::move(assignments));
}

bool has_time(const std::vector<GenericTableFormat::Assignment>& assignments) {
    return std::any_of(assignments.begin(), assignments.end(), [](const auto& a) { return a.field == "time"; });
}

} // namespace

ColumnMapping guess_column_mapping(const TableColumns& columns, const std::vector<std::vector<std::string>>& samples) {
    ColumnMapping mapping;
    for (const auto& a : guess_assignments(columns, samples)) mapping.emplace_back(a.field, a.column_name);
    return mapping;
}

std::unique_ptr<TableFormat> make_guessed_table_format(const TableColumns& columns,
                                                       const std::vector<std::vector<std::string>>& samples,
                                                       TableSyntax syntax, std::string& why) {
    std::vector<GenericTableFormat::Assignment> assignments = guess_assignments(columns, samples);
    if (!has_time(assignments)) {
        why = "the columns match no known export and none holds dates or times (header:";
        for (const std::string& name : columns.names()) why += " '" + name + "'";
        why += ")";
        return nullptr;
    }
    return std::make_unique<GenericTableFormat>(std::move(assignments), syntax);
}

std::unique_ptr<TableFormat> make_mapped_table_format(const TableColumns& columns, const ColumnMapping& mapping,
                                                      TableSyntax syntax, std::string& why) {
    std::vector<GenericTableFormat::Assignment> assignments;
    for (const auto& [field, column_name] : mapping) {
        if (column_name.empty()) continue;
        if (!mappable_field(field)) {
            why = "'" + field + "' is not a field a column can be mapped to";
            return nullptr;
        }
        const int column = columns.find_exact(column_name);
        if (column < 0) {
            why = "the file has no column '" + column_name + "' (for " + field + ")";
            return nullptr;
        }
        assignments.push_back({field, column, columns.names()[static_cast<size_t>(column)]});
    }
    if (!has_time(assignments)) {
        why = "no column is mapped to time";
        return nullptr;
    }
    return std::make_unique<GenericTableFormat>(in_canonical_order(std::move(assignments)), syntax);
}

} // namespace sightline
