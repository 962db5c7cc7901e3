// One panel of the UI: a region of the main window (the filter bar, the timeline, the table)
// or a window of its own (the drawer, the import report, the SQL console, About). Each is
// drawn once a frame from the application model and turns clicks and keys into its commands.
// The shell (sightline_ui.h) keeps its windows in one list: it draws them in order and builds
// the View and Help menus from them, so a new window is one line there and nothing else.
#pragma once

namespace sightline {

class AppModel;
class UiPlatform;

class Panel {
public:
    // Where the shell offers to open a window; Nowhere for regions of the main window and
    // for windows the model opens (the drawer when an activity is opened, import progress).
    enum class Menu { Nowhere, View, Help };

    virtual ~Panel() = default;
    // The name the analyst sees: the window's title and its menu entry.
    virtual const char* title() const = 0;
    virtual void draw(AppModel& model, UiPlatform& platform) = 0;
    virtual Menu menu() const { return Menu::Nowhere; }
    // The analyst opened it from a menu (or from another panel's command).
    virtual void open() {}
    // The analyst unticked it in the View menu.
    virtual void close() {}
    // For a menu's check mark; regions and model-driven windows count as always open.
    virtual bool is_open() const { return true; }
};

// A window the analyst opens from a menu and closes with its title bar's x: it keeps whether
// it is open. draw() passes &open_ to ImGui::Begin.
class MenuWindow : public Panel {
public:
    void open() override { open_ = true; }
    void close() override { open_ = false; }
    bool is_open() const override { return open_; }

protected:
    bool open_ = false;
};

} // namespace sightline
