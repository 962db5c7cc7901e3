// The column-mapping dialog's commands on the app model (what the UI's combos and buttons
// call), the remembered mapping that load() then uses, and load()'s explicit `mapping`
// through the automation API and the same import path the page drives.
#include "api/automation_api.h"
#include "app/app_model.h"
#include "import/column_mapping_json.h"
#include "import/import_report_json.h"

#include "app_model_support.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <string>

using namespace sightline;
using sightline::testing::visible;

namespace {

std::span<const uint8_t> bytes(const std::string& text) {
    return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

rapidjson::Document parse(const std::string& json) {
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    return d;
}

// No known export has these columns: the generic path. "Who" is the guessed user.
std::string unknown_csv(int rows) {
    std::string text = "When,Who,Mailbox,Where From,Action\n";
    for (int i = 0; i < rows; ++i) {
        const std::string n = std::to_string(i % 10);
        text += "2026-11-01 10:0" + n + ":00,agent" + n + ",user" + n + "@contoso.example,10.0.0." + n +
                ",FileDownloaded\n";
    }
    return text;
}

// Begins an import of one file and feeds all of it, but does not end it.
void start_import(AppModel& model, const std::string& name, const std::string& text, bool ask,
                  ColumnMapping mapping = {}) {
    model.import_session().begin(1, static_cast<int64_t>(text.size()));
    model.import_session().begin_file(name, {std::move(mapping), ask, 0, false});
    model.import_session().feed(bytes(text));
}

std::string user_of_newest(AppModel& model) {
    AutomationApi api(model);
    auto d = parse(api.call("query", R"([{"limit": 1}])"));
    return d["rows"][0]["user"].GetString();
}

} // namespace

TEST_CASE("a file in no known format waits for the analyst, pre-filled with the guess") {
    AppModel model;
    const std::string text = unknown_csv(5);
    start_import(model, "unknown.csv", text, true);
    CHECK_FALSE(model.import_session().mapping_prompt()); // fewer rows than a guess wants: waits for the end
    model.import_session().end_file();
    const MappingPrompt* prompt = model.import_session().mapping_prompt();
    REQUIRE(prompt);
    CHECK(prompt->sample().file_name == "unknown.csv");
    CHECK(prompt->sample().rows.size() == 5);
    CHECK(prompt->sample().remembered_from.empty());
    CHECK(prompt->column_for("time") == "When");
    CHECK(prompt->column_for("user") == "Who");
    CHECK(prompt->column_for("ip") == "Where From"); // from its values
    CHECK(prompt->sample_value("Mailbox") == "user0@contoso.example");
    CHECK(prompt->preview().error.empty());
    REQUIRE(prompt->preview().rows.size() == 5);
    CHECK(model.store().count() == 0); // nothing stored before the answer
}

TEST_CASE("changing a column updates the preview; time must be mapped; confirm imports and remembers") {
    AppModel model;
    start_import(model, "unknown.csv", unknown_csv(5), true);
    model.import_session().end_file();
    REQUIRE(model.import_session().mapping_prompt());
    CHECK(model.import_session().set_mapping_column("user", "Mailbox").empty());
    const MappingPreview& preview = model.import_session().mapping_prompt()->preview();
    const auto user = std::find(preview.fields.begin(), preview.fields.end(), "user") - preview.fields.begin();
    CHECK(preview.rows[0].cells[static_cast<size_t>(user)] == "user0@contoso.example");
    CHECK_FALSE(model.import_session().set_mapping_column("user", "No such column").empty());
    CHECK_FALSE(model.import_session().set_mapping_column("colour", "Who").empty());
    CHECK(model.import_session().mapping_prompt()->column_for("user") == "Mailbox"); // errors changed nothing

    CHECK(model.import_session().set_mapping_column("time", "").empty());
    CHECK(model.import_session().mapping_prompt()->preview().error == "no column is mapped to time");
    CHECK(model.import_session().confirm_mapping() == "no column is mapped to time");
    REQUIRE(model.import_session().mapping_prompt()); // still asking
    CHECK(model.import_session().set_mapping_column("time", "When").empty());

    CHECK(model.import_session().confirm_mapping().empty());
    CHECK_FALSE(model.import_session().mapping_prompt());
    model.import_session().finish();
    CHECK(model.log().total_activities() == 5);
    CHECK(user_of_newest(model) == "user4@contoso.example");
    REQUIRE(model.import_session().last_reports().size() == 1);
    CHECK(model.import_session().last_reports()[0].mapping_source == "chosen");
    auto remembered = model.import_session().remembered_mappings().find({"When", "Who", "Mailbox", "Where From", "Action"});
    REQUIRE(remembered);
    CHECK(mapped_column(remembered->mapping, "user") == "Mailbox");
    CHECK(model.settings().revision() > 0); // the page saves it to localStorage
}

TEST_CASE("the next file with the same header opens with the remembered mapping; load() uses it too") {
    AppModel model;
    start_import(model, "first.csv", unknown_csv(3), true);
    model.import_session().end_file();
    REQUIRE(model.import_session().set_mapping_column("user", "Mailbox").empty());
    REQUIRE(model.import_session().confirm_mapping().empty());
    model.import_session().finish();

    // Same header, other case and spacing: the dialog starts from what was chosen.
    std::string again = unknown_csv(4);
    again.replace(0, again.find('\n'), "when, WHO ,Mailbox,Where  From,Action");
    start_import(model, "second.csv", again, true);
    model.import_session().end_file();
    REQUIRE(model.import_session().mapping_prompt());
    CHECK(model.import_session().mapping_prompt()->sample().remembered_from == "first.csv");
    CHECK(model.import_session().mapping_prompt()->column_for("user") == "Mailbox");
    CHECK(model.import_session().skip_mapping_file().empty());
    model.import_session().finish();

    // load() never asks: the remembered mapping instead of the guess ("Who").
    start_import(model, "third.csv", unknown_csv(2), false);
    model.import_session().end_file();
    model.import_session().finish();
    const FileImportReport& report = model.import_session().last_reports().at(0);
    CHECK(report.mapping_source == "remembered");
    CHECK(report.mapping_json == R"({"time":"When","action_type":"Action","user":"Mailbox","ip":"Where From"})");
}

TEST_CASE("skip imports nothing of the file; cancel in the dialog leaves the data as it was") {
    AppModel model;
    model.load_demo_data();
    const int64_t demo = model.log().total_activities();
    start_import(model, "skipped.csv", unknown_csv(3), true);
    model.import_session().end_file();
    CHECK(model.import_session().skip_mapping_file().empty());
    CHECK_FALSE(model.import_session().mapping_prompt());
    model.import_session().finish();
    REQUIRE(model.import_session().last_reports().size() == 1);
    CHECK(model.import_session().last_reports()[0].rows == 0);
    CHECK(model.import_session().last_reports()[0].fatal_error.find("skipped") != std::string::npos);
    CHECK(model.import_session().skip_mapping_file() == "no file is waiting for a column mapping");

    const int64_t before = model.log().total_activities();
    start_import(model, "cancelled.csv", unknown_csv(3), true);
    model.import_session().end_file();
    REQUIRE(model.import_session().mapping_prompt());
    model.import_session().cancel();
    CHECK_FALSE(model.import_session().mapping_prompt());
    CHECK(model.log().total_activities() == before);
    CHECK(visible(model) == before);
    CHECK(demo > 0);
}

TEST_CASE("a large file asks after its first rows, then maps the waiting rows and the rest") {
    AppModel model;
    const std::string text = unknown_csv(300);
    const size_t half = text.size() / 2;
    model.import_session().begin(1, static_cast<int64_t>(text.size()));
    model.import_session().begin_file("large.csv", {{}, true, 0, false});
    model.import_session().feed(bytes(text.substr(0, half)));
    REQUIRE(model.import_session().mapping_prompt()); // enough sample rows: asks before the end
    CHECK(model.import_session().mapping_prompt()->sample().rows.size() == 20);
    CHECK(model.import_session().confirm_mapping().empty());
    model.import_session().feed(bytes(text.substr(half)));
    model.import_session().end_file();
    model.import_session().finish();
    CHECK(model.import_session().last_reports().at(0).rows + model.import_session().last_reports().at(0).duplicates == 300);
    CHECK(model.log().total_activities() == 10); // ten distinct records, repeated
}

TEST_CASE("known formats never ask") {
    AppModel model;
    const std::string text = "id,time,app,activity_type,user,ip\nt-1,2026-11-01T10:00:00Z,Box,Log on,ann@contoso.example,10.0.0.1\n";
    start_import(model, "canonical.csv", text, true);
    model.import_session().end_file();
    CHECK_FALSE(model.import_session().mapping_prompt());
    model.import_session().finish();
    CHECK(model.log().total_activities() == 1);
}

TEST_CASE("checkMapping: load()'s per-file mapping is checked before anything is read") {
    AppModel model;
    AutomationApi api(model);
    auto ok = parse(api.call("checkMapping", R"([{"user": "Who", "time": "When", "ip": null}])"));
    REQUIRE(ok.HasMember("ok"));
    CHECK(std::string(ok["mapping"]["time"].GetString()) == "When");
    CHECK_FALSE(ok["mapping"].HasMember("ip"));
    for (const char* bad : {R"([{"user": "Who"}])", R"([{"time": "When", "colour": "x"}])", R"([{"time": 1}])",
                            R"([[]])", R"([])"}) {
        auto d = parse(api.call("checkMapping", bad));
        CHECK(d.HasMember("error"));
    }
    CHECK(std::string(parse(api.call("checkMapping", R"([{"user": "Who"}])"))["error"].GetString()) ==
          "mapping: no column is mapped to time (every activity needs one)");
}

TEST_CASE("load with an explicit mapping: used as given; a missing column fails that file only") {
    AppModel model;
    AutomationApi api(model);
    // As the page does: the API checks the mapping, its answer is what the file is read with.
    auto checked = parse(api.call("checkMapping", R"([{"user": "Mailbox", "time": "When"}])"));
    std::string error;
    auto mapping = column_mapping_from_json(checked["mapping"], error);
    REQUIRE(mapping);
    start_import(model, "given.csv", unknown_csv(3), false, *mapping);
    model.import_session().end_file();
    model.import_session().finish();
    auto report = parse(import_reports_to_json(model.import_session().last_reports(), model.log().total_activities()));
    const auto& file = report["files"][0];
    CHECK(file["rows"].GetInt64() == 3);
    CHECK(std::string(file["mapping_source"].GetString()) == "given");
    CHECK(std::string(file["mapping"]["user"].GetString()) == "Mailbox");
    CHECK(user_of_newest(model) == "user2@contoso.example");

    // A column the file lacks: that file reports it, the loaded data stays.
    auto wrong = column_mapping_from_json_text(R"({"time": "When", "user": "Account"})", error);
    REQUIRE(wrong);
    start_import(model, "wrong.csv", unknown_csv(3), false, *wrong);
    model.import_session().end_file();
    model.import_session().finish();
    auto failed = parse(import_reports_to_json(model.import_session().last_reports(), model.log().total_activities()));
    CHECK(failed["files"][0]["fatal"].GetBool());
    CHECK(std::string(failed["files"][0]["error"].GetString()) ==
          "column mapping cannot be used: the file has no column 'Account' (for user)");
    CHECK(failed["total"].GetInt64() == 3);
}
