// A small world map drawn with ImGui's draw lists: the country outlines of the world atlas
// (world_atlas.h) in an equirectangular projection, and a marker per place sized by its
// activity count; hovering a marker shows the place and the count. No tiles, no network.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sightline {

struct MapMarker {
    std::string country; // ISO 3166-1 alpha-2: the marker sits at the country's centroid
    std::string detail;  // the tooltip's lines below the place (cities and their counts)
    int64_t count = 0;
};

// Draws the map `width` wide at the cursor. Markers of countries the atlas does not know are
// counted in a line under the map instead.
void draw_world_map(const char* id, const std::vector<MapMarker>& markers, float width);

} // namespace sightline
