#include "item_locator.h"

#include <imgui.h>
#include <imgui_internal.h> // ImGuiWindow::Hidden

#include <map>

namespace sightline {
namespace {

struct NotedItem {
    ItemRect rect;
    int frame = 0; // ImGui's frame count when it was drawn
};

std::map<std::string, NotedItem, std::less<>>& items() {
    static std::map<std::string, NotedItem, std::less<>> rects;
    return rects;
}

int g_latest_frame = 0; // the latest frame that noted any item

} // namespace

void note_item(std::string_view name) {
    // A window's first frame measures its size, hidden, before it is placed: a click aimed at
    // where it was noted then would land elsewhere.
    if (ImGui::GetCurrentWindowRead()->Hidden) return;
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    g_latest_frame = ImGui::GetFrameCount();
    items()[std::string(name)] = NotedItem{ItemRect{min.x, min.y, max.x - min.x, max.y - min.y}, g_latest_frame};
}

std::optional<ItemRect> find_item(std::string_view name) {
    auto it = items().find(name);
    if (it == items().end() || it->second.frame != g_latest_frame) return std::nullopt;
    ItemRect rect = it->second.rect;
    rect.frame = it->second.frame;
    return rect;
}

} // namespace sightline
