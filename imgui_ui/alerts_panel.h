// View > Alerts: the alerts of the saved policies (policy, severity, user, app, IP, first and
// last activity, count, status), filtered by text and status and sorted by any column; the
// selected alert's status (open, dismissed with a reason, resolved) and comment, and a button
// that filters the log to its activities. Every change is a command on PolicyWorkspace.
#pragma once

#include "panel.h"
#include "app/app_model.h"

#include <string>

namespace sightline {

class AlertsPanel : public MenuWindow {
public:
    const char* title() const override { return "Alerts"; }
    void draw(AppModel& model, UiPlatform& platform) override;
    Menu menu() const override { return Menu::View; }

private:
    void draw_table(AppModel& model);
    void draw_selected(AppModel& model);

    std::string search_;
    int status_shown_ = 0;        // 0 all, else AlertStatus + 1
    std::string selected_;        // alert id
    std::string edited_for_;      // the alert the form below was filled from
    int edit_status_ = 0;
    std::string edit_reason_, edit_comment_;
};

} // namespace sightline
