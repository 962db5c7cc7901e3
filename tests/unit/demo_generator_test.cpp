// The demo data set: determinism, shape, and that each planted story can be found with SQL
// the way an analyst (or a policy) would find it.
#include "demo/demo_generator.h"

#include "store/activity_store.h"
#include "store/sqlite_handle.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <sqlite3.h>

#include <set>
#include <string>

using namespace sightline;
namespace story = sightline::demo_story;

namespace {

const std::vector<Activity>& default_demo() {
    static const std::vector<Activity> activities = generate_demo_activities();
    return activities;
}

// The default data set in a store, built once for all the story checks.
ActivityStore& default_store() {
    static ActivityStore* store = [] {
        auto* s = new ActivityStore();
        ActivityWriter writer(*s);
        for (const Activity& a : default_demo()) writer.insert(a);
        writer.commit();
        s->ensure_indexes();
        return s;
    }();
    return *store;
}

// First column of the first row of `sql` as an integer, binding texts to ?1, ?2, ...
int64_t query_int(std::string_view sql, std::vector<SqlValue> params = {}) {
    sqlite3* db = default_store().db();
    Statement st = prepare(db, sql);
    bind_all(st.get(), params);
    REQUIRE(step_row(db, st.get()));
    return sqlite3_column_int64(st.get(), 0);
}

int64_t story_time(int64_t before_end_ms) { return DemoOptions{}.end_time_ms - before_end_ms; }

std::string text(std::string_view s) { return std::string(s); }

bool same_activity(const Activity& a, const Activity& b) {
    return a.id == b.id && a.time_ms == b.time_ms && a.app == b.app && a.activity_type == b.activity_type &&
           a.action_type == b.action_type && a.description == b.description && a.user == b.user &&
           a.user_domain == b.user_domain && a.ip == b.ip && a.ip_category == b.ip_category &&
           a.ip_tags == b.ip_tags && a.country == b.country && a.city == b.city && a.isp == b.isp &&
           a.user_agent == b.user_agent && a.ua_tags == b.ua_tags && a.device_type == b.device_type &&
           a.browser == b.browser && a.os == b.os && a.objects == b.objects && a.admin == b.admin &&
           a.impersonated == b.impersonated && a.result == b.result && a.source == b.source && a.file == b.file &&
           a.matched_policies == b.matched_policies && a.raw == b.raw;
}

} // namespace

TEST_CASE("demo data: the same options give identical activities, another seed different ones") {
    const std::vector<Activity>& first = default_demo();
    const std::vector<Activity> again = generate_demo_activities();
    REQUIRE(first.size() == again.size());
    for (size_t i = 0; i < first.size(); ++i)
        if (!same_activity(first[i], again[i])) FAIL("row " << i << " differs: " << first[i].id << " vs " << again[i].id);

    DemoOptions other;
    other.seed = 7;
    const std::vector<Activity> different = generate_demo_activities(other);
    size_t same = 0;
    for (size_t i = 0; i < std::min(first.size(), different.size()); ++i) same += same_activity(first[i], different[i]);
    CHECK(same == 0);
}

TEST_CASE("demo data: size, time span and order") {
    const std::vector<Activity>& rows = default_demo();
    const DemoOptions options;
    CHECK(rows.size() >= 20000);
    CHECK(rows.size() > static_cast<size_t>(options.activity_count)); // stories come on top
    REQUIRE_FALSE(rows.empty());
    CHECK(rows.back().time_ms < options.end_time_ms);
    CHECK(rows.back().time_ms - rows.front().time_ms >= 30 * story::kDayMs);
    CHECK(rows.front().time_ms >= options.end_time_ms - options.days * story::kDayMs);
    for (size_t i = 1; i < rows.size(); ++i)
        if (rows[i - 1].time_ms > rows[i].time_ms) FAIL("not sorted at row " << i);

    DemoOptions small;
    small.activity_count = 500;
    CHECK(generate_demo_activities(small).size() > 500);
}

TEST_CASE("demo data: apps, users, ids and canonical values") {
    const std::vector<Activity>& rows = default_demo();
    std::set<std::string> apps, users, ids, categories, device_types, ua_tags;
    for (const Activity& a : rows) {
        apps.insert(a.app);
        users.insert(a.user);
        ids.insert(a.id);
        categories.insert(a.ip_category);
        device_types.insert(a.device_type);
        ua_tags.insert(a.ua_tags.begin(), a.ua_tags.end());
        CHECK(a.source == story::kSource);
        CHECK(a.file == story::kFile);
        CHECK((a.result == "Success" || a.result == "Failure"));
        CHECK(a.country.size() == 2);
        CHECK(!a.city.empty());
        CHECK(!a.isp.empty());
        CHECK(a.user_domain == a.user.substr(a.user.find('@') + 1));
    }
    for (const char* app : {"Office 365", "Exchange Online", "SharePoint Online", "OneDrive for Business",
                            "Microsoft Teams", "Box", "Salesforce", "Amazon Web Services"})
        CHECK_MESSAGE(apps.count(app) == 1, app);
    CHECK(apps.size() == 8);
    CHECK(users.size() >= 190);
    CHECK(users.size() <= 215);
    CHECK(users.count("li.wei@fabrikam.example") == 1);
    CHECK(ids.size() == rows.size());
    CHECK(categories == std::set<std::string>{"", "Corporate", "VPN", "Risky", "Cloud provider"});
    CHECK(device_types == std::set<std::string>{"PC", "Mobile", "Tablet", "Other"});
    CHECK(ua_tags == std::set<std::string>{"Native client", "Outdated browser", "Outdated operating system", "Robot"});
}

TEST_CASE("demo data: raw records are Defender-shaped JSON matching the row") {
    const std::vector<Activity>& rows = default_demo();
    for (size_t i = 0; i < rows.size(); i += 97) {
        const Activity& a = rows[i];
        rapidjson::Document doc;
        doc.Parse(a.raw.c_str());
        REQUIRE_MESSAGE(!doc.HasParseError(), a.raw);
        CHECK(doc["_id"].GetString() == a.id);
        CHECK(doc["timestamp"].GetInt64() == a.time_ms);
        CHECK(doc["appName"].GetString() == a.app);
        CHECK(doc["description"].GetString() == a.description);
        CHECK(doc["user"]["userName"].GetString() == a.user);
        CHECK(doc["device"]["clientIP"].GetString() == a.ip);
        CHECK(doc["device"]["userAgent"].GetString() == a.user_agent);
        CHECK(doc["location"]["countryCode"].GetString() == a.country);
        CHECK(doc["location"]["organizationSearchable"].GetString() == a.isp);
        CHECK(doc["mainInfo"]["prettyOperationName"].GetString() == a.action_type);
        CHECK(doc["mainInfo"]["activityResult"]["isSuccess"].GetBool() == (a.result == "Success"));
    }
}

TEST_CASE("demo data: every activity type has its plausible raw operation names") {
    CHECK(query_int("SELECT count(*) FROM activities WHERE activity_type = 'Failed log on' AND result <> 'Failure'") == 0);
    CHECK(query_int("SELECT count(*) FROM activities WHERE activity_type = 'Log on' AND action_type = 'UserLoggedIn'") > 1000);
    CHECK(query_int("SELECT count(*) FROM activities WHERE action_type = 'ConsoleLogin'") > 0);
    CHECK(query_int("SELECT count(*) FROM activities WHERE impersonated = 1 AND action_type = 'SendOnBehalf'") > 0);
    CHECK(query_int("SELECT count(*) FROM activities WHERE admin = 1 AND app = 'Amazon Web Services'") > 0);
    CHECK(query_int("SELECT count(*) FROM activities WHERE ip LIKE '%:%'") > 0); // some IPv6
    CHECK(query_int("SELECT count(*) FROM activities WHERE ip_bin IS NULL") == 0);
}

TEST_CASE("demo story 1: impossible travel") {
    const int64_t office_t = story_time(story::kImpossibleTravelOfficeLogonBeforeEndMs);
    const int64_t remote_t = story_time(story::kImpossibleTravelRemoteLogonBeforeEndMs);
    CHECK(remote_t - office_t <= 40 * story::kMinuteMs);
    CHECK(query_int("SELECT count(*) FROM activities WHERE user = ?1 AND activity_type = 'Log on' AND result = 'Success' "
                    "AND ip = ?2 AND ip_category = 'Corporate' AND country = 'US' AND time = ?3",
                    {text(story::kImpossibleTravelUser), text(story::kImpossibleTravelOfficeIp), office_t}) == 1);
    CHECK(query_int("SELECT count(*) FROM activities WHERE user = ?1 AND activity_type = 'Log on' AND result = 'Success' "
                    "AND ip = ?2 AND country = ?3 AND time = ?4",
                    {text(story::kImpossibleTravelUser), text(story::kImpossibleTravelRemoteIp),
                     text(story::kImpossibleTravelRemoteCountry), remote_t}) == 1);
    // The user's only log ons outside the US are the planted one.
    CHECK(query_int("SELECT count(*) FROM activities WHERE user = ?1 AND activity_type = 'Log on' AND country <> 'US'",
                    {text(story::kImpossibleTravelUser)}) == 1);
}

TEST_CASE("demo story 2: mass download") {
    const int64_t start = story_time(story::kMassDownloadStartBeforeEndMs);
    CHECK(query_int("SELECT count(*) FROM activities WHERE user = ?1 AND activity_type = 'Download file' "
                    "AND app IN ('SharePoint Online', 'OneDrive for Business') AND ip = ?2 AND time BETWEEN ?3 AND ?4",
                    {text(story::kMassDownloadUser), text(story::kMassDownloadIp), start, start + 60'000}) ==
          story::kMassDownloadCount);
    // What a "51 downloads in 1 minute" policy sees: only the planted user qualifies.
    const char* const busiest_minute =
        "SELECT a.user, count(*) AS n FROM activities a JOIN activities b ON a.user = b.user "
        "AND b.activity_type = 'Download file' AND b.time BETWEEN a.time AND a.time + 60000 "
        "WHERE a.activity_type = 'Download file' GROUP BY a.rowid ORDER BY n DESC LIMIT 1";
    sqlite3* db = default_store().db();
    Statement st = prepare(db, busiest_minute);
    REQUIRE(step_row(db, st.get()));
    CHECK(column_text(st.get(), 0) == story::kMassDownloadUser);
    CHECK(sqlite3_column_int64(st.get(), 1) >= 51);
    CHECK(query_int("SELECT count(DISTINCT user) FROM activities a WHERE activity_type = 'Download file' AND "
                    "(SELECT count(*) FROM activities b WHERE b.user = a.user AND b.activity_type = 'Download file' "
                    "AND b.time BETWEEN a.time AND a.time + 60000) >= 51") == 1);
}

TEST_CASE("demo story 3: failed log-on burst from a risky IP, then success") {
    const int64_t start = story_time(story::kFailedLogonBurstStartBeforeEndMs);
    const int64_t success = story_time(story::kFailedLogonSuccessBeforeEndMs);
    CHECK(query_int("SELECT count(*) FROM activities a JOIN activity_ip_tags t ON t.activity = a.rowid "
                    "WHERE user = ?1 AND activity_type = 'Failed log on' AND result = 'Failure' AND ip = ?2 "
                    "AND ip_category = 'Risky' AND t.value = 'Botnet' AND time BETWEEN ?3 AND ?4",
                    {text(story::kFailedLogonUser), text(story::kFailedLogonIp), start, start + 5 * story::kMinuteMs}) ==
          story::kFailedLogonAttempts);
    CHECK(story::kFailedLogonAttempts >= 25);
    CHECK(query_int("SELECT count(*) FROM activities WHERE user = ?1 AND activity_type = 'Log on' AND result = 'Success' "
                    "AND ip = ?2 AND time = ?3",
                    {text(story::kFailedLogonUser), text(story::kFailedLogonIp), success}) == 1);
    CHECK(query_int("SELECT count(*) FROM activities WHERE description = "
                    "'Failed log on (Failure message: Invalid username or password)' AND user = ?1 AND ip = ?2",
                    {text(story::kFailedLogonUser), text(story::kFailedLogonIp)}) == story::kFailedLogonAttempts);
    // No other user reaches even 10 failures in 5 minutes.
    CHECK(query_int("SELECT count(DISTINCT user) FROM activities a WHERE activity_type = 'Failed log on' AND "
                    "(SELECT count(*) FROM activities b WHERE b.user = a.user AND b.activity_type = 'Failed log on' "
                    "AND b.time BETWEEN a.time AND a.time + 300000) >= 10") == 1);
}

TEST_CASE("demo story 4: admin action from a non-corporate IP") {
    const int64_t t = story_time(story::kRiskyAdminActionBeforeEndMs);
    CHECK(query_int("SELECT count(*) FROM activities a JOIN activity_objects o ON o.activity = a.rowid "
                    "WHERE user = ?1 AND activity_type = 'Add member to role' AND action_type = 'Add member to role.' "
                    "AND admin = 1 AND ip = ?2 AND country = ?3 AND ip_category = '' AND time = ?4 AND o.value = ?5",
                    {text(story::kRiskyAdminUser), text(story::kRiskyAdminIp), text(story::kRiskyAdminCountry), t,
                     text(story::kRiskyAdminRole)}) == 1);
    // Background admin work comes from Contoso's own networks only, so these three stand out.
    CHECK(query_int("SELECT count(*) FROM activities WHERE admin = 1 AND ip_category NOT IN ('Corporate', 'VPN')") == 3);
    CHECK(query_int("SELECT count(*) FROM activities WHERE admin = 1 AND user = ?1 AND ip = ?2",
                    {text(story::kRiskyAdminUser), text(story::kRiskyAdminIp)}) == 3);
}

TEST_CASE("demo story 5: inbox rule forwarding outside") {
    const int64_t t = story_time(story::kInboxRuleBeforeEndMs);
    CHECK(query_int("SELECT count(*) FROM activities a JOIN activity_objects o ON o.activity = a.rowid "
                    "WHERE user = ?1 AND app = 'Exchange Online' AND activity_type = 'Create inbox rule' "
                    "AND action_type = 'New-InboxRule' AND time = ?2 AND o.value = ?3 AND description LIKE ?4",
                    {text(story::kInboxRuleUser), t, text(story::kInboxRuleName),
                     "%external address " + text(story::kInboxRuleForwardTo) + "%"}) == 1);
    CHECK(query_int("SELECT count(*) FROM activity_objects WHERE value LIKE ?1",
                    {"%" + text(story::kInboxRuleForwardTo)}) == 1);
    CHECK(query_int("SELECT count(*) FROM activities WHERE action_type = 'New-InboxRule' AND description LIKE '%forward%'") == 1);
}
