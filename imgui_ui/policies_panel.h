// View > Policies: the saved activity policies, new ones from a template or from the log's
// current search, and the editor (app/policy_draft.h) with Preview over the loaded data and
// Save. Every button is a command on the model's PolicyWorkspace; clicking a previewed alert
// filters the log to its activities.
#pragma once

#include "panel.h"
#include "app/app_model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sightline {

class PoliciesPanel : public MenuWindow {
public:
    const char* title() const override { return "Policies"; }
    void draw(AppModel& model, UiPlatform& platform) override;
    Menu menu() const override { return Menu::View; }

private:
    void draw_list(AppModel& model);
    void draw_template_menu(AppModel& model);
    void draw_editor(AppModel& model);
    void draw_preview(AppModel& model);

    std::string template_note_;           // the chosen template's needs, and what the data lacks
    uint64_t missing_revision_ = ~0ull;   // the log revision the template notes were worked out for
    std::vector<std::string> template_missing_;  // per template, "" when the data has its fields
};

} // namespace sightline
