#include "about_window.h"

#include "enrich/outdated_rules.h"
#include "item_locator.h"

#include <imgui.h>

#include <string>

namespace sightline {

void AboutWindow::draw(AppModel&, UiPlatform&) {
    if (!open_) return;
    ImGui::SetNextWindowSize(ImVec2(460, 0), ImGuiCond_Appearing);
    if (ImGui::Begin(title(), &open_, ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextUnformatted("Sightline: a private, offline activity-log analyser.");
        note_item("about:text");
        ImGui::TextWrapped("Your files are read inside this page and kept in its memory. "
                           "Nothing is uploaded: the page makes no request beyond its own files.");
        if (ImGui::CollapsingHeader("Computed fields and user agent tags")) {
            ImGui::TextWrapped("Where an export leaves Browser, Operating system, Device type or the user agent tags "
                               "empty, Sightline parses the user agent with the regexes of uap-core (Apache License "
                               "2.0) and dates browser versions with caniuse-lite (CC BY 4.0); the details drawer "
                               "marks these values \"computed\". Values in the export always win.");
            ImGui::Spacing();
            ImGui::TextWrapped("%s", std::string(kOutdatedRuleText).c_str());
            note_item("about:outdated-rule");
        }
    }
    ImGui::End();
}

} // namespace sightline
