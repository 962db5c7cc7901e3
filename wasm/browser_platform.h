// UiPlatform for the browser page: file pickers and the like are done by the page's
// JavaScript (wasm/js/automation_api.js).
#pragma once

#include "ui_platform.h"

namespace sightline {

class BrowserPlatform : public UiPlatform {
public:
    void open_file_picker() override;
    void copy_to_clipboard(const std::string& text) override;
    void download_text(const std::string& file_name, const std::string& mime_type, const std::string& text) override;
    void open_settings_file_picker() override;
    std::optional<ChosenTextFile> take_chosen_text_file() override;
    // The page read the chosen settings file (sl_text_file_chosen in wasm/js_exports.cpp).
    void text_file_chosen(std::string name, std::string text) { chosen_ = ChosenTextFile{std::move(name), std::move(text)}; }

private:
    std::optional<ChosenTextFile> chosen_;
    std::optional<std::string> read_layout(const char* key) override;
    void write_layout(const char* key, const std::string& value) override;
};

} // namespace sightline
