#include "browser_platform.h"

#include "js_download_sink.h"
#include "page_state.h"

#include <emscripten.h>

namespace {

EM_JS(void, js_open_file_picker, (), {
    if (Module.openFilePicker) Module.openFilePicker();
});

EM_JS(void, js_open_settings_file_picker, (), {
    if (Module.openSettingsFilePicker) Module.openSettingsFilePicker();
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

void BrowserPlatform::download_text(const std::string& file_name, const std::string& mime_type, const std::string& text) {
    JsDownloadSink sink(file_name, mime_type);
    sink.write(text);
    sink.finish();
}

void BrowserPlatform::open_settings_file_picker() { js_open_settings_file_picker(); }

std::optional<UiPlatform::ChosenTextFile> BrowserPlatform::take_chosen_text_file() {
    std::optional<ChosenTextFile> chosen = std::move(chosen_);
    chosen_.reset();
    return chosen;
}

// Layout lives beside the settings in localStorage, under "sightline.layout." keys.
std::optional<std::string> BrowserPlatform::read_layout(const char* key) {
    return read_local_storage(("sightline.layout." + std::string(key)).c_str());
}
void BrowserPlatform::write_layout(const char* key, const std::string& value) {
    write_local_storage(("sightline.layout." + std::string(key)).c_str(), value);
}

} // namespace sightline
