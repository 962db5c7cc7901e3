#include "browser_platform.h"

#include <emscripten.h>

namespace sightline {

void BrowserPlatform::open_file_picker() {
    // Browsers only open a file picker inside a user gesture; ImGui handles the click inside
    // one (the mouseup event's handler), so the page's JS can open it right away.
    EM_ASM({ if (Module.openFilePicker) Module.openFilePicker(); });
}

void BrowserPlatform::copy_to_clipboard(const std::string& text) {
    // Emscripten 3.1.6's glfwSetClipboardString is an empty stub: use the browser's API.
    EM_ASM({
        const text = UTF8ToString($0);
        if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
    }, text.c_str());
}

} // namespace sightline
