// Sightline's look: colours, spacing and fonts, scaled to the screen's pixel density.
#pragma once

namespace sightline {

// Loads the UI font from `font_path` (falls back to ImGui's built-in font if it cannot be
// read) at a size that stays crisp on high-DPI screens, and scales the style to match.
void apply_theme(float pixel_ratio, const char* font_path);

} // namespace sightline
