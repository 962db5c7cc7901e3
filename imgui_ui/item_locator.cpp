#include "item_locator.h"

#include <imgui.h>

#include <map>

namespace sightline {
namespace {

std::map<std::string, ItemRect, std::less<>>& items() {
    static std::map<std::string, ItemRect, std::less<>> rects;
    return rects;
}

} // namespace

void note_item(std::string_view name) {
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    items()[std::string(name)] = ItemRect{min.x, min.y, max.x - min.x, max.y - min.y};
}

std::optional<ItemRect> find_item(std::string_view name) {
    auto it = items().find(name);
    if (it == items().end()) return std::nullopt;
    return it->second;
}

} // namespace sightline
