// The import session's state machine (app/import_session.h): each transition, a cancel in each
// state, a file handed back by the worker, the mapping prompt answered, skipped or cancelled,
// and the demo's replacement. Answers are computed another way: the stored rows and reports of a
// direct FileImporter import (import_test_support.h), or SQL counts of the store before the batch.
#include "app/import_file_driver.h"
#include "app/import_session.h"
#include "import/parse_worker_file.h"
#include "import/parse_worker_protocol.h"

#include "import_test_support.h"

#include <rapidjson/document.h>

#include <filesystem>
#include <set>

using namespace sightline;
using namespace sightline::test;

namespace {

std::span<const uint8_t> as_span(std::string_view s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }

struct Listener final : ImportSessionListener {
    bool demo = false;
    int starting = 0, committed = 0, rolled_back = 0, prompt_changes = 0, remembered = 0;
    bool replaced_demo = false;
    bool showing_demo_data() const override { return demo; }
    void import_starting() override { ++starting; }
    void import_ended(bool commit, bool replaced) override {
        ++(commit ? committed : rolled_back);
        replaced_demo = replaced;
        if (replaced) demo = false;
    }
    void mapping_prompt_changed() override { ++prompt_changes; }
    void mapping_remembered() override { ++remembered; }
};

// A store, its kept chunks and a session over them.
struct Fixture {
    KeptChunks kept;
    ActivityStore store;
    Listener listener;
    ImportSession session{store, listener};
    Fixture() { store.use_kept_sources(&kept); }
};

// Reads `bytes` through the session as the page does, in chunks of `chunk` bytes.
FileDriveResult drive_result(ImportSession& session, KeptChunks& kept, const std::string& name,
                             const std::string& bytes, size_t chunk, bool via_worker,
                             std::function<void(ImportSession&)> answer, bool ask) {
    size_t at = 0;
    FileDriveOptions options;
    options.read = [&](std::span<uint8_t> out) {
        const size_t n = std::min(out.size(), bytes.size() - at);
        std::copy_n(bytes.data() + at, n, reinterpret_cast<char*>(out.data()));
        at += n;
        return n;
    };
    options.chunk_bytes = chunk == 0 ? std::max<size_t>(bytes.size(), 1) : chunk;
    options.via_worker_protocol = via_worker;
    options.kept = &kept;
    options.ask_for_mapping = ask;
    options.answer_mapping = std::move(answer);
    return drive_file(session, name, std::move(options));
}

ImportState drive(ImportSession& session, KeptChunks& kept, const std::string& name, const std::string& bytes,
                  size_t chunk, bool via_worker, std::function<void(ImportSession&)> answer = {}, bool ask = false) {
    return drive_result(session, kept, name, bytes, chunk, via_worker, std::move(answer), ask).state;
}

int64_t sql_count(ActivityStore& store) {
    Statement st = prepare(store.db(), "SELECT count(*) FROM activities");
    REQUIRE(step_row(store.db(), st.get()));
    return sqlite3_column_int64(st.get(), 0);
}

const std::string kCanonical = "id,time,app,activity_type,user,ip\n"
                               "s-1,2026-11-01T10:00:00Z,Box,Log on,ann@contoso.example,10.0.0.1\n"
                               "s-2,2026-11-01T11:00:00Z,Box,Download file,ann@contoso.example,10.0.0.1\n";

// The same rows under other ids.
std::string with_ids(std::string text, const std::string& prefix) {
    for (size_t at = 0; (at = text.find("\ns-", at)) != std::string::npos; at += 1 + prefix.size())
        text.replace(at + 1, 2, prefix);
    return text;
}

// A file in no known format, long enough to ask before its end when fed in pieces.
std::string unknown_csv(int rows) {
    std::string text = "When,Who,Mailbox,Where From,Action\n";
    for (int i = 0; i < rows; ++i)
        text += "2026-11-01 10:00:" + std::to_string(10 + i % 50) + ",agent" + std::to_string(i) + ",user" +
                std::to_string(i) + "@contoso.example,10.0.0.1,FileDownloaded\n";
    return text;
}

// Puts a committed row in the store, so that a rollback has something to leave as it was.
void seed(Fixture& f) {
    REQUIRE(f.session.begin(1, 0) == ImportState::FileDone);
    REQUIRE(drive(f.session, f.kept, "seed.csv",
                  "id,time,app,activity_type,user,ip\nseed-1,2026-10-01T10:00:00Z,Box,Log on,z@contoso.example,10.0.0.9\n",
                  0, false) == ImportState::FileDone);
    REQUIRE(f.session.finish() == ImportState::Finished);
}

} // namespace

TEST_CASE("import session: every fixture, on this thread and through the worker protocol, stores what a direct import stores") {
    int handed_back = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(SIGHTLINE_FIXTURES_DIR) + "/import")) {
        const std::string name = entry.path().filename().string();
        const std::string bytes = read_fixture(name);
        for (size_t chunk : {size_t{0}, size_t{7}, size_t{4096}}) {
            const ImportResult direct = import_bytes(name, bytes, chunk);
            for (bool via_worker : {false, true}) {
                INFO("fixture: ", name, ", chunk: ", chunk, ", via worker: ", via_worker);
                Fixture f;
                REQUIRE(f.session.begin(1, static_cast<int64_t>(bytes.size())) == ImportState::FileDone);
                const FileDriveResult driven = drive_result(f.session, f.kept, name, bytes, chunk, via_worker, {}, false);
                CHECK(driven.state == ImportState::FileDone);
                REQUIRE(f.session.batch_reports()->size() == 1);
                // The worker reads every file but those it hands back: a guessed mapping's, or none.
                const bool needs_page = direct.report.mapping_source == "guessed" ||
                                        (direct.report.format == "unknown" && direct.report.rows == 0);
                if (!via_worker || !needs_page) CHECK(driven.read_in_worker == (via_worker && !needs_page));
                if (via_worker && !driven.read_in_worker) handed_back += chunk == 0;
                // The direct import drops a failed file's rows (its own transaction): compare the rows of a
                // file that did not fail, the reports of all.
                CHECK(f.session.finish() == ImportState::Finished);
                REQUIRE(f.session.last_reports().size() == 1);
                check_same_report(f.session.last_reports()[0], direct.report);
                if (direct.report.fatal_error.empty()) CHECK(stored_rows_jsonl(f.store) == direct.rows);
            }
        }
    }
    CHECK(handed_back >= 3); // generic_guessed.csv, generic_guessed.jsonl, unknown_columns.csv, ...
}

TEST_CASE("import session: the transitions of a file read here, and of one read in the worker") {
    Fixture f;
    CHECK(f.session.state() == ImportState::Idle);
    CHECK(f.session.begin(2, 0) == ImportState::FileDone);
    CHECK(f.listener.starting == 1);
    CHECK_THROWS_AS(f.session.begin(1, 0), std::logic_error); // one batch at a time

    // A given mapping is this thread's to apply, even with a worker at hand.
    ColumnMapping mapping = {{"time", "time"}, {"user", "user"}, {"id", "id"}};
    CHECK(f.session.begin_file("mapped.csv", {mapping, false, 0, true}) == ImportState::ReadingHere);
    CHECK(f.session.feed(as_span(kCanonical)) == ImportState::ReadingHere);
    CHECK(f.session.end_file() == ImportState::FileDone);

    // No mapping and a worker: the worker reads it; its report ends the file.
    CHECK(f.session.begin_file("second.csv", {{}, false, 0, true}) == ImportState::ReadingInWorker);
    ParseWorkerFile worker("second.csv", 0);
    const std::string other = with_ids(kCanonical, "t-");
    CHECK(worker.feed(as_span(other)) == ImportState::ReadingInWorker);
    CHECK(f.session.add_parsed(as_span(worker.rows())).state == ImportState::ReadingInWorker);
    worker.clear_rows();
    CHECK(worker.finish() == ImportState::FileDone);
    const ImportSession::Stored stored = f.session.add_parsed(as_span(worker.rows()));
    CHECK(stored.state == ImportState::FileDone);
    CHECK(stored.used == worker.rows().size());
    CHECK(f.session.finish() == ImportState::Finished);
    CHECK(f.listener.committed == 1);
    CHECK(sql_count(f.store) == 4);
    REQUIRE(f.session.last_reports().size() == 2);
    CHECK(f.session.last_reports()[1].rows == 2);
    CHECK(f.session.last_reports()[0].mapping_source == "given");

    // Once ended, steps change nothing and say so.
    CHECK(f.session.feed(as_span(kCanonical)) == ImportState::Finished);
    CHECK(sql_count(f.store) == 4);
}

TEST_CASE("import session: a cancel in each state leaves the data as it was") {
    const std::string unknown = unknown_csv(300);
    const std::vector<std::string> states = {"FileDone", "ReadingHere", "ReadingInWorker", "WaitingForMapping",
                                             "HandedBack"};
    for (const std::string& at : states) {
        for (bool requested : {true, false}) {
            INFO("cancel at ", at, requested ? " (requested from the UI)" : " (by the driver)");
            Fixture f;
            seed(f);
            const int64_t before = sql_count(f.store);
            const std::string rows_before = stored_rows_jsonl(f.store);
            REQUIRE(f.session.begin(1, 0) == ImportState::FileDone);
            ImportState state = ImportState::FileDone;
            if (at == "ReadingHere") {
                state = f.session.begin_file("a.csv");
                state = f.session.feed(as_span(kCanonical));
            } else if (at == "ReadingInWorker") {
                state = f.session.begin_file("a.csv", {{}, false, 0, true});
                ParseWorkerFile worker("a.csv", 0);
                worker.feed(as_span(kCanonical));
                state = f.session.add_parsed(as_span(worker.rows())).state;
            } else if (at == "WaitingForMapping") {
                f.session.begin_file("u.csv", {{}, true, 0, false});
                state = f.session.feed(as_span(unknown));
                REQUIRE(f.session.mapping_prompt());
            } else if (at == "HandedBack") {
                f.session.begin_file("u.csv", {{}, true, 0, true});
                ParseWorkerFile worker("u.csv", 0);
                REQUIRE(worker.feed(as_span(unknown)) == ImportState::HandedBack);
                state = f.session.add_parsed(as_span(worker.rows())).state;
            }
            REQUIRE(import_state_name(state) == at);
            if (requested) {
                f.session.request_cancel();
                CHECK(f.session.cancel_requested());
                CHECK(f.session.poll() == ImportState::Cancelled);
            } else {
                CHECK(f.session.cancel() == ImportState::Cancelled);
            }
            CHECK_FALSE(f.session.running());
            CHECK_FALSE(f.session.mapping_prompt());
            CHECK(f.listener.rolled_back == 1);
            CHECK(sql_count(f.store) == before);
            CHECK(stored_rows_jsonl(f.store) == rows_before);
            rapidjson::Document result;
            result.Parse(f.session.result_json().c_str());
            CHECK(result["cancelled"].GetBool());
            CHECK(std::string(result["error"].GetString()) == "import cancelled; nothing was changed");
        }
    }
}

TEST_CASE("import session: a file handed back by the worker is mapped here, as a direct import maps it") {
    const std::string file = read_fixture("generic_guessed.csv");
    const ImportResult direct = import_bytes("generic_guessed.csv", file);
    REQUIRE(direct.report.mapping_source == "guessed");
    Fixture f;
    REQUIRE(f.session.begin(1, 0) == ImportState::FileDone);
    REQUIRE(f.session.begin_file("generic_guessed.csv", {{}, true, 0, true}) == ImportState::ReadingInWorker);
    ParseWorkerFile worker("generic_guessed.csv", 0);
    CHECK(worker.feed(as_span(file)) == ImportState::ReadingInWorker); // too short to decide before its end
    CHECK(f.session.add_parsed(as_span(worker.rows())).state == ImportState::ReadingInWorker);
    worker.clear_rows();
    CHECK(worker.finish() == ImportState::HandedBack);
    CHECK(f.session.add_parsed(as_span(worker.rows())).state == ImportState::HandedBack);
    CHECK(f.session.poll() == ImportState::HandedBack); // until the file is fed here
    CHECK(f.session.feed(as_span(file)) == ImportState::ReadingHere);
    CHECK(f.session.end_file() == ImportState::WaitingForMapping);
    REQUIRE(f.session.mapping_prompt());
    CHECK(f.session.confirm_mapping().empty());
    CHECK(f.session.state() == ImportState::FileDone);
    CHECK(f.listener.remembered == 1);
    CHECK(f.session.finish() == ImportState::Finished);
    CHECK(stored_rows_jsonl(f.store) == direct.rows);
    CHECK(f.session.last_reports()[0].mapping_source == "chosen");
    CHECK(f.session.last_reports()[0].rows == direct.report.rows);
}

TEST_CASE("import session: a worker that fails hands its file back before a row is stored, and fails the batch after") {
    Fixture f;
    seed(f);
    const int64_t before = sql_count(f.store);
    REQUIRE(f.session.begin(1, 0) == ImportState::FileDone);
    REQUIRE(f.session.begin_file("a.csv", {{}, false, 0, true}) == ImportState::ReadingInWorker);
    CHECK(f.session.worker_failed("simulated failure") == ImportState::HandedBack);
    CHECK(f.session.feed(as_span(kCanonical)) == ImportState::ReadingHere);
    CHECK(f.session.end_file() == ImportState::FileDone);

    REQUIRE(f.session.begin_file("b.csv", {{}, false, 0, true}) == ImportState::ReadingInWorker);
    ParseWorkerFile worker("b.csv", 0);
    std::string other = "id,time,app,activity_type,user,ip\n";
    for (int i = 0; i < 100; ++i) other += "u-" + std::to_string(i) + ",2026-11-01T10:00:00Z,Box,Log on,ann@contoso.example,10.0.0.1\n";
    worker.feed(as_span(other)); // enough rows for the format to be chosen before the end
    CHECK(f.session.add_parsed(as_span(worker.rows())).state == ImportState::ReadingInWorker);
    CHECK(sql_count(f.store) > before + 2); // inside the batch: a.csv's two and rows of b.csv
    CHECK(f.session.worker_failed("out of memory") == ImportState::Failed);
    CHECK(f.session.error() == "b.csv: out of memory");
    CHECK(sql_count(f.store) == before); // a.csv's rows went with the batch
    rapidjson::Document result;
    result.Parse(f.session.result_json().c_str());
    CHECK(std::string(result["error"].GetString()) == "b.csv: out of memory");
    CHECK_FALSE(result.HasMember("cancelled"));
}

TEST_CASE("import session: the mapping prompt, confirmed mid-file, skipped, and with the remembered mapping") {
    const std::string unknown = unknown_csv(300);
    const size_t half = unknown.find('\n', unknown.size() / 2) + 1;
    Fixture f;
    REQUIRE(f.session.begin(2, 0) == ImportState::FileDone);
    REQUIRE(f.session.begin_file("large.csv", {{}, true, 0, false}) == ImportState::ReadingHere);
    CHECK(f.session.feed(as_span(std::string_view(unknown).substr(0, half))) == ImportState::WaitingForMapping);
    CHECK(f.listener.prompt_changes == 1);
    CHECK(f.session.set_mapping_column("user", "Mailbox").empty());
    CHECK(f.session.confirm_mapping().empty());
    CHECK(f.session.state() == ImportState::ReadingHere); // the rest of the file is still to come
    CHECK(f.session.feed(as_span(std::string_view(unknown).substr(half))) == ImportState::ReadingHere);
    CHECK(f.session.end_file() == ImportState::FileDone);

    // The same header again: the remembered mapping fills the prompt; skip imports nothing.
    REQUIRE(f.session.begin_file("again.csv", {{}, true, 0, false}) == ImportState::ReadingHere);
    CHECK(f.session.feed(as_span(unknown)) == ImportState::WaitingForMapping);
    CHECK(f.session.mapping_prompt()->column_for("user") == "Mailbox");
    CHECK(f.session.skip_mapping_file().empty());
    CHECK(f.session.state() == ImportState::FileDone);
    CHECK(f.session.skip_mapping_file() == "no file is waiting for a column mapping");
    CHECK(f.session.finish() == ImportState::Finished);
    REQUIRE(f.session.last_reports().size() == 2);
    CHECK(f.session.last_reports()[0].rows == 300);
    CHECK(f.session.last_reports()[1].rows == 0);
    CHECK(f.session.last_reports()[1].fatal_error.find("skipped") != std::string::npos);
    CHECK(sql_count(f.store) == 300);
    Statement st = prepare(f.store.db(), "SELECT count(*) FROM activities WHERE user LIKE 'user%@contoso.example'");
    REQUIRE(step_row(f.store.db(), st.get()));
    CHECK(sqlite3_column_int64(st.get(), 0) == 300); // the analyst's column, not the guessed "Who"
}

TEST_CASE("import session: the first import replaces the demo; one that adds nothing keeps it") {
    Fixture f;
    seed(f); // stands for the demo
    f.listener.demo = true;
    const int64_t demo_rows = sql_count(f.store);
    REQUIRE(f.session.begin(1, 0) == ImportState::FileDone);
    drive(f.session, f.kept, "empty.csv", "", 0, true);
    CHECK(f.session.finish() == ImportState::Finished);
    CHECK_FALSE(f.session.last_replaced_demo());
    CHECK(sql_count(f.store) == demo_rows);

    REQUIRE(f.session.begin(1, 0) == ImportState::FileDone);
    CHECK(drive(f.session, f.kept, "mine.csv", kCanonical, 0, true) == ImportState::FileDone);
    CHECK(sql_count(f.store) == 2); // inside the batch: the demo is already gone, uncommitted
    CHECK(f.session.finish() == ImportState::Finished);
    CHECK(f.session.last_replaced_demo());
    CHECK(f.listener.replaced_demo);
    CHECK(sql_count(f.store) == 2);
    rapidjson::Document result;
    result.Parse(f.session.result_json().c_str());
    CHECK(result["total"].GetInt64() == 2);
    CHECK(result["replaced_demo"].GetBool());
}

TEST_CASE("import session: an error in a step fails the batch and rolls it back") {
    Fixture f;
    seed(f);
    const int64_t before = sql_count(f.store);
    REQUIRE(f.session.begin(1, 0) == ImportState::FileDone);
    f.session.begin_file("a.csv");
    f.session.feed(as_span(kCanonical));
    // Bytes no worker wrote, for a file the page reads itself.
    CHECK(f.session.add_parsed(as_span("Zgarbage")).state == ImportState::Failed);
    CHECK_FALSE(f.session.error().empty());
    CHECK(sql_count(f.store) == before);
}

TEST_CASE("import session: one status vocabulary, exported by name") {
    rapidjson::Document protocol;
    protocol.Parse(import_protocol_json().c_str());
    REQUIRE_FALSE(protocol.HasParseError());
    std::set<int> numbers;
    for (const ImportStateName& entry : kImportStateNames) {
        const std::string name(entry.name);
        REQUIRE(protocol["states"].HasMember(name.c_str()));
        CHECK(protocol["states"][name.c_str()].GetInt() == static_cast<int>(entry.state));
        numbers.insert(static_cast<int>(entry.state));
    }
    CHECK(numbers.size() == std::size(kImportStateNames)); // no two states share a number
    CHECK(protocol["states"].MemberCount() == std::size(kImportStateNames));
    for (const char* kind : {"begin", "chunk", "end", "ready", "rows", "done", "error"})
        CHECK(std::string(protocol["messages"][kind].GetString()) == kind); // as parse_worker.js posts them
}
