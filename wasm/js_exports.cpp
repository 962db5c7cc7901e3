// The C functions the page's JavaScript calls (see wasm/js/automation_api.js). Each hands
// JSON text to the core's AutomationApi; strings returned stay valid until the next call.
#include "api/activity_json.h"
#include "browser_app.h"
#include "import/column_mapping_json.h"
#include "import/import_report_json.h"
#include "item_locator.h"

#include <emscripten.h>
#include <imgui.h>
#include <emscripten/html5.h>

#include <cstdio>

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

EMSCRIPTEN_KEEPALIVE const char* sl_api_call(const char* method, const char* arguments_json) {
    g_last_result = sightline::BrowserApp::instance()->api().call(method, arguments_json);
    return g_last_result.c_str();
}

} // extern "C"

// --- Importing (driven by wasm/js/file_loading.js) ------------------------------------------
namespace {

sightline::AppModel& model() { return sightline::BrowserApp::instance()->model(); }
std::string g_import_error;

// Runs an import step; a failure (an exception from the store) cancels the batch and is
// reported by sl_import_finish.
template <typename Step>
bool guarded(Step step) {
    try {
        step();
        return true;
    } catch (const std::exception& e) {
        g_import_error = e.what();
        model().cancel_import();
        return false;
    }
}

// One slice of import work between frames: timed for workTimes(), then the progress drawn
// (once a second, or at once after the analyst's input).
template <typename Step>
bool import_slice(Step step) {
    const double started = emscripten_get_now();
    const bool ok = guarded(step);
    if (ok) sightline::BrowserApp::instance()->draw_import_progress();
    sightline::BrowserApp::instance()->import_slice_times().record(emscripten_get_now() - started);
    return ok;
}

} // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int sl_import_begin(int file_count, double bytes_total) {
    g_import_error.clear();
    bool ok = guarded([&] { model().begin_import(file_count, static_cast<int64_t>(bytes_total)); });
    if (ok) sightline::BrowserApp::instance()->set_import_running(true);
    return ok ? 1 : 0;
}

// `mapping_json`: load()'s mapping, already checked by the checkMapping call, or "".
// `ask_for_mapping`: 1 when the analyst opened the file (the UI may ask), 0 for load().
// `kept_source`: the kept_sources.js source that receives the file's chunks. Returns 1 when the
// file may be fed, 0 on an error (the caller then releases the source; a rollback may have already).
EMSCRIPTEN_KEEPALIVE int sl_import_file_begin(const char* name, const char* mapping_json, int ask_for_mapping,
                                              uint32_t kept_source) {
    return guarded([&] {
        sightline::ColumnMapping mapping;
        if (*mapping_json) {
            std::string error;
            auto parsed = sightline::column_mapping_from_json_text(mapping_json, error);
            if (!parsed) throw std::invalid_argument(std::string(name) + ": mapping: " + error);
            mapping = std::move(*parsed);
        }
        model().import_file_begin(name, std::move(mapping), ask_for_mapping == 1, kept_source);
    }) ? 1 : 0;
}

// Where the current file stands, for the page's loop: 0 go on reading, 1 waiting for the
// analyst's column mapping, 2 skipped in the dialog (stop reading it), 3 cancel requested.
EMSCRIPTEN_KEEPALIVE int sl_import_state() {
    if (!model().import_job() || model().import_cancel_requested()) return 3;
    if (model().mapping_prompt()) return 1;
    return model().import_file_skipped() ? 2 : 0;
}

// While the analyst answers the mapping dialog, frames run as usual (input, redraws); the
// import's own paced drawing takes over again afterwards.
EMSCRIPTEN_KEEPALIVE void sl_import_wait_for_analyst(int waiting) {
    sightline::BrowserApp::instance()->set_import_running(waiting == 0);
}

// Returns 1 to go on, 0 when the analyst asked to cancel, -1 when the import failed (then
// sl_import_finish says why).
EMSCRIPTEN_KEEPALIVE int sl_import_feed(const uint8_t* data, int size) {
    if (model().import_cancel_requested() || !model().import_job()) return 0;
    return import_slice([&] { model().import_feed(std::span<const uint8_t>(data, static_cast<size_t>(size))); }) ? 1 : -1;
}

// While the page waits for the parse worker: the progress is drawn as during a slice, and the
// analyst's input (Cancel) is taken.
EMSCRIPTEN_KEEPALIVE void sl_import_idle() { sightline::BrowserApp::instance()->draw_import_progress(); }

// A file read by the parse worker (wasm/js/parse_worker_client.js); 1 when its rows may come.
EMSCRIPTEN_KEEPALIVE int sl_import_parsed_file_begin(const char* name, uint32_t kept_source) {
    return guarded([&] { model().import_parsed_file_begin(name, kept_source); }) ? 1 : 0;
}

// Stores rows the parse worker read for about `max_ms`, as sl_import_feed reads a chunk.
// Returns the bytes used (the page passes the rest in the next slice), -1 when the analyst
// asked to cancel, or -2 when the import failed (then sl_import_finish says why).
EMSCRIPTEN_KEEPALIVE int sl_import_add_parsed(const uint8_t* rows, int size, double max_ms) {
    if (model().import_cancel_requested() || !model().import_job()) return -1;
    size_t used = 0;
    const bool ok = import_slice([&] {
        used = model().import_add_parsed(std::span<const uint8_t>(rows, static_cast<size_t>(size)), max_ms);
    });
    return ok ? static_cast<int>(used) : -2;
}

EMSCRIPTEN_KEEPALIVE void sl_import_file_end() {
    guarded([&] { model().import_file_end(); });
}

EMSCRIPTEN_KEEPALIVE const char* sl_import_finish() {
    sightline::BrowserApp::instance()->set_import_running(false);
    if (!g_import_error.empty() || !model().import_job()) {
        std::string message = g_import_error.empty() ? "the import was cancelled" : g_import_error;
        g_last_result = R"({"error":)" + sightline::json_string(message) + "}";
        return g_last_result.c_str();
    }
    if (!guarded([&] { model().finish_import(); })) {
        g_last_result = R"({"error":)" + sightline::json_string(g_import_error) + "}";
        return g_last_result.c_str();
    }
    g_last_result = sightline::import_reports_to_json(model().last_import_reports(), model().log().total_activities(),
                                                      model().last_import_replaced_demo());
    return g_last_result.c_str();
}

EMSCRIPTEN_KEEPALIVE void sl_import_cancel() {
    model().cancel_import();
    sightline::BrowserApp::instance()->set_import_running(false);
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
