// What the UI needs from the platform it runs on (the browser page, or a future desktop
// build): opening files, and telling the outside world about state changes. The wasm layer
// implements it; the UI never includes platform headers.
#pragma once

#include <optional>
#include <string>

namespace sightline {

class UiPlatform {
public:
    virtual ~UiPlatform() = default;
    // Shows the system's file picker; chosen files arrive through the import path later.
    virtual void open_file_picker() = 0;
    // Puts text on the system clipboard.
    virtual void copy_to_clipboard(const std::string& text) = 0;
    // Saves a small text file (a settings export) where the system puts downloads.
    virtual void download_text(const std::string& /*file_name*/, const std::string& /*mime_type*/,
                               const std::string& /*text*/) {}
    // Shows the system's file picker for one settings file; take_chosen_text_file() hands
    // it over once it has been read (a later frame).
    virtual void open_settings_file_picker() {}
    struct ChosenTextFile {
        std::string name;
        std::string text;
    };
    virtual std::optional<ChosenTextFile> take_chosen_text_file() { return std::nullopt; }
    // Small layout choices kept across reloads (a window's size): the page's storage.
    virtual std::optional<std::string> read_layout(const char* /*key*/) { return std::nullopt; }
    virtual void write_layout(const char* /*key*/, const std::string& /*value*/) {}
};

} // namespace sightline
