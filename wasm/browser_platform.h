// UiPlatform for the browser page: file pickers and the like are done by the page's
// JavaScript (wasm/js/automation_api.js).
#pragma once

#include "ui_platform.h"

namespace sightline {

class BrowserPlatform : public UiPlatform {
public:
    void open_file_picker() override;
    void copy_to_clipboard(const std::string& text) override;
    std::optional<std::string> read_layout(const char* key) override;
    void write_layout(const char* key, const std::string& value) override;
};

} // namespace sightline
