// Tests of the Queries menu's content: the suggested queries find what their names promise in
// the demo data, and saved queries keep names clean and unique, survive their JSON round trip,
// and turn bad stored JSON into an error rather than a crash.
#include "app/saved_queries.h"
#include "app/suggested_queries.h"
#include "demo/demo_generator.h"
#include "filter/filter_check.h"
#include "filter/filter_json.h"
#include "query/activity_query.h"
#include "store/activity_store.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace sightline;

namespace {

ActivityFilter filter(const char* json) { return parse_filter_json(json).filter.value(); }

const ActivityFilter kLogOns = filter(R"({"all":[{"field":"activity_type","op":"eq","values":["Log on"]}]})");
const ActivityFilter kAdmin = filter(R"({"all":[{"field":"admin","op":"is_true","values":[]}]})");

std::vector<std::string> names(const SavedQueries& queries) {
    std::vector<std::string> out;
    for (const NamedQuery& q : queries.list()) out.push_back(q.name);
    return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const ActivityStore& demo_store() {
    static ActivityStore store;
    static bool loaded = [] {
        ActivityWriter writer(store);
        for (const Activity& a : generate_demo_activities()) writer.insert(a);
        writer.commit();
        return true;
    }();
    (void)loaded;
    return store;
}

int64_t demo_count(const std::string& suggested_name) {
    const NamedQuery* query = find_suggested_query(suggested_name);
    REQUIRE(query);
    return count_matching(demo_store(), query->filter);
}

} // namespace

TEST_CASE("the suggested queries are Defender's list, in its order, and valid filters") {
    std::vector<std::string> listed;
    for (const NamedQuery& q : suggested_queries()) {
        listed.push_back(q.name);
        CHECK(check_filter(q.filter) == "");
        CHECK(parse_filter_json(filter_to_json(q.filter)).filter.has_value());
    }
    CHECK(listed == std::vector<std::string>{"Admin activities", "Download activities", "Failed log in",
                                             "File and folder activities", "Impersonation activities",
                                             "Mailbox activities", "Password changes and reset requests",
                                             "Sharing activities", "Successful log in"});
    CHECK(find_suggested_query("Failed log in") == &suggested_queries()[2]);
    CHECK(find_suggested_query("failed LOG in") == nullptr);
}

TEST_CASE("each suggested query finds its kind of activity in the demo data") {
    const ActivityStore& store = demo_store();
    const int64_t all = store.count();
    for (const NamedQuery& q : suggested_queries()) {
        CAPTURE(q.name);
        int64_t n = count_matching(store, q.filter);
        CHECK(n > 0);
        CHECK(n < all);
    }
    CHECK(demo_count("Failed log in") ==
          count_matching(store, filter(R"({"all":[{"field":"activity_type","op":"eq","values":["Failed log on"]}]})")));
    CHECK(demo_count("File and folder activities") > demo_count("Download activities") + demo_count("Sharing activities"));
    CHECK(demo_count("Admin activities") ==
          count_matching(store, filter(R"({"all":[{"field":"admin","op":"eq","values":["true"]}]})")));
    // The planted inbox rule (Exchange Online, "Create inbox rule") is a mailbox activity.
    CHECK(count_matching(store, filter(R"({"all":[{"field":"activity_type","op":"eq","values":["Create inbox rule"]},
                                                  {"field":"user","op":"eq","values":["grace.liu@contoso.example"]}]})")) >= 1);
    ActivityFilter mailbox_rule = find_suggested_query("Mailbox activities")->filter;
    mailbox_rule.root.children.push_back(
        filter(R"({"all":[{"field":"activity_type","op":"eq","values":["Create inbox rule"]}]})").root.children[0]);
    CHECK(count_matching(store, mailbox_rule) >= 1);
}

TEST_CASE("saved queries: save as, find, list sorted by name ignoring case") {
    SavedQueries queries;
    CHECK(queries.save_as("  Zeta logons ", kLogOns) == "");
    CHECK(queries.save_as("admin stuff", kAdmin) == "");
    CHECK(queries.save_as("Beta", ActivityFilter{}) == "");
    CHECK(names(queries) == std::vector<std::string>{"admin stuff", "Beta", "Zeta logons"});
    REQUIRE(queries.find("zeta LOGONS") != nullptr);
    CHECK(filter_to_json(*queries.find(" Zeta logons")) == filter_to_json(kLogOns));
    CHECK(queries.find("nope") == nullptr);
    CHECK(queries.size() == 3);
}

TEST_CASE("saved query names: trimmed, not empty, at most 100 characters, unique ignoring case") {
    SavedQueries queries;
    CHECK(queries.save_as("   ", kLogOns) == "a saved query needs a name");
    CHECK(queries.save_as(std::string(101, 'x'), kLogOns) == "a query name can have at most 100 characters");
    CHECK(queries.save_as(std::string(100, 'x'), kLogOns) == "");
    std::string hundred_accents;
    for (int i = 0; i < 100; ++i) hundred_accents += "é";  // 200 bytes, 100 characters
    CHECK(queries.save_as(hundred_accents, kLogOns) == "");
    CHECK(queries.save_as("two\nlines", kLogOns) == "a query name cannot contain line breaks or control characters");
    CHECK(queries.save_as("Mass downloads", kLogOns) == "");
    CHECK(queries.save_as(" mass DOWNLOADS", kAdmin) ==
          "a saved query named \"Mass downloads\" already exists; choose another name");
    CHECK(filter_to_json(*queries.find("Mass downloads")) == filter_to_json(kLogOns));  // unchanged
    SUBCASE("a name may match a suggested query's: they are separate menu sections") {
        CHECK(queries.save_as("Failed log in", kLogOns) == "");
    }
}

TEST_CASE("saved queries: replace, rename and delete, with errors that change nothing") {
    SavedQueries queries;
    REQUIRE(queries.save_as("One", kLogOns) == "");
    REQUIRE(queries.save_as("Two", kAdmin) == "");

    CHECK(queries.replace("one", kAdmin) == "");
    CHECK(filter_to_json(*queries.find("One")) == filter_to_json(kAdmin));
    CHECK(queries.replace("Three", kAdmin) == "no saved query is named \"Three\"");

    CHECK(queries.rename("One", "Two") == "a saved query named \"Two\" already exists; choose another name");
    CHECK(queries.rename("One", "") == "a saved query needs a name");
    CHECK(queries.rename("Nine", "Ten") == "no saved query is named \"Nine\"");
    CHECK(queries.rename("one", " Alpha ") == "");
    CHECK(names(queries) == std::vector<std::string>{"Alpha", "Two"});
    CHECK(queries.rename("two", "TWO") == "");  // only the case changes
    CHECK(names(queries) == std::vector<std::string>{"Alpha", "TWO"});

    CHECK(queries.remove("alpha") == "");
    CHECK(queries.remove("alpha") == "no saved query is named \"alpha\"");
    CHECK(names(queries) == std::vector<std::string>{"TWO"});

    SUBCASE("a filter that breaks the rules is not saved") {
        ActivityFilter bad;
        bad.root.children.push_back({FilterNode::Kind::Condition, {"nope", FilterOp::Eq, {"x"}}, {}});
        CHECK(contains(queries.save_as("Bad", bad), "the filter cannot be saved: all[0]: unknown field"));
        CHECK(contains(queries.replace("TWO", bad), "the filter cannot be saved"));
        CHECK(queries.size() == 1);
    }
}

TEST_CASE("saved queries survive the JSON round trip used for localStorage") {
    SavedQueries queries;
    REQUIRE(queries.save_as("Logons \"quoted\" ü", kLogOns) == "");
    REQUIRE(queries.save_as("Admin", kAdmin) == "");
    std::string json = queries.to_json();
    CHECK(json == R"({"version":1,"queries":[{"name":"Admin","filter":{"all":[{"field":"admin","op":"is_true","values":[]}]}},)"
                  R"({"name":"Logons \"quoted\" ü","filter":{"all":[{"field":"activity_type","op":"eq","values":["Log on"]}]}}]})");
    SavedQueriesLoad load = SavedQueries::from_json(json);
    CHECK(load.error == "");
    CHECK(names(load.queries) == names(queries));
    CHECK(load.queries.to_json() == json);
    CHECK(SavedQueries{}.to_json() == R"({"version":1,"queries":[]})");
}

TEST_CASE("bad stored JSON gives an error and an empty set, never a crash") {
    for (const char* stored : {"{", "[]", "null", "42", "{\"queries\": {}}", "{\"version\": 99, \"queries\": []}",
                               "{\"version\": \"1\", \"queries\": []}", "\xff\xfe garbage"}) {
        CAPTURE(stored);
        SavedQueriesLoad load = SavedQueries::from_json(stored);
        CHECK(load.error != "");
        CHECK(load.queries.empty());
    }
    SavedQueriesLoad nothing = SavedQueries::from_json("");
    CHECK(nothing.error == "");
    CHECK(nothing.queries.empty());
    SUBCASE("deeply nested input is refused, not recursed into") {
        std::string open = R"({"queries":[{"name":"deep","filter":)" + std::string(100000, '[');
        CHECK(contains(SavedQueries::from_json(open).error, "nested more than 128 levels"));
        std::string closed = open + std::string(100000, ']') + "}]}";
        CHECK(contains(SavedQueries::from_json(closed).error, "nested more than 128 levels"));
        CHECK(SavedQueries::from_json(R"({"queries":[{"name":"[[[[ {{{","filter":{}}]})").queries.size() == 1);
    }
}

TEST_CASE("stored entries that are no longer valid are skipped and named; the rest load") {
    SavedQueriesLoad load = SavedQueries::from_json(R"({"version":1,"queries":[
        {"name":"Good","filter":{"all":[{"field":"activity_type","op":"eq","values":["Log on"]}]}},
        {"name":"Old field","filter":{"all":[{"field":"usr","op":"eq","values":["x"]}]}},
        {"name":"good","filter":{}},
        {"name":"","filter":{}},
        {"filter":{}},
        "text",
        {"name":"Also good","filter":null}]})");
    CHECK(names(load.queries) == std::vector<std::string>{"Also good", "Good"});
    CHECK(contains(load.error, "saved query \"Old field\" skipped: all[0]: unknown field \"usr\""));
    CHECK(contains(load.error, "saved query \"good\" skipped: a saved query named \"Good\" already exists"));
    CHECK(contains(load.error, "saved query \"\" skipped: a saved query needs a name"));
    CHECK(contains(load.error, "saved query 5 skipped"));
    CHECK(contains(load.error, "saved query 6 skipped"));
}
