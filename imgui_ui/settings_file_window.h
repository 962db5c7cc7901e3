// File > Settings file...: everything the analyst configured (saved queries, IP ranges,
// policies with their alerts' statuses, remembered column mappings) exported as one JSON file,
// or imported from one a colleague shared, merged into the analyst's or in their place
// (AppModel::export_settings / import_settings; the format in app/settings_transfer.h).
#pragma once

#include "panel.h"
#include "ui_platform.h"

#include <optional>
#include <string>

namespace sightline {

class SettingsFileWindow final : public MenuWindow {
public:
    const char* title() const override { return "Settings file"; }
    void draw(AppModel& model, UiPlatform& platform) override;

private:
    void draw_export(AppModel& model, UiPlatform& platform);
    void draw_import(AppModel& model, UiPlatform& platform);

    std::optional<UiPlatform::ChosenTextFile> chosen_;
    bool replace_ = false;
    std::string outcome_;   // what the last import or export did
    bool failed_ = false;
};

} // namespace sightline
