// The browser entry point: creates the GL context through Emscripten's GLFW, drives frames
// with emscripten_set_main_loop, keeps the canvas backing store at the screen's pixel
// density, and starts the app with the demo data set loaded.
#include "browser_app.h"
#include "ip_location_page.h"

#include <emscripten.h>

namespace {

sightline::BrowserApp* g_app = nullptr;

void frame() { g_app->frame(); }

} // namespace

int main() {
    g_app = new sightline::BrowserApp(); // lives as long as the page
    sightline::note_ip_location_availability(g_app->model());
    if (!g_app->start()) {
        EM_ASM({ Module.sightlineFailed("WebGL2 could not be started in this browser."); });
        return 1;
    }
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
