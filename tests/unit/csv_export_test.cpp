// The CSV export (src/export/, app/csv_export_session.h, the API's exportCsv): RFC 4180 round
// trip through Sightline's own importer with nasty values, the same rows and cells as query()
// answers, cancel and data changes that leave nothing reported as done.
#include "api/activity_json.h"
#include "api/automation_api.h"
#include "app/app_model.h"
#include "export/csv_export_job.h"
#include "import/csv_reader.h"
#include "import/file_importer.h"
#include "store/activity_store.h"
#include "util/formula_guard.h"

#include "import_test_support.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

using namespace sightline;

namespace {

std::vector<std::vector<std::string>> parse_csv(std::string_view text, char delimiter = ',') {
    std::vector<std::vector<std::string>> rows;
    CsvReader reader([&](const CsvRecord& r) { rows.emplace_back(r.fields.begin(), r.fields.end()); }, delimiter);
    reader.feed(text);
    reader.finish();
    return rows;
}

// Values a spreadsheet or a careless CSV writer gets wrong. (Not leading or trailing spaces: the
// importers trim cells, so such a value never reaches the store from a file.)
std::vector<Activity> nasty_activities() {
    std::vector<Activity> out;
    const std::vector<std::string> texts = {
        "He said \"hi\", then left", "=HYPERLINK(\"http://evil.example\")", "+SUM(A1:A9)", "-2+3",
        "@risk", "\tleading tab", "\rleading CR", "two\r\nlines\nand a bare LF", "Zürich, 東京 😀",
        "", "inner  double  spaces", "'=already guarded", "''@twice", "'plain apostrophe", "a;b,c", "\"quoted\"",
    };
    for (size_t i = 0; i < texts.size(); ++i) {
        const std::string& t = texts[i];
        Activity a;
        a.id = i == 0 ? "-1" : "id-" + std::to_string(i) + (i % 3 == 0 ? ",x" : "");
        a.time_ms = 1700000000000 + static_cast<int64_t>(i) * 61001;
        a.app = t;
        a.activity_type = "Log on";
        a.action_type = texts[(i + 1) % texts.size()];
        a.description = texts[(i + 2) % texts.size()];
        a.user = "user" + std::to_string(i) + "@contoso.example";
        a.user_domain = "contoso.example"; // the importer derives it from user
        a.ip = i % 2 ? "2001:db8::" + std::to_string(i) : "10.0.0." + std::to_string(i);
        a.ip_tags = i % 4 == 0 ? std::vector<std::string>{"x;y", "=z"} : std::vector<std::string>{"Corporate"};
        a.ua_tags = i % 5 == 0 ? std::vector<std::string>{"[bracket", "Robot"} : std::vector<std::string>{};
        a.objects = {"a,b", "c\"d", "-e"};
        a.city = texts[(i + 3) % texts.size()];
        a.user_agent = texts[(i + 5) % texts.size()];
        a.admin = i % 2 == 0;
        a.raw = "{\"raw\": " + std::to_string(i) + ", \"text\": \"" + t + "\"}";
        out.push_back(a);
    }
    return out;
}

// An activity as the round trip must keep it: where it came from (source, file) is the
// re-import's, and marks are never imported.
std::string comparable(Activity a) {
    a.source.clear();
    a.file.clear();
    a.starred = false;
    a.tags.clear();
    a.comment.clear();
    return activity_to_json(a, true);
}

std::vector<std::string> stored(ActivityStore& store) {
    Statement st = prepare(store.db(), "SELECT rowid FROM activities ORDER BY time, id");
    std::vector<int64_t> rowids;
    while (step_row(store.db(), st.get())) rowids.push_back(sqlite3_column_int64(st.get(), 0));
    std::vector<std::string> out;
    for (const Activity& a : store.read(rowids, true)) out.push_back(comparable(a));
    return out;
}

void import_into(ActivityStore& store, const std::string& name, const std::string& bytes) {
    ActivityWriter writer(store);
    FileImporter importer(name, writer, {});
    importer.feed(std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
    importer.finish();
    INFO(importer.report().fatal_error);
    REQUIRE_FALSE(importer.failed());
    CHECK(importer.report().skipped == 0);
    CHECK(importer.report().format == "Sightline CSV");
    writer.commit();
}

void fill(ActivityStore& store, const std::vector<Activity>& activities) {
    ActivityWriter writer(store);
    for (const Activity& a : activities) writer.insert(a);
    writer.commit();
}

rapidjson::Document parse_json(const std::string& json) {
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    return d;
}

} // namespace

TEST_CASE("an all-fields export re-imports as the same rows, nasty values included") {
    ActivityStore original;
    fill(original, nasty_activities());
    for (const bool bom : {false, true}) {
        for (const char delimiter : {',', ';'}) {
            CAPTURE(bom);
            CAPTURE(delimiter);
            CsvExportOptions options;
            options.all_fields = true;
            options.raw = true;
            options.bom = bom;
            options.delimiter = delimiter;
            CsvExportText csv = export_csv_text(original, options);
            REQUIRE(csv.error.empty());
            CHECK((csv.text.rfind("\xEF\xBB\xBF", 0) == 0) == bom);
            ActivityStore again;
            import_into(again, "export.csv", csv.text);
            const std::vector<std::string> back = stored(again), sent = stored(original);
            REQUIRE(back.size() == sent.size());
            for (size_t i = 0; i < back.size(); ++i) CHECK(back[i] == sent[i]);
        }
    }
}

TEST_CASE("export writes RFC 4180: CRLF rows, doubled quotes, line breaks inside quoted cells") {
    ActivityStore store;
    Activity a;
    a.id = "1";
    a.time_ms = 0;
    a.description = "say \"hi\"\r\nbye";
    a.user = "=1+1";
    a.app = " padded ";
    a.objects = {"x;y", "z"};
    fill(store, {a});
    CsvExportOptions options;
    options.columns = {"time", "description", "user", "app", "objects"};
    CsvExportText csv = export_csv_text(store, options);
    REQUIRE(csv.error.empty());
    CHECK(csv.text == "Date,Activity,User,App,Activity objects\r\n"
                      "1970-01-01T00:00:00.000Z,\"say \"\"hi\"\"\r\nbye\",'=1+1,\" padded \",\"[\"\"x;y\"\",\"\"z\"\"]\"\r\n");
    options.delimiter = ';';
    options.columns = {"user", "objects"};
    CHECK(export_csv_text(store, options).text == "User;Activity objects\r\n'=1+1;\"[\"\"x;y\"\",\"\"z\"\"]\"\r\n");
}

TEST_CASE("export writes what query answers: same rows, order and cell values") {
    AppModel model;
    model.load_demo_data();
    AutomationApi api(model);
    const std::string filter = R"({"all":[{"field":"activity_type","op":"neq","values":["Log on"]}]})";
    const std::string sort = R"([{"field":"user","dir":"asc"},{"field":"time","dir":"desc"}])";
    const std::vector<std::string> columns = {"time", "user", "ip_tags", "admin", "description", "objects", "country"};
    std::string columns_json = "[";
    for (const std::string& c : columns) columns_json += (columns_json.size() > 1 ? ",\"" : "\"") + c + "\"";
    columns_json += "]";

    rapidjson::Document query = parse_json(api.call("query", "[{\"filter\":" + filter + ",\"sort\":" + sort + ",\"limit\":100000}]"));
    rapidjson::Document exported = parse_json(api.call(
        "exportCsv", "[{\"filter\":" + filter + ",\"sort\":" + sort + ",\"columns\":" + columns_json + "}]"));
    REQUIRE(exported.IsString());
    const auto rows = parse_csv(std::string(exported.GetString(), exported.GetStringLength()));
    const auto& answer = query["rows"];
    REQUIRE(query["total"].GetInt64() == static_cast<int64_t>(answer.Size()));
    REQUIRE(answer.Size() > 1000);
    REQUIRE(rows.size() == answer.Size() + 1);
    CHECK(rows[0] == std::vector<std::string>{"Date", "User", "IP tag", "Administrative activity", "Activity",
                                              "Activity objects", "Location"});
    for (rapidjson::SizeType r = 0; r < answer.Size(); ++r) {
        for (size_t c = 0; c < columns.size(); ++c) {
            const rapidjson::Value& v = answer[r][columns[c].c_str()];
            std::string expected;
            if (v.IsBool()) expected = v.GetBool() ? "true" : "false";
            else if (v.IsString()) expected = v.GetString();
            else
                for (const auto& item : v.GetArray()) expected += (expected.empty() ? "" : "; ") + std::string(item.GetString());
            if (needs_formula_guard(expected)) expected = "'" + expected;
            CAPTURE(r);
            CAPTURE(columns[c]);
            REQUIRE(rows[r + 1][c] == expected);
        }
    }
}

TEST_CASE("exportCsv names the bad argument") {
    AppModel model;
    model.load_demo_data();
    AutomationApi api(model);
    auto error = [&](const std::string& args) {
        rapidjson::Document d = parse_json(api.call("exportCsv", args));
        return d.IsObject() && d.HasMember("error") ? std::string(d["error"].GetString()) : std::string("no error");
    };
    CHECK(error(R"([{"columns":["user","usr"]}])") == "columns[1]: unknown field \"usr\"");
    CHECK(error(R"([{"columns":["user",3]}])") == "columns[1] must be a field name (a string)");
    CHECK(error(R"([{"columns":"user"}])") == "columns must be an array of field names");
    CHECK(error(R"([{"columns":["user","user"]}])") == "columns[1]: \"user\" is listed twice");
    CHECK(error(R"([{"columns":[]}])") == "columns: name at least one field (or set all_fields)");
    CHECK(error(R"([{"delimiter":"\t"}])") == "delimiter must be \",\" or \";\"");
    CHECK(error(R"([{"bom":"yes"}])") == "bom must be true or false");
    CHECK(error(R"([{"all_fields":1}])") == "all_fields must be true or false");
    CHECK(error(R"([{"raw":null,"filter":{"all":[{"field":"nope","op":"eq","values":["x"]}]}}])").rfind("filter", 0) == 0);
    CHECK(error(R"(["x"])") == "argument 1 must be an object");
}

TEST_CASE("exportCsv without arguments writes the activity log's view: its filter, sort and visible columns") {
    AppModel model;
    model.load_demo_data();
    AutomationApi api(model);
    api.call("setFilter", R"([{"all":[{"field":"app","op":"eq","values":["Microsoft Exchange Online"]}]}])");
    model.csv_export().set_visible_columns({"time", "starred", "user"});
    rapidjson::Document d = parse_json(api.call("exportCsv", "[]"));
    REQUIRE(d.IsString());
    const auto rows = parse_csv(d.GetString());
    CHECK(rows[0] == std::vector<std::string>{"Date", "Starred", "Tag", "Comment", "User"});
    model.complete_view();
    CHECK(static_cast<int64_t>(rows.size()) - 1 == model.log().view().size());
    for (size_t r = 1; r < rows.size(); r += 97)
        CHECK(rows[r][4] == model.log().activity_at(static_cast<int64_t>(r - 1)).user);
}

namespace {

// What an export handed over; it outlives the sink, which the session drops when the job ends.
struct Handed {
    std::string bytes;
    int chunks = 0;
    bool finished = false, aborted = false;
};

struct RecordingSink final : CsvSink {
    explicit RecordingSink(Handed& h) : handed(h) {}
    Handed& handed;
    void write(std::string_view b) override {
        handed.bytes += b;
        ++handed.chunks;
    }
    void finish() override { handed.finished = true; }
    void abort() override { handed.aborted = true; }
};

} // namespace

TEST_CASE("an export runs in slices, and Cancel leaves nothing written reported as done") {
    AppModel model;
    model.load_demo_data();
    Handed handed;
    Handed* seen = &handed;
    auto sink = std::make_unique<RecordingSink>(handed);
    CsvExportOptions options = model.csv_export().current_options(model.log());
    REQUIRE(model.csv_export().start(options, std::move(sink)).empty());
    Handed other;
    CHECK(model.csv_export().start(options, std::make_unique<RecordingSink>(other)) == "an export is running; cancel it first");
    while (model.csv_export().job()->selecting()) model.do_background_work(0.0);
    model.do_background_work(0.0); // one clock check's worth of rows
    REQUIRE(model.csv_export().running());
    CHECK(model.csv_export().job()->rows_written() > 0);
    CHECK(model.csv_export().job()->rows_written() < model.csv_export().job()->rows_total());
    CHECK(seen->chunks >= 1);
    model.csv_export().cancel();
    CHECK_FALSE(model.csv_export().running());
    CHECK(seen->aborted);
    CHECK_FALSE(seen->finished);
    CHECK(model.csv_export().outcome().cancelled);
    CHECK_FALSE(model.csv_export().outcome().done);
    CHECK(model.csv_export().outcome().rows == 0);
}

TEST_CASE("an export sliced between frames writes the same file as one in one go") {
    AppModel model;
    model.load_demo_data();
    CsvExportOptions options = model.csv_export().current_options(model.log());
    options.raw = true;
    Handed handed;
    Handed* seen = &handed;
    auto sink = std::make_unique<RecordingSink>(handed);
    REQUIRE(model.csv_export().start(options, std::move(sink)).empty());
    int slices = 0;
    while (model.do_background_work(0.0)) ++slices;
    CHECK(slices > 3);
    CHECK(model.csv_export().outcome().done);
    CHECK(seen->finished);
    CHECK_FALSE(seen->aborted);
    CHECK(seen->chunks > 3);
    CHECK(seen->bytes == export_csv_text(model.store(), options).text);
    model.complete_view();
    CHECK(model.csv_export().outcome().rows == model.log().view().size());
}

TEST_CASE("an export stops, saving nothing, when the activities change under it") {
    AppModel model;
    model.load_demo_data();
    Handed handed;
    Handed* seen = &handed;
    auto sink = std::make_unique<RecordingSink>(handed);
    REQUIRE(model.csv_export().start(model.csv_export().current_options(model.log()), std::move(sink)).empty());
    model.do_background_work(0.0);
    model.clear_activities();
    CHECK_FALSE(model.csv_export().running());
    CHECK(seen->aborted);
    CHECK_FALSE(seen->finished);
    CHECK_FALSE(model.csv_export().outcome().done);
    CHECK(model.csv_export().outcome().error.find("nothing was saved") != std::string::npos);
}

TEST_CASE("startExport runs the Export button's download between frames; exportStatus follows it, cancelExport stops it") {
    AppModel model;
    model.load_demo_data();
    AutomationApi api(model);
    rapidjson::Document refused = parse_json(api.call("startExport", "[]"));
    CHECK(std::string(refused["error"].GetString()) == "this page cannot save files");
    std::vector<std::unique_ptr<Handed>> files;
    model.csv_export().set_downloads([&](const std::string& name) {
        CHECK(name == "sightline-activities.csv");
        files.push_back(std::make_unique<Handed>());
        return std::make_unique<RecordingSink>(*files.back());
    });
    const std::string args = R"([{"columns":["time","user"],"delimiter":";"}])";
    REQUIRE(parse_json(api.call("startExport", args)).HasMember("ok"));
    CHECK(parse_json(api.call("exportStatus", "[]"))["running"].GetBool());
    while (model.do_background_work(1.0)) {
    }
    rapidjson::Document status = parse_json(api.call("exportStatus", "[]"));
    CHECK_FALSE(status["running"].GetBool());
    CHECK(status["done"].GetBool());
    REQUIRE(files.size() == 1);
    CHECK(files[0]->finished);
    rapidjson::Document text = parse_json(api.call("exportCsv", args));
    CHECK(files[0]->bytes == text.GetString());
    CHECK(status["bytes"].GetInt64() == static_cast<int64_t>(files[0]->bytes.size()));

    REQUIRE(parse_json(api.call("startExport", args)).HasMember("ok"));
    model.do_background_work(0.0);
    REQUIRE(parse_json(api.call("cancelExport", "[]")).HasMember("ok"));
    status = parse_json(api.call("exportStatus", "[]"));
    CHECK(status["cancelled"].GetBool());
    CHECK_FALSE(status["done"].GetBool());
    CHECK(files[1]->aborted);
    CHECK_FALSE(files[1]->finished);
}
