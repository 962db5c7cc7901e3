// The column-mapping dialog: shown while an import waits for the analyst because a file is in
// no known format. One combo per field picks its column (or none), beside a sample value; the
// preview shows the first rows as they would be imported; Import, Skip this file, Cancel.
// Everything it changes goes through AppModel commands; it keeps only the last error shown.
#pragma once

#include "panel.h"
#include "app/app_model.h"

#include <string>

namespace sightline {

class MappingDialog : public Panel {
public:
    const char* title() const override { return "Column mapping"; }
    void draw(AppModel& model, UiPlatform& platform) override;

private:
    enum class Action { None, Import, Skip, Cancel };
    struct Choice {
        std::string field, column;
        bool made = false;
    };

    void draw_contents(const AppModel& model, const MappingPrompt& prompt);
    void draw_field_table(const MappingPrompt& prompt);
    void draw_field_row(const MappingPrompt& prompt, std::string_view field, std::string_view label);
    void draw_preview(const MappingPrompt& prompt);
    void draw_buttons(const AppModel& model, const MappingPrompt& prompt);
    void apply(AppModel& model);

    // Commands run after drawing: they may close the prompt the widgets were drawn from.
    Action action_ = Action::None;
    Choice choice_;
    std::string error_; // the last command's refusal, shown until the next change
};

} // namespace sightline
