// AppModel's offline IP location: when the page should fetch the asset (an import left an IP
// without country or ISP, and nothing asked before), and the table it is then given.
#include "app/app_model.h"
#include "enrich/ip_location_file.h"
#include "import_test_support.h"

#include <doctest/doctest.h>

#include <memory>

using namespace sightline;

namespace {

void import_fixture(AppModel& model, const std::string& name) {
    const std::string bytes = test::read_fixture(name);
    model.import_session().begin(1, 0);
    model.import_session().begin_file(name);
    model.import_session().feed(std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
    model.import_session().end_file();
    model.import_session().finish();
}

} // namespace

TEST_CASE("the IP location is wanted once an import leaves addresses without a country, and only once") {
    AppModel model;
    CHECK(!model.ip_location_wanted()); // no activities
    import_fixture(model, "audit_log_classic.csv"); // the unified audit log: IPs, no countries
    REQUIRE(model.store().count() > 0);
    CHECK(model.ip_location_wanted());
    model.set_ip_location_unavailable(IpLocationSource::State::Loading, "");
    CHECK(!model.ip_location_wanted()); // a fetch is under way
    model.set_ip_location_unavailable(IpLocationSource::State::Failed, "the fetch failed (404)");
    CHECK(!model.ip_location_wanted()); // not tried again
    CHECK(model.ip_location_source().note == "the fetch failed (404)");
    CHECK(model.ip_location_table() == nullptr);

    auto parsed = read_ip_location_file(SIGHTLINE_IP_LOCATION_ASSET);
    REQUIRE(parsed.table);
    model.set_ip_location_table(std::make_shared<const IpLocationTable>(std::move(*parsed.table)));
    CHECK(model.ip_location_source().state == IpLocationSource::State::Ready);
    REQUIRE(model.ip_location_table() != nullptr);
    CHECK(model.ip_location_table()->lookup(*parse_ip("8.8.8.8")).country == "US");
    CHECK(!model.ip_location_wanted());
}

TEST_CASE("the demo data, whose activities all have a country, wants no IP location") {
    AppModel model;
    model.load_demo_data();
    CHECK(!model.ip_location_wanted());
}

TEST_CASE("the single-file page's IP location is off, with the reason") {
    AppModel model;
    model.set_ip_location_unavailable(IpLocationSource::State::Off, "off in the single-file page");
    import_fixture(model, "audit_log_classic.csv");
    CHECK(!model.ip_location_wanted());
    CHECK(ip_location_state_name(model.ip_location_source().state) == "off");
}

TEST_CASE("read_ip_location_file says why a path holds no asset") {
    CHECK(read_ip_location_file("/nonexistent/ip-location.bin").error.find("no ip-location asset") != std::string::npos);
    CHECK(read_ip_location_file(SIGHTLINE_FIXTURES_DIR).error.find("no ip-location asset") != std::string::npos); // a folder
    CHECK(read_ip_location_file(std::string(SIGHTLINE_FIXTURES_DIR) + "/import/empty.csv").error.find("truncated") != std::string::npos);
}
