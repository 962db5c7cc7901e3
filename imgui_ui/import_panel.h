// The import's two faces: a progress window while files are read (bytes, rows, rows/s, time
// left, Cancel), and the import report afterwards (per file: format, loaded, repaired,
// skipped, duplicates, and the first errors with their lines).
#pragma once

#include "app/app_model.h"

#include <cstdint>

namespace sightline {

class ImportPanel {
public:
    void draw(AppModel& model);
    void show_report() { report_open_ = true; }

private:
    void draw_progress(AppModel& model, const ImportJob& job);
    void draw_report(AppModel& model);

    double started_at_ = -1.0;
    bool report_open_ = false;
};

} // namespace sightline
