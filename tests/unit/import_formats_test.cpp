// Every supported format, from its fixture: detected by content, mapped to the canonical
// fields, and identical whatever the chunk size.
#include <doctest/doctest.h>

#include "import_test_support.h"

#include <rapidjson/document.h>

using namespace sightline;
using namespace sightline::test;

namespace {

// The rows of a fixture, checked to be the same for 1-byte, 7-byte and whole-file feeding.
ImportResult import_every_way(const std::string& fixture) {
    ImportResult whole = import_fixture(fixture);
    for (size_t chunk : {1, 7, 4096}) {
        ImportResult chunked = import_fixture(fixture, chunk);
        CHECK_MESSAGE(chunked.rows == whole.rows, fixture << " differs when fed in " << chunk << "-byte chunks");
        CHECK(chunked.report.rows == whole.report.rows);
        CHECK(chunked.report.repaired == whole.report.repaired);
        CHECK(chunked.report.skipped == whole.report.skipped);
        CHECK(chunked.report.errors.size() == whole.report.errors.size());
    }
    return whole;
}

std::vector<rapidjson::Document> parse_rows(const std::string& jsonl) {
    std::vector<rapidjson::Document> rows;
    size_t start = 0;
    while (start < jsonl.size()) {
        size_t end = jsonl.find('\n', start);
        rows.emplace_back();
        rows.back().Parse(jsonl.c_str() + start, end - start);
        start = end + 1;
    }
    return rows;
}

std::string text(const rapidjson::Value& row, const char* field) { return row[field].GetString(); }

} // namespace

TEST_CASE("Import Defender for Cloud Apps CSV, repairing unquoted commas") {
    ImportResult r = import_every_way("defender_activity_log.csv");
    CHECK(r.report.format == "Defender for Cloud Apps CSV");
    CHECK(r.report.rows == 4);
    CHECK(r.report.repaired == 1);
    REQUIRE(r.report.errors.size() == 1);
    CHECK(r.report.errors[0].line == 3);
    auto rows = parse_rows(r.rows);
    REQUIRE(rows.size() == 4);
    CHECK(text(rows[1], "description") == "Download file: budget, final.xlsx");
    CHECK(text(rows[1], "activity_type") == "Download file");
    CHECK(text(rows[1], "user") == "bob@contoso.com");
    CHECK(text(rows[2], "ip") == "2001:db8::5");
    CHECK(text(rows[2], "activity_type") == "Failed log on");
    CHECK(text(rows[2], "time") == "2024-03-01T09:15:00.000Z");
    CHECK(text(rows[3], "ip") == "203.0.113.10");
    CHECK(text(rows[0], "source") == "Defender for Cloud Apps CSV");
    CHECK(text(rows[0], "file") == "defender_activity_log.csv");
    CHECK(text(rows[0], "user_domain") == "contoso.com");
}

TEST_CASE("Import Defender CSV: every column read is unescaped, the unread Raw data column is not needed") {
    // Every cell quoted, most with a doubled quote: the reader leaves only "Raw data" escaped.
    const std::string csv =
        "Activity,User,App,IP address,Location,Device,Date,Event ID,Event Category,Event Type Name,Registered ISP,"
        "IP category,IP tags,User agent,Activity objects,Administrative activity,Result,Raw data\r\n"
        "\"Download file: \"\"q3\"\".xlsx\",\"al\"\"ice@contoso.com\",\"Box \"\"EU\"\"\",\"203.0.113.7\","
        "\"Paris, Ile-de-France, FR\",\"PC\",\"2024-03-01T08:00:00Z\",\"ev-\"\"1\",\"EVENT_CATEGORY_DOWNLOAD_FILE\","
        "\"EVENT_X\",\"Orange \"\"SA\"\"\",\"Corporate\",\"Tor; \"\"VPN\"\"\",\"Mozilla/5.0 \"\"x\"\"\","
        "\"\"\"q3\"\".xlsx\",\"True\",\"Success\",\"{\"\"_id\"\":\"\"ev-1\"\"}\"\r\n";
    const ImportResult result = import_bytes("quoted.csv", csv);
    REQUIRE(result.report.rows == 1);
    const std::vector<rapidjson::Document> rows = parse_rows(result.rows);
    const rapidjson::Value& a = rows.at(0);
    CHECK(std::string(a["description"].GetString()) == "Download file: \"q3\".xlsx");
    CHECK(std::string(a["user"].GetString()) == "al\"ice@contoso.com");
    CHECK(std::string(a["app"].GetString()) == "Box \"EU\"");
    CHECK(std::string(a["id"].GetString()) == "ev-\"1");
    CHECK(std::string(a["isp"].GetString()) == "Orange \"SA\"");
    CHECK(std::string(a["user_agent"].GetString()) == "Mozilla/5.0 \"x\"");
    CHECK(std::string(a["ip_tags"][1].GetString()) == "\"VPN\"");
    CHECK(std::string(a["objects"][0].GetString()) == "\"q3\".xlsx");
    CHECK(std::string(a["country"].GetString()) == "FR");
    CHECK(std::string(a["ip"].GetString()) == "203.0.113.7");
    CHECK(a["admin"].GetBool());
    CHECK(std::string(a["raw"].GetString()).ends_with("\"{\"\"_id\"\":\"\"ev-1\"\"}\"")); // the record as in the file
}

TEST_CASE("Import CRLF, LF, UTF-8 BOM and UTF-16 LE BOM give the same activities") {
    auto strip_file = [](const std::string& rows, const std::string& file) {
        std::string out;
        size_t from = 0;
        for (size_t at; (at = rows.find(file, from)) != std::string::npos; from = at + file.size())
            out.append(rows, from, at - from).append("F");
        return out.append(rows, from, std::string::npos);
    };
    auto lf = import_every_way("defender_activity_log_lf.csv");
    auto bom = import_every_way("utf8_bom.csv");
    auto utf16 = import_every_way("utf16le_bom.csv");
    auto crlf = import_every_way("defender_activity_log.csv");
    CHECK(lf.report.rows == 4);
    CHECK(strip_file(bom.rows, "utf8_bom.csv") == strip_file(lf.rows, "defender_activity_log_lf.csv"));
    CHECK(utf16.report.rows == 4);
    CHECK(utf16.report.format == "Defender for Cloud Apps CSV");
    CHECK(crlf.report.rows == lf.report.rows);
}

TEST_CASE("Import Defender Activities API JSON: page, array and JSON Lines") {
    ImportResult page = import_every_way("defender_api_page.json");
    ImportResult array = import_every_way("defender_api_array.json");
    ImportResult lines = import_every_way("defender_api.jsonl");
    for (const ImportResult* r : {&page, &array, &lines}) {
        CHECK(r->report.format == "Defender for Cloud Apps API JSON");
        CHECK(r->report.rows == 2);
        CHECK(r->report.errors.empty());
    }
    auto rows = parse_rows(page.rows);
    REQUIRE(rows.size() == 2);
    CHECK(text(rows[0], "id") == "tenant_11161_aaaa");
    CHECK(text(rows[0], "time") == "2024-03-01T08:00:00.000Z");
    CHECK(text(rows[0], "activity_type") == "Download file");
    CHECK(text(rows[0], "action_type") == "FileDownloaded");
    CHECK(text(rows[0], "isp") == "Example Telecom");
    CHECK(text(rows[0], "device_type") == "PC");
    CHECK(rows[0]["objects"].Size() == 2);
    CHECK(text(rows[1], "activity_type") == "Failed log on");
    CHECK(text(rows[1], "result") == "Failure");
    CHECK(text(rows[1], "ip_category") == "Risky");
}

TEST_CASE("Import CloudAppEvents as CSV and as JSON") {
    ImportResult csv = import_every_way("cloud_app_events.csv");
    ImportResult json = import_every_way("cloud_app_events.json");
    CHECK(csv.report.format == "CloudAppEvents CSV");
    CHECK(json.report.format == "CloudAppEvents JSON");
    auto rows = parse_rows(json.rows);
    REQUIRE(rows.size() == 2);
    CHECK(text(rows[0], "user") == "dave@contoso.com");
    CHECK(text(rows[0], "activity_type") == "Download file");
    CHECK(rows[0]["ip_tags"][0].GetString() == std::string("Corporate VPN"));
    CHECK(text(rows[1], "activity_type") == "Add member to role");
    CHECK(rows[1]["admin"].GetBool());
    auto csv_rows = parse_rows(csv.rows);
    REQUIRE(csv_rows.size() == 2);
    CHECK(text(csv_rows[0], "country") == "GB");
    CHECK(text(csv_rows[1], "user") == "Erin Admin");
}

TEST_CASE("Import Microsoft 365 audit log, classic and Purview layouts") {
    ImportResult classic = import_every_way("audit_log_classic.csv");
    CHECK(classic.report.format == "Microsoft 365 audit log");
    CHECK(classic.report.rows == 3);
    auto rows = parse_rows(classic.rows);
    REQUIRE(rows.size() == 3);
    CHECK(text(rows[0], "app") == "Microsoft SharePoint Online");
    CHECK(text(rows[0], "ip") == "2001:db8::9");
    CHECK(text(rows[1], "activity_type") == "Failed log on");
    CHECK(text(rows[1], "result") == "Failure");
    CHECK(text(rows[1], "user_agent") == "Mozilla/5.0 Safari/17");
    CHECK(text(rows[1], "ip") == "203.0.113.99");
    CHECK(text(rows[2], "activity_type") == "Create inbox rule");
    CHECK(text(rows[2], "user_agent") == "Mozilla/5.0 Chrome/130");
    CHECK(rows[2]["admin"].GetBool());

    ImportResult purview = import_every_way("audit_log_purview.csv");
    CHECK(purview.report.rows == 3);
    REQUIRE(purview.report.errors.size() == 1);
    CHECK(purview.report.errors[0].line == 3);
    CHECK(purview.report.errors[0].message.find("AuditData is not valid JSON") != std::string::npos);
    auto prows = parse_rows(purview.rows);
    CHECK(text(prows[2], "action_type") == "FileDeleted");
    CHECK(text(prows[2], "time") == "2024-03-03T21:00:00.000Z"); // 9:00:00 PM
}

TEST_CASE("Import Entra ID sign-ins: Graph JSON, portal CSV, Log Analytics CSV") {
    for (const char* fixture : {"entra_signins.json", "entra_signins.csv", "entra_signinlogs_log_analytics.csv"}) {
        CAPTURE(fixture);
        ImportResult r = import_every_way(fixture);
        CHECK(r.report.rows == 2);
        auto rows = parse_rows(r.rows);
        REQUIRE(rows.size() == 2);
        CHECK(text(rows[0], "activity_type") == "Log on");
        CHECK(text(rows[1], "activity_type") == "Failed log on");
        CHECK(text(rows[0], "time") == "2024-03-04T06:00:00.000Z");
        CHECK(text(rows[0], "country") == "US");
        CHECK(text(rows[1], "user") == "jack@contoso.com");
    }
}

TEST_CASE("Import canonical CSV and JSON Lines need no mapping") {
    ImportResult csv = import_every_way("canonical.csv");
    ImportResult jsonl = import_every_way("canonical.jsonl");
    CHECK(csv.report.format == "Sightline CSV");
    CHECK(jsonl.report.format == "Sightline JSON Lines");
    CHECK(csv.report.mapping_json.empty());
    auto rows = parse_rows(csv.rows);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["ip_tags"].Size() == 2);
    CHECK(rows[0]["objects"].Size() == 2);
    CHECK(rows[1]["admin"].GetBool());
    CHECK(text(rows[1], "time") == "2024-03-06T09:00:00.000Z");
}

TEST_CASE("Import generic CSV / JSON Lines with a guessed mapping, reported") {
    ImportResult csv = import_every_way("generic_guessed.csv");
    CHECK(csv.report.format == "Generic CSV");
    CHECK(csv.report.mapping_json ==
          R"({"time":"When","action_type":"What","user":"Who","ip":"From","result":"Outcome"})");
    auto rows = parse_rows(csv.rows);
    REQUIRE(rows.size() == 2);
    CHECK(text(rows[0], "activity_type") == "Download file");
    ImportResult jsonl = import_every_way("generic_guessed.jsonl");
    CHECK(jsonl.report.mapping_json == R"({"time":"ts","action_type":"operation","user":"principal","ip":"source_address"})");
}

TEST_CASE("Import with an explicit column mapping") {
    ImportOptions options;
    options.explicit_mapping = {{"time", "When"}, {"user", "Who"}, {"description", "What"}};
    ImportResult r = import_fixture("generic_guessed.csv", 0, options);
    CHECK(r.report.rows == 2);
    CHECK(r.report.mapping_json == R"({"time":"When","description":"What","user":"Who"})");
    options.explicit_mapping = {{"time", "Nope"}};
    ImportResult bad = import_fixture("generic_guessed.csv", 0, options);
    CHECK(bad.report.fatal_error.find("no column 'Nope'") != std::string::npos);
    CHECK(bad.report.rows == 0);
}

TEST_CASE("Import: re-importing a file yields duplicates, not new rows; ids are stable hashes") {
    ActivityStore store;
    const std::string bytes = read_fixture("generic_guessed.csv");
    for (int pass = 0; pass < 2; ++pass) {
        ActivityWriter writer(store);
        FileImporter importer("generic_guessed.csv", writer);
        importer.feed(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
        importer.finish();
        writer.commit();
        CHECK(importer.report().rows == (pass == 0 ? 2 : 0));
        CHECK(importer.report().duplicates == (pass == 0 ? 0 : 2));
    }
    CHECK(store.count() == 2);
}
