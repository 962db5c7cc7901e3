// Help > About Sightline: what the app is, the promise that nothing leaves the page, and the
// credits of the data it ships: the offline IP location's sources and their licences, and where
// that table stands in this page.
#pragma once

#include "panel.h"

namespace sightline {

class AboutWindow : public MenuWindow {
public:
    const char* title() const override { return "About Sightline"; }
    void draw(AppModel& model, UiPlatform& platform) override;
    Menu menu() const override { return Menu::Help; }
};

} // namespace sightline
