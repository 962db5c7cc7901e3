// UiPlatform for the browser page: file pickers and the like are done by the page's
// JavaScript (wasm/js/automation_api.js).
#pragma once

#include "ui_platform.h"

namespace sightline {

class BrowserPlatform : public UiPlatform {
public:
    void open_file_picker() override;
    void copy_to_clipboard(const std::string& text) override;
};

} // namespace sightline
