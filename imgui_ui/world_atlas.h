// The map's data: every country's centroid and name, and the Natural Earth country outlines,
// read once from the asset tools/map/make_world_outlines.py writes at build time (embedded in
// the page as /assets/world_outlines.bin; its format is described in that tool).
#pragma once

#include <glm/vec2.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct MapPlace {
    std::string code; // ISO 3166-1 alpha-2
    std::string name;
    glm::vec2 lon_lat{0.0f};
};

struct MapOutline {
    std::string code; // "--" where the outline names no ISO code
    std::vector<std::vector<glm::vec2>> rings; // (longitude, latitude) in degrees
};

class WorldAtlas {
public:
    // Read on first use; an atlas that could not be read is empty and says why in error().
    static const WorldAtlas& get();
    // Parses the asset's bytes (tests and get()).
    static WorldAtlas parse(std::string_view bytes);

    const MapPlace* place(std::string_view code) const;
    const std::vector<MapOutline>& outlines() const { return outlines_; }
    const std::string& error() const { return error_; }

private:
    std::vector<MapPlace> places_; // sorted by code
    std::vector<MapOutline> outlines_;
    std::string error_;
};

} // namespace sightline
