// Where named widgets were drawn, so that browser tests can click real pixels (proving the
// input wiring) without guessing coordinates. Panels call note_item() right after a widget.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sightline {

struct ItemRect {
    float x = 0, y = 0, width = 0, height = 0; // framebuffer pixels, from the top-left
    int frame = 0;                              // the frame that drew it
};

// Records the rect of the last ImGui item under `name`, replacing an earlier one.
void note_item(std::string_view name);
// Only items drawn in the latest drawn frame: a closed popup's items are gone, so a test that
// reopens it waits for the new rects instead of clicking where they were before.
std::optional<ItemRect> find_item(std::string_view name);

} // namespace sightline
