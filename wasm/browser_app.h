// The application as it runs in the page: GLFW window, ImGui backends, the model, the UI and
// the automation API, and the per-frame work (canvas size, pixel ratio, drawing).
#pragma once

#include "api/automation_api.h"
#include "app/app_model.h"
#include "app/duration_stats.h"
#include "browser_platform.h"
#include "js_kept_sources.h"
#include "sightline_ui.h"

#include <string>
#include <vector>

struct GLFWwindow;

namespace sightline {

class BrowserApp {
public:
    BrowserApp();
    bool start();
    void frame();

    AppModel& model() { return model_; }
    AutomationApi& api() { return api_; }
    BrowserPlatform& platform() { return platform_; }

    static BrowserApp* instance() { return instance_; }

    // While an import runs, the animation-frame loop is paused (a page asking for frames keeps
    // the browser compositing, which without a GPU costs as much CPU as the import) and the
    // import draws its progress through draw_import_progress() (see kImportFrameIntervalMs).
    void set_import_running(bool running);
    void draw_import_progress();

    // How long the app's own work took: each drawn frame, each import slice (one chunk parsed
    // and stored) and each slice of background work. The benchmark reads them.
    DurationStats& frame_times() { return frame_times_; }
    DurationStats& import_slice_times() { return import_slice_times_; }
    DurationStats& background_slice_times() { return background_slice_times_; }

    // One slice of background work, run by wasm/js/background_pump.js between frames; returns
    // whether work remains (the pump stops when it does not).
    bool background_slice();

    // A key went down (it may be up again before the next frame).
    void latch_key_press(int key);

    // The page's URL fragment changed (the analyst edited the link, or went back).
    void url_fragment_changed();

    // Draw the next few frames (ImGui needs a couple to settle hover states), restarting the
    // frame loop if an idle page had stopped it. Input, a resize, an automation call, a URL
    // change and finished background work all wake the page.
    void wake();
    // Restarts a sleeping frame loop without asking for frames: the loop draws what changed.
    void resume_frames();
    // The analyst moved, clicked or typed: wake, and during an import draw after this slice.
    void input_arrived();

private:
    static constexpr int kFramesAfterWake = 4;
    // Background work per slice: a short one while the analyst is interacting (the loop was
    // woken by input), a longer one while the page is idle. A frame may wait for one slice and
    // then take ~50-60 ms itself where WebGL runs on the CPU: 20 ms keeps that under 100 ms.
    static constexpr double kBackgroundBudgetMs = 12.0;
    static constexpr double kIdleBackgroundBudgetMs = 20.0;
    // Each drawn frame costs the page ~30-60 ms of CPU where WebGL runs on it (SwiftShader):
    // drawn every 250 ms, progress took a quarter of a 1M-row import (16.2 s, 12.3 s undrawn).
    // So an import draws its progress once a second, and after each slice in which the analyst
    // moved or clicked (the Cancel button answers at once).
    static constexpr double kImportFrameIntervalMs = 1000.0;
    // Background work's progress (the status line) twice a second: at four, the frames took a
    // third of the 2.6 s that the count and column copy of 1M rows took after an import.
    static constexpr double kProgressRedrawIntervalMs = 500.0;

    bool sync_canvas_size();
    void restore_page_state();
    void save_page_state();
    bool needs_frame();
    // An idle page stops its animation-frame loop: each frame that drew nothing still cost
    // about 1.4% of a core (measured over 10 s in headless Chromium), for nothing.
    bool may_sleep() const;
    void install_wake_listeners();
    double background_budget_ms() const;
    void draw_frame();

    static BrowserApp* instance_;
    JsKeptSources kept_sources_; // before the model, whose store releases sources into it
    AppModel model_;
    AutomationApi api_{model_};
    BrowserPlatform platform_;
    SightlineUi ui_{model_, platform_};
    GLFWwindow* window_ = nullptr;
    float pixel_ratio_ = 0.0f;
    bool announced_ready_ = false;
    int frames_left_ = kFramesAfterWake;
    uint64_t drawn_revision_ = 0;
    uint64_t drawn_background_steps_ = 0;
    uint64_t drawn_export_steps_ = 0;
    uint64_t saved_settings_revision_ = 0;
    uint64_t saved_policies_revision_ = 0;
    std::string url_fragment_;
    double last_import_frame_ms_ = 0;
    bool input_since_import_frame_ = false;
    double last_drawn_ms_ = 0;
    bool pumping_ = false; // background_pump.js runs the background work
    bool import_running_ = false; // the import has paused the loop and draws its own progress
    bool sleeping_ = false;       // the loop is paused because nothing changes
    std::vector<int> latched_keys_;
    DurationStats frame_times_;
    DurationStats import_slice_times_;
    DurationStats background_slice_times_;
};

} // namespace sightline
