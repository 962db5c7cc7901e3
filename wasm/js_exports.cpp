// The C functions the page's JavaScript calls (see wasm/js/automation_api.js). Each hands
// JSON text to the core's AutomationApi; strings returned stay valid until the next call.
#include "api/activity_json.h"
#include "browser_app.h"
#include "import/column_mapping_json.h"
#include "import/parse_worker_protocol.h"
#include "item_locator.h"

#include <emscripten.h>
#include <imgui.h>
#include <emscripten/html5.h>

#include <cstdio>

#include <chrono>
#include <cstdint>
#include <exception>
#include <stdexcept>
#include <span>
#include <string>

namespace {

std::string g_last_result;

} // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int sl_background_slice() { return sightline::BrowserApp::instance()->background_slice() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void sl_url_fragment_changed() { sightline::BrowserApp::instance()->url_fragment_changed(); }

EMSCRIPTEN_KEEPALIVE void sl_wake() { sightline::BrowserApp::instance()->wake(); }

// The settings file the analyst picked (Module.openSettingsFilePicker), its bytes in memory
// the page allocated (ccall's strings go on the stack, too small for a file).
EMSCRIPTEN_KEEPALIVE void sl_text_file_chosen(const char* name, const char* bytes, int size) {
    sightline::BrowserApp::instance()->platform().text_file_chosen(name, std::string(bytes, static_cast<size_t>(size)));
    sightline::BrowserApp::instance()->wake();
}

// A call that changes something wakes an idle page to draw it; one that only reads lets the
// frame loop run on (what it finished, such as the view's count, is drawn as any change is).
EMSCRIPTEN_KEEPALIVE const char* sl_api_call(const char* method, const char* arguments_json) {
    if (sightline::AutomationApi::only_reads(method)) sightline::BrowserApp::instance()->resume_frames();
    else sightline::BrowserApp::instance()->wake();
    g_last_result = sightline::BrowserApp::instance()->api().call(method, arguments_json);
    return g_last_result.c_str();
}

} // extern "C"

// --- Importing (driven by wasm/js/file_loading.js) ------------------------------------------
// Each step goes to the model's import session (src/app/import_session.h) and answers its
// ImportState as a number; JavaScript reads the numbers' names from sl_import_protocol.
namespace {

using sightline::ImportState;

sightline::ImportSession& session() { return sightline::BrowserApp::instance()->model().import_session(); }
sightline::BrowserApp& app() { return *sightline::BrowserApp::instance(); }
bool g_paced = false;  // the import draws its own frames (BrowserApp::set_import_running)
size_t g_parsed_used = 0;

// While a batch is open the import paces the frames, except while the analyst answers the
// mapping dialog: then frames run as usual, and the import takes over again afterwards.
int answer(ImportState state) {
    const bool paced = session().running() && state != ImportState::WaitingForMapping;
    if (paced != g_paced) {
        g_paced = paced;
        app().set_import_running(paced);
    }
    return static_cast<int>(state);
}

// One slice of import work between frames: timed for workTimes(), then the progress drawn
// (once a second, or at once after the analyst's input).
template <typename Step>
ImportState import_slice(Step step) {
    const double started = emscripten_get_now();
    const ImportState state = step();
    if (session().running() && state != ImportState::WaitingForMapping) app().draw_import_progress();
    app().import_slice_times().record(emscripten_get_now() - started);
    return state;
}

} // namespace

extern "C" {

// {"states": {name: number}, "messages": {...}}: the one table of the import's answers and the
// parse worker's message kinds (src/import/parse_worker_protocol.h).
EMSCRIPTEN_KEEPALIVE const char* sl_import_protocol() {
    static const std::string protocol = sightline::import_protocol_json();
    return protocol.c_str();
}

EMSCRIPTEN_KEEPALIVE int sl_import_begin(int file_count, double bytes_total) {
    try {
        return answer(session().begin(file_count, static_cast<int64_t>(bytes_total)));
    } catch (const std::logic_error&) { // one is running: it is left alone
        return static_cast<int>(ImportState::Failed);
    }
}

// `mapping_json`: load()'s mapping, already checked by the checkMapping call, or "".
// `ask_for_mapping`: 1 when the analyst opened the file (the UI may ask), 0 for load().
// `kept_source`: the kept_sources.js source that receives the file's chunks.
// `worker_available`: 1 when the parse worker could read it now; the session decides.
EMSCRIPTEN_KEEPALIVE int sl_import_file_begin(const char* name, const char* mapping_json, int ask_for_mapping,
                                              uint32_t kept_source, int worker_available) {
    sightline::ColumnMapping mapping;
    if (*mapping_json) {
        std::string error;
        auto parsed = sightline::column_mapping_from_json_text(mapping_json, error);
        if (!parsed) return answer(session().fail(std::string(name) + ": mapping: " + error));
        mapping = std::move(*parsed);
    }
    return answer(session().begin_file(name, {std::move(mapping), ask_for_mapping == 1, kept_source,
                                              worker_available == 1}));
}

EMSCRIPTEN_KEEPALIVE int sl_import_feed(const uint8_t* data, int size) {
    return answer(import_slice([&] { return session().feed(std::span<const uint8_t>(data, static_cast<size_t>(size))); }));
}

// Stores the parse worker's output for about `max_ms`, as sl_import_feed reads a chunk;
// sl_import_parsed_used() then says how many of the bytes it used (the page passes the rest in
// the next slice).
EMSCRIPTEN_KEEPALIVE int sl_import_add_parsed(const uint8_t* rows, int size, double max_ms) {
    return answer(import_slice([&] {
        const auto deadline = sightline::ImportSession::Clock::now() +
                              std::chrono::duration_cast<sightline::ImportSession::Clock::duration>(
                                  std::chrono::duration<double, std::milli>(max_ms));
        const auto stored = session().add_parsed(std::span<const uint8_t>(rows, static_cast<size_t>(size)), deadline);
        g_parsed_used = stored.used;
        return stored.state;
    }));
}

EMSCRIPTEN_KEEPALIVE int sl_import_parsed_used() { return static_cast<int>(g_parsed_used); }

// The parse worker stopped on the current file (its message).
EMSCRIPTEN_KEEPALIVE int sl_import_worker_failed(const char* message) {
    return answer(session().worker_failed(message));
}

EMSCRIPTEN_KEEPALIVE int sl_import_file_end() { return answer(session().end_file()); }

// While the page waits (for the worker, for the analyst): the progress is drawn as during a
// slice, and the analyst's Cancel is taken.
EMSCRIPTEN_KEEPALIVE int sl_import_poll() {
    const ImportState state = session().poll();
    if (session().running() && state != ImportState::WaitingForMapping) app().draw_import_progress();
    return answer(state);
}

EMSCRIPTEN_KEEPALIVE int sl_import_finish() { return answer(session().finish()); }

EMSCRIPTEN_KEEPALIVE int sl_import_cancel() { return answer(session().cancel()); }

// The page met an error of its own (a file it could not read): the batch is rolled back.
EMSCRIPTEN_KEEPALIVE int sl_import_fail(const char* message) { return answer(session().fail(message)); }

// The ended import as load() returns it: the reports, or {"error", "cancelled"}.
EMSCRIPTEN_KEEPALIVE const char* sl_import_result() {
    g_last_result = session().result_json();
    return g_last_result.c_str();
}

} // extern "C"

// --- Test hooks -------------------------------------------------------------------------------
extern "C" {

// What the UI's keyboard focus is doing, so tests type only once a text box has it.
EMSCRIPTEN_KEEPALIVE const char* sl_ui_state() {
    g_last_result = std::string(R"({"wantTextInput":)") + (ImGui::GetIO().WantTextInput ? "true" : "false") + "}";
    return g_last_result.c_str();
}

// {x, y, width, height, frame} of a named widget in CSS pixels (frame: the frame that drew it),
// or {"error"} when it was not drawn.
EMSCRIPTEN_KEEPALIVE const char* sl_item_rect(const char* name) {
    // Callers wait for a rect to hold still over frames: a question about the screen asks for a
    // fresh frame, as the analyst's input does (during an import too, which draws rarely).
    sightline::BrowserApp::instance()->input_arrived();
    auto rect = sightline::find_item(name);
    if (!rect) {
        g_last_result = R"({"error":)" + sightline::json_string(std::string("no item named ") + name) + "}";
        return g_last_result.c_str();
    }
    double ratio = emscripten_get_device_pixel_ratio();
    char buf[160];
    std::snprintf(buf, sizeof buf, R"({"x":%.1f,"y":%.1f,"width":%.1f,"height":%.1f,"frame":%d})",
                  rect->x / ratio, rect->y / ratio, rect->width / ratio, rect->height / ratio, rect->frame);
    g_last_result = buf;
    return g_last_result.c_str();
}

// {"frames", "import_slices", "background_slices"} of the app's own work (see BrowserApp), each
// {count, median_ms, p95_ms, worst_ms}; `reset` starts them anew.
EMSCRIPTEN_KEEPALIVE const char* sl_work_times(int reset) {
    auto* app = sightline::BrowserApp::instance();
    auto json = [](const sightline::DurationSummary& s) {
        char buf[160];
        std::snprintf(buf, sizeof buf, R"({"count":%zu,"median_ms":%.2f,"p95_ms":%.2f,"worst_ms":%.2f})", s.count,
                      s.median_ms, s.p95_ms, s.worst_ms);
        return std::string(buf);
    };
    g_last_result = R"({"frames":)" + json(app->frame_times().summary()) + R"(,"import_slices":)" +
                    json(app->import_slice_times().summary()) + R"(,"background_slices":)" +
                    json(app->background_slice_times().summary()) + "}";
    if (reset) {
        app->frame_times().reset();
        app->import_slice_times().reset();
        app->background_slice_times().reset();
    }
    return g_last_result.c_str();
}

} // extern "C"
