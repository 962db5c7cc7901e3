#include "browser_platform.h"

#include <emscripten.h>

namespace sightline {

void BrowserPlatform::open_file_picker() {
    // Browsers only open a file picker inside a user gesture; ImGui handles the click inside
    // one (the mouseup event's handler), so the page's JS can open it right away.
    EM_ASM({ if (Module.openFilePicker) Module.openFilePicker(); });
}

} // namespace sightline
