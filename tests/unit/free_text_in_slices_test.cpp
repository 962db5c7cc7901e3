// On a large data set the app model searches a new free-text filter between frames (its
// background work) before the table reads its rows; the answer is the one found in one go.
#include "app/app_model.h"
#include "app_model_support.h"
#include "filter/filter_json.h"

#include <doctest/doctest.h>

#include <span>
#include <string>

using namespace sightline;

namespace {

ActivityFilter parse(const char* json) {
    FilterParseResult parsed = parse_filter_json(json);
    REQUIRE(parsed.filter);
    return *parsed.filter;
}

void finish_background(AppModel& model) {
    while (model.do_background_work(1e9)) {
    }
}

constexpr const char* kFreeText = R"({"all":[{"field":"text","op":"text","values":["contoso"]},
                                            {"field":"app","op":"eq","values":["Salesforce"]}]})";

} // namespace

TEST_CASE("a free-text filter on a large data set is searched between frames, then shown") {
    AppModel in_one_go;
    in_one_go.load_demo_data();
    finish_background(in_one_go);
    in_one_go.log().set_filter(parse(kFreeText));
    CHECK_FALSE(in_one_go.log().searching()); // the demo is small: searched at once
    const int64_t expected = sightline::testing::visible(in_one_go);
    REQUIRE(expected > 0);

    AppModel sliced(0); // every data set counts as large
    sliced.load_demo_data();
    finish_background(sliced); // the column copy, which the search's answers serve
    sliced.log().set_filter(parse(kFreeText));
    CHECK(sliced.log().searching());
    CHECK(sliced.log().view().size() == 0); // the table waits for the answer
    CHECK_FALSE(sliced.log().view_complete());
    CHECK(sliced.background_status().rfind("Searching", 0) == 0);
    int steps = 0;
    while (sliced.log().searching()) {
        REQUIRE(sliced.do_background_work(0.0));
        ++steps;
    }
    CHECK(steps >= 2);
    finish_background(sliced);
    CHECK(sliced.log().view_complete());
    CHECK(sliced.log().view().size() == expected);

    // The same filter again is answered from the kept search: no wait.
    sliced.log().set_filter({});
    sliced.log().set_filter(parse(kFreeText));
    CHECK_FALSE(sliced.log().searching());
    CHECK(sightline::testing::visible(sliced) == expected);
}

TEST_CASE("complete_view() finishes a pending free-text search at once") {
    AppModel model(0);
    model.load_demo_data();
    finish_background(model);
    model.log().set_filter(parse(R"({"all":[{"field":"text","op":"text","values":["forecast"]}]})"));
    REQUIRE(model.log().searching());
    const int64_t found = sightline::testing::visible(model);
    CHECK_FALSE(model.log().searching());
    CHECK(found > 0);
    CHECK(model.log().view_complete());
}

TEST_CASE("an import interrupts a pending search; a cancel starts it again") {
    AppModel model(0);
    model.load_demo_data();
    finish_background(model);
    model.log().set_filter(parse(kFreeText));
    REQUIRE(model.log().searching());
    const int64_t expected = [] {
        AppModel reference;
        reference.load_demo_data();
        reference.log().set_filter(parse(kFreeText));
        return sightline::testing::visible(reference);
    }();

    model.import_session().begin(1, 0);
    CHECK_FALSE(model.log().searching());
    model.complete_view(); // waits for the import: nothing is read from uncommitted rows
    CHECK(model.log().view().size() == 0);
    model.import_session().begin_file("more.csv");
    const std::string csv = "id,time,app,activity_type,user,ip\nx-1,2026-11-01T10:00:00Z,Box,Log on,a@contoso.example,10.0.0.1\n";
    model.import_session().feed(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(csv.data()), csv.size()));
    model.import_session().cancel();

    CHECK(model.log().searching()); // the rollback left the copy stale: the search waits for it
    CHECK(model.log().view().size() == 0);
    finish_background(model); // the copy again, then the search between frames
    CHECK_FALSE(model.log().searching());
    CHECK(model.log().view_complete());
    CHECK(model.log().view().size() == expected);
}

TEST_CASE("without the column copy, a large data set's free text waits for it, then is searched between frames") {
    AppModel model(0);
    model.load_demo_data(); // the copy is not built yet
    model.log().set_filter(parse(kFreeText));
    CHECK(model.log().searching()); // not by SQL, whose first step over raw records takes seconds on 1M rows
    CHECK(model.log().view().size() == 0);
    CHECK(model.background_status().rfind("Preparing to search", 0) == 0);
    bool job_ran = false;
    while (model.do_background_work(5.0))
        job_ran |= model.background_status().rfind("Searching", 0) == 0;
    CHECK(job_ran);
    CHECK_FALSE(model.log().searching());
    CHECK(model.log().view_complete());
    AppModel reference;
    reference.load_demo_data();
    reference.log().set_filter(parse(kFreeText));
    CHECK(model.log().view().size() == sightline::testing::visible(reference));

    AppModel at_once(0); // the automation API's complete_view() builds the copy and searches now
    at_once.load_demo_data();
    at_once.log().set_filter(parse(kFreeText));
    REQUIRE(at_once.log().searching());
    CHECK(sightline::testing::visible(at_once) == model.log().view().size());
    CHECK_FALSE(at_once.log().searching());
}
