#include "settings_file_window.h"

#include "item_locator.h"
#include "number_format.h"
#include "app/app_model.h"
#include "util/time_format.h"

#include <imgui.h>

#include <chrono>

namespace sightline {
namespace {

std::string count_of(size_t n, const char* one, const char* many) {
    return format_count(static_cast<int64_t>(n)) + " " + (n == 1 ? one : many);
}

std::string holdings(const AppModel& model) {
    return count_of(model.settings().saved_queries().size(), "saved query", "saved queries") + ", " +
           count_of(model.ip_ranges().custom().size(), "IP range", "IP ranges") + ", " +
           count_of(model.policies().policies().size(), "policy", "policies") + " and " +
           count_of(model.import_session().remembered_mappings().size(), "remembered column mapping",
                    "remembered column mappings");
}

// sightline-settings-2026-12-08.json: the day it was exported, so several can sit side by side.
std::string export_file_name() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(now).count();
    return "sightline-settings-" + format_iso8601_utc(ms).substr(0, 10) + ".json";
}

} // namespace

void SettingsFileWindow::draw(AppModel& model, UiPlatform& platform) {
    if (std::optional<UiPlatform::ChosenTextFile> chosen = platform.take_chosen_text_file()) {
        chosen_ = std::move(chosen);
        outcome_.clear();
        open_ = true;
    }
    if (!open_) return;
    ImGui::SetNextWindowSize(ImVec2(560 * ImGui::GetFontSize() / 15.0f, 0), ImGuiCond_Always);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.35f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin(title(), &open_, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("You have %s. The file holds these and never any activities: share it with a colleague "
                       "to give them your IP ranges and policies.", holdings(model).c_str());
    ImGui::Spacing();
    draw_export(model, platform);
    ImGui::Separator();
    draw_import(model, platform);
    if (!outcome_.empty()) {
        ImGui::Spacing();
        if (failed_) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.5f, 1.0f));
        ImGui::TextWrapped("%s", outcome_.c_str());
        if (failed_) ImGui::PopStyleColor();
    }
    ImGui::End();
}

void SettingsFileWindow::draw_export(AppModel& model, UiPlatform& platform) {
    if (ImGui::Button("Export settings...")) {
        const std::string name = export_file_name();
        platform.download_text(name, "application/json", model.export_settings());
        outcome_ = "Saved " + name + " to your downloads.";
        failed_ = false;
    }
    note_item("settings:export");
}

void SettingsFileWindow::draw_import(AppModel& model, UiPlatform& platform) {
    if (ImGui::Button("Choose a settings file...")) platform.open_settings_file_picker();
    note_item("settings:choose");
    if (!chosen_) return;
    ImGui::SameLine();
    ImGui::Text("%s (%s bytes)", chosen_->name.c_str(), format_count(static_cast<int64_t>(chosen_->text.size())).c_str());
    if (ImGui::RadioButton("Merge into mine", !replace_)) replace_ = false;
    note_item("settings:merge");
    ImGui::SameLine();
    if (ImGui::RadioButton("Replace mine", replace_)) replace_ = true;
    note_item("settings:replace");
    ImGui::TextDisabled(replace_ ? "Each part the file holds takes the place of yours; parts it leaves out stay."
                                 : "The file's entries join yours; one named like yours takes its place.");
    if (ImGui::Button("Import")) {
        const std::string error =
            model.import_settings(chosen_->text, replace_ ? SettingsImportMode::Replace : SettingsImportMode::Merge);
        failed_ = !error.empty();
        outcome_ = failed_ ? chosen_->name + " was not imported and nothing changed: " + error
                           : "Imported " + chosen_->name + ". You now have " + holdings(model) + ".";
        if (!failed_) chosen_.reset();
    }
    note_item("settings:import");
}

} // namespace sightline
