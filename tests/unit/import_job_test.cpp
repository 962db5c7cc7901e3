// Importing through the app model: a batch commits as a whole, a cancel leaves the data set
// exactly as it was, and files replace the demo data only when they commit.
#include "app/app_model.h"

#include "app_model_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace sightline;
using sightline::testing::visible;

namespace {

std::span<const uint8_t> bytes(const std::string& text) {
    return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

const std::string kCanonicalCsv =
    "id,time,app,activity_type,user,ip\n"
    "t-1,2026-11-01T10:00:00Z,Box,Log on,ann@contoso.example,10.0.0.1\n"
    "t-2,2026-11-01T11:00:00Z,Box,Download file,ann@contoso.example,10.0.0.1\n";

} // namespace

TEST_CASE("an import replaces the demo data when it commits; until then the demo is shown") {
    AppModel model;
    model.load_demo_data();
    int64_t demo_rows = model.log().total_activities();
    REQUIRE(demo_rows > 20000);
    model.import_session().begin(1, static_cast<int64_t>(kCanonicalCsv.size()));
    model.import_session().begin_file("canonical.csv");
    model.import_session().feed(bytes(kCanonicalCsv));
    model.import_session().end_file();
    CHECK(model.log().total_activities() == demo_rows); // the demo is what the table shows while importing
    CHECK(model.showing_demo_data());
    model.import_session().finish();
    CHECK(model.log().total_activities() == 2);
    CHECK_FALSE(model.showing_demo_data());
    CHECK(model.import_session().last_replaced_demo());
    REQUIRE(model.import_session().last_reports().size() == 1);
    CHECK(model.import_session().last_reports()[0].rows == 2);
    CHECK(visible(model) == 2);
}

TEST_CASE("a cancelled import leaves the data set as it was, demo included") {
    AppModel model;
    model.load_demo_data();
    int64_t demo_rows = model.log().total_activities();
    model.import_session().begin(1, 0);
    model.import_session().begin_file("canonical.csv");
    model.import_session().feed(bytes(kCanonicalCsv));
    model.import_session().cancel();
    CHECK(model.store().count() == demo_rows);
    CHECK(model.showing_demo_data());
    CHECK(model.import_session().job() == nullptr);
}

TEST_CASE("a second import adds to the first and counts duplicates") {
    AppModel model;
    for (int round = 0; round < 2; ++round) {
        model.import_session().begin(1, 0);
        model.import_session().begin_file("canonical.csv");
        model.import_session().feed(bytes(kCanonicalCsv));
        model.import_session().finish();
    }
    CHECK(model.log().total_activities() == 2);
    CHECK(model.import_session().last_reports()[0].duplicates == 2);
    CHECK_FALSE(model.import_session().last_replaced_demo());
}

TEST_CASE("a batch that adds no activity keeps the demo data") {
    AppModel model;
    model.load_demo_data();
    int64_t demo_rows = model.log().total_activities();
    model.import_session().begin(1, 0);
    model.import_session().begin_file("empty.csv");
    model.import_session().end_file();
    model.import_session().finish();
    CHECK(model.log().total_activities() == demo_rows);
    CHECK(model.showing_demo_data());
    CHECK_FALSE(model.import_session().last_replaced_demo());
    REQUIRE(model.import_session().last_reports().size() == 1);
    CHECK_FALSE(model.import_session().last_reports()[0].errors.empty()); // the empty file is still reported
}
