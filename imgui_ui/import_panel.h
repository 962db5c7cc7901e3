// The import's two faces: a progress window while files are read (bytes, rows, rows/s, time
// left, Cancel), and the import report afterwards (per file: format, loaded, repaired,
// skipped, duplicates, and the first errors with their lines).
#pragma once

#include "panel.h"
#include "app/app_model.h"

#include <cstdint>

namespace sightline {

class ImportPanel : public Panel {
public:
    const char* title() const override { return "Import report"; }
    void draw(AppModel& model, UiPlatform& platform) override;
    // Shows the last import's report again (File > Last import report).
    void open() override { report_open_ = true; }

private:
    void draw_progress(AppModel& model, const ImportJob& job);
    void draw_report(AppModel& model);

    double started_at_ = -1.0;
    bool report_open_ = false;
};

} // namespace sightline
