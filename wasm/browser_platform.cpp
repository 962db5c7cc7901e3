#include "browser_platform.h"

#include <emscripten.h>

namespace {

EM_JS(void, js_open_file_picker, (), {
    if (Module.openFilePicker) Module.openFilePicker();
});

// Emscripten 3.1.6's glfwSetClipboardString is an empty stub: use the browser's API.
EM_JS(void, js_copy_to_clipboard, (const char* text), {
    const value = UTF8ToString(text);
    if (navigator.clipboard) navigator.clipboard.writeText(value).catch(() => {});
});

} // namespace

namespace sightline {

void BrowserPlatform::open_file_picker() {
    // Browsers open a file picker only shortly after a user gesture ("transient activation",
    // a few seconds): ImGui sees the click in the next animation frame, well within that.
    js_open_file_picker();
}

void BrowserPlatform::copy_to_clipboard(const std::string& text) { js_copy_to_clipboard(text.c_str()); }

} // namespace sightline
