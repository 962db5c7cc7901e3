// What the UI needs from the platform it runs on (the browser page, or a future desktop
// build): opening files, and telling the outside world about state changes. The wasm layer
// implements it; the UI never includes platform headers.
#pragma once

#include <string>

namespace sightline {

class UiPlatform {
public:
    virtual ~UiPlatform() = default;
    // Shows the system's file picker; chosen files arrive through the import path later.
    virtual void open_file_picker() = 0;
    // Puts text on the system clipboard.
    virtual void copy_to_clipboard(const std::string& text) = 0;
};

} // namespace sightline
