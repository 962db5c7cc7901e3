#include "app/suggested_queries.h"

#include "filter/filter_json.h"

#include <stdexcept>
#include <utility>

namespace sightline {
namespace {

// Written as the contract's filter JSON so that each reads exactly as a user would type it,
// and parsed once through the same checks as any other filter. The type lists name the
// normalised activity types of import/activity_type_map.cpp and of the demo data.
const std::pair<const char*, const char*> kDefinitions[] = {
    {"Admin activities", R"({"all":[{"field":"admin","op":"is_true","values":[]}]})"},
    {"Download activities", R"({"all":[{"field":"activity_type","op":"eq","values":["Download file"]}]})"},
    {"Failed log in", R"({"all":[{"field":"activity_type","op":"eq","values":["Failed log on"]}]})"},
    {"File and folder activities",
     R"({"all":[{"field":"activity_type","op":"eq","values":["View file","Download file","Upload file",)"
     R"("Edit file","Create file","Rename file","Move file","Copy file","Delete file","Restore file",)"
     R"("Share file","Unshare file"]}]})"},
    {"Impersonation activities", R"({"all":[{"field":"impersonated","op":"is_true","values":[]}]})"},
    // Defender counts every Exchange operation (create item, purge, Send As, ...) as a mailbox
    // activity; types that only exist in mail cover exports whose app is named otherwise.
    {"Mailbox activities",
     R"({"all":[{"any":[{"field":"app","op":"eq","values":["Exchange Online","Microsoft Exchange Online"]},)"
     R"({"field":"activity_type","op":"eq","values":["Send mail","Read mail","Delete mail","Create inbox rule",)"
     R"("Create forwarding rule","Add mailbox permission"]}]}]})"},
    {"Password changes and reset requests",
     R"({"all":[{"field":"activity_type","op":"eq","values":["Change password","Reset password"]}]})"},
    {"Sharing activities", R"({"all":[{"field":"activity_type","op":"eq","values":["Share file","Unshare file"]}]})"},
    {"Successful log in", R"({"all":[{"field":"activity_type","op":"eq","values":["Log on"]}]})"},
};

std::vector<NamedQuery> build_suggested_queries() {
    std::vector<NamedQuery> queries;
    for (const auto& [name, json] : kDefinitions) {
        FilterParseResult parsed = parse_filter_json(json);
        // A broken definition is a programming error; the unit tests parse every one.
        if (!parsed.filter) throw std::logic_error(std::string("suggested query \"") + name + "\": " + parsed.error);
        queries.push_back({name, std::move(*parsed.filter)});
    }
    return queries;
}

} // namespace

const std::vector<NamedQuery>& suggested_queries() {
    static const std::vector<NamedQuery> queries = build_suggested_queries();
    return queries;
}

const NamedQuery* find_suggested_query(std::string_view name) {
    for (const NamedQuery& query : suggested_queries())
        if (query.name == name) return &query;
    return nullptr;
}

} // namespace sightline
