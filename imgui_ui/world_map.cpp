#include "world_map.h"

#include "item_locator.h"
#include "number_format.h"
#include "world_atlas.h"

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace sightline {
namespace {

// Latitudes shown: Antarctica and the far north carry no activity and would take a third of the height.
constexpr float kTopLat = 84.0f;
constexpr float kBottomLat = -58.0f;

// Equirectangular: longitude and latitude map linearly onto the rectangle (origin, size).
struct Projection {
    glm::vec2 origin;
    glm::vec2 size;
    glm::vec2 operator()(glm::vec2 lon_lat) const {
        const glm::vec2 t = (lon_lat - glm::vec2(-180.0f, kTopLat)) / glm::vec2(360.0f, kBottomLat - kTopLat);
        return origin + glm::clamp(t, glm::vec2(0.0f), glm::vec2(1.0f)) * size;
    }
};

ImVec2 im(glm::vec2 v) { return ImVec2(v.x, v.y); }

void draw_outlines(ImDrawList* draw, const Projection& project, const std::vector<std::string>& active) {
    const ImU32 plain = ImGui::GetColorU32(ImVec4(0.45f, 0.52f, 0.60f, 0.55f));
    const ImU32 lit = ImGui::GetColorU32(ImVec4(0.95f, 0.75f, 0.30f, 0.95f));
    std::vector<ImVec2> points;
    for (const MapOutline& outline : WorldAtlas::get().outlines()) {
        const bool is_active = std::find(active.begin(), active.end(), outline.code) != active.end();
        for (const std::vector<glm::vec2>& ring : outline.rings) {
            points.clear();
            // A ring that crosses the antimeridian is drawn in pieces, not with a line across the map.
            for (size_t i = 0; i < ring.size(); ++i) {
                if (i > 0 && std::abs(ring[i].x - ring[i - 1].x) > 180.0f) {
                    draw->AddPolyline(points.data(), static_cast<int>(points.size()), is_active ? lit : plain, 0, 1.0f);
                    points.clear();
                }
                points.push_back(im(project(ring[i])));
            }
            draw->AddPolyline(points.data(), static_cast<int>(points.size()), is_active ? lit : plain,
                              ImDrawFlags_Closed, is_active ? 1.5f : 1.0f);
        }
    }
}

} // namespace

void draw_world_map(const char* id, const std::vector<MapMarker>& markers, float width) {
    const WorldAtlas& atlas = WorldAtlas::get();
    const glm::vec2 size(width, width * (kTopLat - kBottomLat) / 360.0f);
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const Projection project{glm::vec2(cursor.x, cursor.y), size};
    ImGui::InvisibleButton(id, im(size));
    note_item(std::string("map:") + id);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(cursor, im(project.origin + size), ImGui::GetColorU32(ImVec4(0.09f, 0.13f, 0.19f, 1.0f)));
    if (!atlas.error().empty()) {
        draw->AddText(ImVec2(cursor.x + 8, cursor.y + 8), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                      ("No map: " + atlas.error()).c_str());
        return;
    }
    std::vector<std::string> active;
    int64_t most = 1, unplaced = 0;
    for (const MapMarker& m : markers) {
        most = std::max(most, m.count);
        active.push_back(m.country);
    }
    draw_outlines(draw, project, active);

    const float smallest = 3.0f, largest = std::max(6.0f, width / 30.0f);
    const glm::vec2 mouse(ImGui::GetIO().MousePos.x, ImGui::GetIO().MousePos.y);
    const MapMarker* under_mouse = nullptr;
    for (const MapMarker& m : markers) {
        const MapPlace* place = atlas.place(m.country);
        if (!place) {
            unplaced += m.count;
            continue;
        }
        const glm::vec2 at = project(place->lon_lat);
        // Area follows the count: the radius grows with its square root.
        const float radius = glm::mix(smallest, largest, std::sqrt(static_cast<float>(m.count) / static_cast<float>(most)));
        draw->AddCircleFilled(im(at), radius, ImGui::GetColorU32(ImVec4(0.95f, 0.45f, 0.25f, 0.70f)));
        draw->AddCircle(im(at), radius, ImGui::GetColorU32(ImVec4(1.0f, 0.85f, 0.70f, 0.95f)));
        if (hovered && glm::distance(mouse, at) <= std::max(radius, 5.0f)) under_mouse = &m;
    }
    if (under_mouse) {
        const MapPlace* place = atlas.place(under_mouse->country);
        ImGui::BeginTooltip();
        ImGui::Text("%s (%s): %s activities", place->name.c_str(), place->code.c_str(), format_count(under_mouse->count).c_str());
        if (!under_mouse->detail.empty()) ImGui::TextDisabled("%s", under_mouse->detail.c_str());
        ImGui::EndTooltip();
    }
    if (unplaced > 0) ImGui::TextDisabled("%s activities at no known place", format_count(unplaced).c_str());
}

} // namespace sightline
