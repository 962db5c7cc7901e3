// File > Export CSV...: the export's options (all fields, the raw record, a BOM for Excel,
// comma or semicolon), what it will write (rows, columns), Export, then a progress bar with
// Cancel while the job runs between frames, and how it ended. The file goes to the platform's
// download (CsvExportSession::set_downloads), a chunk at a time.
#pragma once

#include "panel.h"
#include "app/app_model.h"

namespace sightline {

class CsvExportPanel : public MenuWindow {
public:
    const char* title() const override { return "Export CSV"; }
    void draw(AppModel& model, UiPlatform& platform) override;

private:
    void draw_options(AppModel& model);
    void draw_progress(AppModel& model, const CsvExportJob& job);
    void draw_outcome(const CsvExportOutcome& outcome);

    std::string start_error_;
};

} // namespace sightline
