#include "about_window.h"

#include "item_locator.h"

#include <imgui.h>

namespace sightline {

void AboutWindow::draw(AppModel&, UiPlatform&) {
    if (!open_) return;
    ImGui::SetNextWindowSize(ImVec2(460, 0), ImGuiCond_Appearing);
    if (ImGui::Begin(title(), &open_, ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextUnformatted("Sightline: a private, offline activity-log analyser.");
        note_item("about:text");
        ImGui::TextWrapped("Your files are read inside this page and kept in its memory. "
                           "Nothing is uploaded: the page makes no request beyond its own files.");
    }
    ImGui::End();
}

} // namespace sightline
