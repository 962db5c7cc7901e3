// User-agent enrichment after an import (app/user_agent_enrichment_job.h): a unified audit log
// file that carries only user agents ends up with Browser, Operating system, Device type and
// the user agent tags filled and marked computed; a Defender export's own values stay, unmarked;
// the fields fill in between frames while the log is already browsable.
#include "api/activity_json.h"
#include "app/app_model.h"
#include "app/user_agent_enrichment_job.h"
#include "export/csv_export_job.h"
#include "store/computed_fields.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace sightline;

namespace {

void import_text(AppModel& model, const std::string& name, const std::string& text) {
    model.import_session().begin(1, 0);
    model.import_session().begin_file(name);
    model.import_session().feed({reinterpret_cast<const uint8_t*>(text.data()), text.size()});
    model.import_session().end_file();
    model.import_session().finish();
}

// A unified audit log CSV (the classic layout): AuditData carries the user agent, nothing else
// about the client. Dates in March 2024: Chrome 122 is current; Windows 7 and iOS 12 are past support.
std::string audit_log() {
    const auto row = [](const char* id, const char* when, const char* user_agent) {
        std::string ua(user_agent);
        return std::string(when) + ",ann@contoso.com,FileDownloaded,\"{\"\"Id\"\": \"\"" + id +
               "\"\", \"\"RecordType\"\": 6, \"\"CreationTime\"\": \"\"" + when +
               "\"\", \"\"Operation\"\": \"\"FileDownloaded\"\", \"\"Workload\"\": \"\"SharePoint\"\", "
               "\"\"ClientIP\"\": \"\"203.0.113.7\"\", \"\"UserId\"\": \"\"ann@contoso.com\"\", \"\"UserAgent\"\": \"\"" +
               ua + "\"\"}\"\n";
    };
    return "CreationDate,UserIds,Operations,AuditData\n" +
           row("aud-chrome", "2024-03-04T09:00:00",
               "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36") +
           row("aud-ie", "2024-03-04T09:01:00", "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko") +
           row("aud-ios", "2024-03-04T09:02:00",
               "Mozilla/5.0 (iPhone; CPU iPhone OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1") +
           row("aud-curl", "2024-03-04T09:03:00", "curl/8.5.0") +
           row("aud-none", "2024-03-04T09:04:00", "");
}

// A Defender activity log export: Browser, Operating system, Device type and tags of its own
// (deliberately not what uap-core would say, so a computed value would show), and one row
// with a user agent but no Browser, whose gap is filled while the export's OS stays.
std::string defender_export() {
    return "Activity,User,App,IP address,Date,Event ID,User agent,Device type,Browser,Operating system,User agent tags\n"
           "Log on,bob@contoso.com,Box,198.51.100.7,2024-03-04T10:00:00Z,ev-1,"
           "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko,Mobile,Exported browser,Exported OS,\n"
           "Log on,bob@contoso.com,Box,198.51.100.7,2024-03-04T10:01:00Z,ev-2,curl/8.5.0,,,Exported OS,\n";
}

std::vector<std::string> names(ComputedFields fields) {
    std::vector<std::string> out;
    for (const std::string_view n : computed_field_names(fields)) out.emplace_back(n);
    return out;
}

} // namespace

TEST_CASE("a unified audit log with only user agents gets browser, OS, device type and tags, marked computed") {
    AppModel model;
    model.clear_activities();
    import_text(model, "audit.csv", audit_log());
    REQUIRE(model.log().total_activities() == 5);
    CHECK(model.user_agent_enrichment().running());
    model.complete_enrichment();
    CHECK_FALSE(model.user_agent_enrichment().running());

    const Activity chrome = *model.store().find_by_id("aud-chrome");
    CHECK(chrome.browser == "Chrome 122.0");
    CHECK(chrome.os == "Windows 10");
    CHECK(chrome.device_type == "PC");
    CHECK(chrome.ua_tags.empty());
    // No tags to write: ua_tags is not marked. The other three are.
    CHECK(names(chrome.computed) == std::vector<std::string>{"device_type", "browser", "os"});

    const Activity ie = *model.store().find_by_id("aud-ie");
    CHECK(ie.browser == "IE 11.0");
    CHECK(ie.os == "Windows 7");
    // 4 March 2024: IE retired on 15 June 2022, Windows 7 on 14 January 2020.
    CHECK(ie.ua_tags == std::vector<std::string>{"Outdated browser", "Outdated operating system"});
    CHECK(names(ie.computed) == std::vector<std::string>{"ua_tags", "device_type", "browser", "os"});

    const Activity ios = *model.store().find_by_id("aud-ios");
    CHECK(ios.device_type == "Mobile");
    CHECK(ios.os == "iOS 12.5");
    CHECK(ios.ua_tags == std::vector<std::string>{"Outdated browser", "Outdated operating system"});

    const Activity curl = *model.store().find_by_id("aud-curl");
    CHECK(curl.browser == "curl 8.5");
    CHECK(curl.os.empty()); // uap-core knows no OS of curl: nothing written, nothing marked
    CHECK(curl.ua_tags == std::vector<std::string>{"Native client"});
    CHECK(names(curl.computed) == std::vector<std::string>{"ua_tags", "device_type", "browser"});

    const Activity none = *model.store().find_by_id("aud-none");
    CHECK(none.browser.empty());
    CHECK(none.computed == 0);

    // activity(id)'s JSON says the same.
    const std::string json = activity_detail_json(ie);
    CHECK(json.find("\"computed\":[\"ua_tags\",\"device_type\",\"browser\",\"os\"]") != std::string::npos);
    CHECK(activity_detail_json(none).find("\"computed\":[]") != std::string::npos);
}

TEST_CASE("a Defender export's own browser, OS, device type and tags stay, not marked; only its gaps are filled") {
    AppModel model;
    model.clear_activities();
    import_text(model, "defender.csv", defender_export());
    REQUIRE(model.log().total_activities() == 2);
    model.complete_enrichment();

    const Activity own = *model.store().find_by_id("ev-1");
    CHECK(own.browser == "Exported browser");
    CHECK(own.os == "Exported OS");
    CHECK(own.device_type == "Mobile");
    // The export analysed the user agent (it has a browser and OS): its empty tags are its answer.
    CHECK(own.ua_tags.empty());
    CHECK(own.computed == 0);

    const Activity gap = *model.store().find_by_id("ev-2");
    CHECK(gap.os == "Exported OS");
    CHECK(gap.browser == "curl 8.5");
    CHECK(gap.device_type == "Other");
    CHECK(gap.ua_tags.empty()); // the export has an OS: its tags are its own
    CHECK(names(gap.computed) == std::vector<std::string>{"device_type", "browser"});
}

TEST_CASE("enrichment runs between frames after the view is browsable, and filters see the filled fields") {
    AppModel model;
    model.clear_activities();
    import_text(model, "audit.csv", audit_log());
    // The log answers before enrichment has written anything.
    model.complete_view();
    CHECK(model.log().view().size() == 5);
    CHECK(model.store().find_by_id("aud-ie")->browser.empty());
    int frames = 0;
    while (model.user_agent_enrichment().running() && frames < 1000) {
        model.do_background_work(5.0);
        ++frames;
    }
    CHECK_FALSE(model.user_agent_enrichment().running());
    CHECK(frames > 1); // the parser's regexes compile over several slices
    CHECK(model.store().find_by_id("aud-ie")->browser == "IE 11.0");
    CHECK(model.user_agent_enrichment().distinct_user_agents() == 4);
    CHECK(model.user_agent_enrichment().activities_filled() == 4);
}

TEST_CASE("the all-fields CSV export names the computed fields of each row, and re-imports") {
    AppModel model;
    model.clear_activities();
    import_text(model, "audit.csv", audit_log());
    model.complete_enrichment();
    CsvExportOptions options;
    options.all_fields = true;
    const CsvExportText csv = export_csv_text(model.store(), options);
    REQUIRE(csv.error.empty());
    const std::string header = csv.text.substr(0, csv.text.find("\r\n"));
    CHECK(header.ends_with(",comment,computed"));
    // The IE row (newest first: 09:01 is the fourth row) ends with its computed fields' names.
    CHECK(csv.text.find("Outdated browser; Outdated operating system") != std::string::npos);
    CHECK(csv.text.find(",ua_tags; device_type; browser; os\r\n") != std::string::npos);
    CHECK(csv.text.find(",,\r\n") != std::string::npos); // the row without a user agent: nothing computed
    // Sightline reads its own export back without a mapping, the column read past.
    AppModel again;
    again.clear_activities();
    import_text(again, "export.csv", csv.text);
    CHECK(again.import_session().last_reports().back().format == "Sightline CSV");
    CHECK(again.store().find_by_id("aud-ie")->browser == "IE 11.0");
}

TEST_CASE("a slice out of time ends inside its window of rows, and the next slice goes on from there") {
    ActivityStore store;
    {
        ActivityWriter writer(store);
        for (int i = 0; i < 300; ++i) {
            Activity a;
            a.id = "row-" + std::to_string(i);
            a.time_ms = 1'709'542'800'000 + i; // 4 March 2024
            a.user_agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/" + std::to_string(100 + i % 30) + ".0.0.0";
            writer.insert(a);
        }
        writer.commit();
    }
    UserAgentEnrichmentJob job;
    job.start(store);
    while (job.step(store, 0) && job.activities_filled() == 0) {
    } // the parser's chunks, one a slice
    // With no time left, a slice still does 63 rows (the clock is read every 64th), not the window.
    CHECK(job.activities_filled() == 63);
    REQUIRE(job.running());
    int slices = 1;
    bool more = true;
    while (more) {
        more = job.step(store, 0);
        ++slices;
    }
    CHECK(job.activities_filled() == 300);
    CHECK(slices == 5); // 63 a slice: 300 rows in ceil(300 / 63) = 5 slices, the last one returning false
    CHECK(store.find_by_id("row-299")->browser == "Chrome 129.0");
}
