// The drawer's insights (app/drawer_insights.h): opening an activity computes nothing (the
// drawer's first frame never waits); background work fills them in, equal to the direct
// answer; another activity of the same user keeps them; a write makes them stale and they are
// worked out again for the new data.
#include "app/app_model.h"
#include "query/activity_query.h"
#include "query/insights_job.h"

#include <doctest/doctest.h>

using namespace sightline;

namespace {

void finish_background(AppModel& model) {
    while (model.do_background_work(1e9)) {
    }
}

Activity newest(AppModel& model) {
    QuerySpec spec;
    spec.limit = 1;
    return run_query(model.store(), spec).rows.at(0);
}

} // namespace

TEST_CASE("drawer insights: opened without counting, filled in between frames, kept, redone after a write") {
    AppModel model;
    model.load_demo_data();
    finish_background(model);
    const Activity a = newest(model);
    model.open_activity(a.id);
    CHECK(model.drawer_insights().user_job() == nullptr); // nothing was computed by the click
    CHECK(model.drawer_insights().ip_job() == nullptr);
    REQUIRE(model.do_background_work(1e9));                 // one slice: a job starts
    finish_background(model);
    const InsightsJob* user = model.drawer_insights().user_job();
    const InsightsJob* ip = model.drawer_insights().ip_job();
    REQUIRE(user);
    REQUIRE(ip);
    REQUIRE(user->done());
    REQUIRE(ip->done());
    CHECK(user->uses_columns()); // the copy was ready
    const EntityInsights direct = compute_insights_with_sql(model.store(), InsightSubject::User, a.user);
    CHECK(user->insights().activities == direct.activities);
    CHECK(user->insights().activities > 0);
    CHECK(ip->insights().activities == compute_insights_with_sql(model.store(), InsightSubject::Ip, a.ip).activities);

    model.open_activity(a.id); // the same user and address: the answer stands
    CHECK(model.drawer_insights().user_job() == user);
    CHECK(user->done());

    model.clear_activities();
    CHECK(model.drawer_insights().user_job() == nullptr);
    CHECK(model.drawer_insights().user().empty());
}
