#include "browser_app.h"

#include "app/ip_range_json.h"
#include "filter/filter_url.h"
#include "js_download_sink.h"
#include "page_state.h"
#include "theme.h"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <cstdio>

namespace {

// Sizes the canvas's backing store without glfwSetWindowSize: Emscripten 3.1.6's version of it
// (its JavaScript GLFW library) asks for browser full screen when the size equals the screen's (comparing
// device pixels with the screen's CSS pixels), which a page may only do in a user gesture, so a
// full-screen or maximised window logged "Permissions check failed" every frame and kept its
// old size. Browser.setCanvasSize is that function's other branch: its resize listener tells
// GLFW the new size, which ImGui's GLFW backend reads each frame.
EM_JS(void, sl_set_canvas_backing_size, (int width, int height), { Browser.setCanvasSize(width, height); });

} // namespace

namespace sightline {

BrowserApp* BrowserApp::instance_ = nullptr;

// Where the build embeds the UI font (assets/fonts/fonts.txt).
constexpr const char* kUiFontPath = "/fonts/ui.otf";

BrowserApp::BrowserApp() {
    instance_ = this;
    model_.store().use_kept_sources(&kept_sources_);
    model_.csv_export().set_downloads(
        [](const std::string& name) { return std::make_unique<JsDownloadSink>(name, "text/csv;charset=utf-8"); });
}

namespace {

// Installed before ImGui's own GLFW callbacks, which chain to them: any input wakes the
// frame loop, which otherwise sleeps while nothing changes (no GPU work on an idle page).
void wake_on_input() { BrowserApp::instance()->input_arrived(); }

void install_wake_callbacks(GLFWwindow* window) {
    glfwSetMouseButtonCallback(window, [](GLFWwindow*, int, int, int) { wake_on_input(); });
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double, double) { wake_on_input(); });
    glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { wake_on_input(); });
    glfwSetKeyCallback(window, [](GLFWwindow*, int key, int, int action, int) {
        if (action == GLFW_PRESS) BrowserApp::instance()->latch_key_press(key);
        wake_on_input();
    });
    glfwSetCharCallback(window, [](GLFWwindow*, unsigned int) { wake_on_input(); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow*, int) { wake_on_input(); });
}

} // namespace

bool BrowserApp::start() {
    if (!glfwInit()) {
        std::fprintf(stderr, "Sightline: GLFW could not start\n");
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3); // WebGL2
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui draws flat triangles: no depth or stencil buffer, and an opaque canvas. Each is a
    // full-canvas buffer the browser clears and composites every drawn frame; without a GPU
    // (SwiftShader) a 1280x800 frame cost ~130 ms of the page's thread with them.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    window_ = glfwCreateWindow(1280, 800, "Sightline", nullptr, nullptr);
    if (!window_) {
        std::fprintf(stderr, "Sightline: WebGL2 is not available in this browser\n");
        return false;
    }
    glfwMakeContextCurrent(window_);

    install_wake_callbacks(window_);
    install_wake_listeners();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // layout is not persisted through a file system
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    model_.load_demo_data();
    restore_page_state();
    sync_canvas_size();
    return true;
}

namespace {
constexpr const char* kSavedQueriesKey = "sightline.savedQueries";
constexpr const char* kColumnMappingsKey = "sightline.columnMappings";
constexpr const char* kIpRangesKey = "sightline.ipRanges";
constexpr const char* kPoliciesKey = "sightline.policies";  // saved policies and alert statuses
} // namespace

void BrowserApp::restore_page_state() {
    if (auto stored = read_local_storage(kSavedQueriesKey)) {
        std::string error = model_.settings().restore_saved_queries(*stored);
        if (!error.empty()) std::fprintf(stderr, "Sightline: saved queries: %s\n", error.c_str());
    }
    if (auto stored = read_local_storage(kColumnMappingsKey)) {
        std::string error = model_.import_session().restore_remembered_mappings(*stored);
        if (!error.empty()) std::fprintf(stderr, "Sightline: column mappings: %s\n", error.c_str());
    }
    if (auto stored = read_local_storage(kIpRangesKey)) {
        std::string error = model_.restore_ip_ranges(*stored);
        if (!error.empty()) std::fprintf(stderr, "Sightline: IP ranges: %s\n", error.c_str());
    }
    if (auto stored = read_local_storage(kPoliciesKey)) {
        std::string error = model_.policies().restore(*stored);
        if (!error.empty()) std::fprintf(stderr, "Sightline: saved policies: %s\n", error.c_str());
    }
    saved_settings_revision_ = model_.settings().revision();
    saved_policies_revision_ = model_.policies().book().revision();
    url_fragment_changed();
}

void BrowserApp::url_fragment_changed() {
    wake();
    std::string fragment = read_url_fragment();
    if (fragment == url_fragment_) return; // our own replaceState
    url_fragment_ = fragment;
    FilterUrlDecode decoded = decode_filter_fragment(fragment);
    if (decoded.state) {
        model_.log().set_filter(decoded.state->filter);
        model_.log().set_sort(decoded.state->sort);
    } else if (!decoded.error.empty()) {
        std::fprintf(stderr, "Sightline: the link's filter cannot be used: %s\n", decoded.error.c_str());
    }
}

// Called after each drawn frame: cheap unless something changed.
void BrowserApp::save_page_state() {
    if (model_.settings().revision() != saved_settings_revision_) {
        saved_settings_revision_ = model_.settings().revision();
        write_local_storage(kSavedQueriesKey, model_.settings().saved_queries().to_json());
        write_local_storage(kColumnMappingsKey, model_.import_session().remembered_mappings().to_json());
        write_local_storage(kIpRangesKey, ip_ranges_to_storage_json(model_.ip_ranges()));
    }
    if (model_.policies().book().revision() != saved_policies_revision_) {
        saved_policies_revision_ = model_.policies().book().revision();
        write_local_storage(kPoliciesKey, model_.policies().book().to_json());
    }
    std::string fragment = encode_filter_fragment(model_.log().filter(), model_.log().sort());
    if (fragment != url_fragment_) {
        url_fragment_ = fragment;
        replace_url_fragment(fragment);
    }
}

bool BrowserApp::sync_canvas_size() {
    // Emscripten's GLFW ignores devicePixelRatio: size the backing store in device pixels
    // ourselves. Its mouse coordinates are already scaled to the backing store, so ImGui
    // works in device pixels throughout and the theme scales fonts and spacing instead.
    double css_width = 0, css_height = 0;
    emscripten_get_element_css_size("#canvas", &css_width, &css_height);
    float ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    int width = static_cast<int>(std::lround(css_width * ratio));
    int height = static_cast<int>(std::lround(css_height * ratio));
    int current_width = 0, current_height = 0;
    glfwGetWindowSize(window_, &current_width, &current_height);
    bool changed = false;
    if (width > 0 && height > 0 && (width != current_width || height != current_height)) {
        sl_set_canvas_backing_size(width, height);
        changed = true;
    }
    if (ratio != pixel_ratio_) {
        pixel_ratio_ = ratio;
        apply_theme(ratio, kUiFontPath);
        ImGui_ImplOpenGL3_DestroyDeviceObjects(); // the next NewFrame rebuilds them, font atlas included
        changed = true;
    }
    return changed;
}

void BrowserApp::set_import_running(bool running) {
    import_running_ = running;
    if (running) {
        sleeping_ = false; // the import owns the paused loop now
        emscripten_pause_main_loop();
        last_import_frame_ms_ = 0;
        draw_import_progress();
    } else {
        emscripten_resume_main_loop();
        wake();
    }
}

void BrowserApp::wake() {
    frames_left_ = kFramesAfterWake;
    resume_frames();
}

void BrowserApp::resume_frames() {
    if (sleeping_ && !import_running_) {
        sleeping_ = false;
        emscripten_resume_main_loop();
    }
}

bool BrowserApp::may_sleep() const {
    if (frames_left_ > 0 || pumping_ || import_running_) return false;
    if (model_.log().revision() != drawn_revision_ || model_.log().background_steps() != drawn_background_steps_ ||
        model_.csv_export().steps() != drawn_export_steps_)
        return false;
    // A text field's caret blinks, and a held mouse button may be repeating or dragging.
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return false;
    for (bool down : io.MouseDown)
        if (down) return false;
    return true;
}

// What wakes an idle page from outside GLFW's input callbacks: the window's size or its pixel
// ratio changing (browser zoom fires resize; moving to another screen changes the resolution).
void BrowserApp::install_wake_listeners() {
    EM_ASM({
        const wake = () => Module.ccall('sl_wake', null, [], []);
        window.addEventListener('resize', wake);
        const watchRatio = () => {
            const query = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
            query.addEventListener('change', () => { wake(); watchRatio(); }, { once: true });
        };
        if (window.matchMedia) watchRatio();
    });
}

void BrowserApp::input_arrived() {
    wake();
    input_since_import_frame_ = true;
}

void BrowserApp::draw_import_progress() {
    double now = emscripten_get_now();
    if (now - last_import_frame_ms_ < kImportFrameIntervalMs && !input_since_import_frame_) return;
    last_import_frame_ms_ = now;
    input_since_import_frame_ = false;
    sync_canvas_size();
    draw_frame();
}

bool BrowserApp::needs_frame() {
    if (sync_canvas_size()) wake();
    if (model_.log().revision() != drawn_revision_) wake();
    if (frames_left_ > 0) {
        --frames_left_;
        return true;
    }
    // Progress of background work (a count growing, the copy being built) is redrawn a few
    // times a second, one frame each, not every frame: without a GPU a drawn frame costs more
    // CPU than the work slice itself (~45 ms, mostly the compositor reading the canvas back).
    const bool progress = model_.log().background_steps() != drawn_background_steps_ ||
                          model_.csv_export().steps() != drawn_export_steps_; // the export's bar
    return progress && emscripten_get_now() - last_drawn_ms_ >= kProgressRedrawIntervalMs;
}

double BrowserApp::background_budget_ms() const {
    return frames_left_ > 0 ? kBackgroundBudgetMs : kIdleBackgroundBudgetMs;
}

bool BrowserApp::background_slice() {
    const double started = emscripten_get_now();
    pumping_ = model_.do_background_work(background_budget_ms());
    background_slice_times_.record(emscripten_get_now() - started);
    if (!pumping_) wake(); // the finished work's answers are drawn
    return pumping_;
}

void BrowserApp::frame() {
    const double started = emscripten_get_now();
    // A frame that finds background work does the first slice and hands the rest to the pump.
    if (!pumping_ && model_.do_background_work(background_budget_ms())) {
        pumping_ = true;
        EM_ASM({ Module.sightlineStartPump(); });
    }
    if (needs_frame()) {
        drawn_revision_ = model_.log().revision();
        drawn_background_steps_ = model_.log().background_steps();
        drawn_export_steps_ = model_.csv_export().steps();
        draw_frame();
        save_page_state();
        last_drawn_ms_ = emscripten_get_now();
        frame_times_.record(emscripten_get_now() - started); // idle callbacks are not frames
    } else if (may_sleep()) {
        sleeping_ = true;
        emscripten_pause_main_loop();
    }
}

void BrowserApp::latch_key_press(int key) {
    if (key >= 0 && key < static_cast<int>(IM_ARRAYSIZE(ImGuiIO::KeysDown))) latched_keys_.push_back(key);
}

void BrowserApp::draw_frame() {
    // ImGui 1.86 samples key state once per frame: a key pressed and released between two
    // frames (a quick tap, or a scripted one) would be missed. Show it down for one frame.
    ImGuiIO& io = ImGui::GetIO();
    for (int key : latched_keys_) io.KeysDown[key] = true;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ui_.draw();
    ImGui::Render();
    for (int key : latched_keys_) io.KeysDown[key] = glfwGetKey(window_, key) == GLFW_PRESS;
    latched_keys_.clear();

    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.11f, 0.12f, 0.14f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (!announced_ready_) {
        announced_ready_ = true;
        EM_ASM({ if (Module.sightlineBecameReady) Module.sightlineBecameReady(); });
    }
}

} // namespace sightline
