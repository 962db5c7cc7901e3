// What the UI needs from the platform it runs on (the browser page, or a future desktop
// build): opening files, and telling the outside world about state changes. The wasm layer
// implements it; the UI never includes platform headers.
#pragma once

namespace sightline {

class UiPlatform {
public:
    virtual ~UiPlatform() = default;
    // Shows the system's file picker; chosen files arrive through the import path later.
    virtual void open_file_picker() = 0;
};

} // namespace sightline
