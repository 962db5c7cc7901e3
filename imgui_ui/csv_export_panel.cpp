#include "csv_export_panel.h"

#include "item_locator.h"
#include "number_format.h"
#include "model/canonical_fields.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace sightline {
namespace {

std::string column_list(const CsvExportOptions& options) {
    if (options.all_fields) return "every field, under its canonical name";
    std::string out;
    for (const std::string& field : options.columns) {
        const std::optional<FieldInfo> info = find_field(field);
        out += (out.empty() ? "" : ", ") + std::string(info ? info->label : field);
    }
    return out;
}

std::string megabytes(int64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
}

} // namespace

void CsvExportPanel::draw(AppModel& model, UiPlatform&) {
    const CsvExportSession& session = model.csv_export();
    if (session.running()) open_ = true; // the progress stays on screen until the job ends
    if (!open_) return;
    // Height 0 every frame: the window fits what it shows (options, progress, the outcome).
    ImGui::SetNextWindowSize(ImVec2(560 * ImGui::GetFontSize() / 15.0f, 0), ImGuiCond_Always);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.35f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin("Export CSV", &open_, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    if (const CsvExportJob* job = session.job()) {
        draw_progress(model, *job);
    } else {
        draw_options(model);
        const bool empty = model.log().view().size() == 0 && model.log().view_complete();
        if (empty) ImGui::BeginDisabled();
        // The job selects its own rows, in slices: nothing here waits for a count.
        if (ImGui::Button("Export")) start_error_ = model.csv_export().start_download(model.csv_export().current_options(model.log()));
        note_item("export:start");
        if (empty) ImGui::EndDisabled();
        if (!start_error_.empty()) ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.5f, 1.0f), "%s", start_error_.c_str());
        else draw_outcome(session.outcome());
    }
    ImGui::End();
}

void CsvExportPanel::draw_options(AppModel& model) {
    CsvExportChoices& choices = model.csv_export().choices();
    ImGui::Checkbox("All fields (canonical names: Sightline re-imports the file without a mapping)", &choices.all_fields);
    note_item("export:all_fields");
    ImGui::Checkbox("Include the raw record", &choices.raw);
    note_item("export:raw");
    ImGui::Checkbox("UTF-8 byte order mark (for Excel)", &choices.bom);
    note_item("export:bom");
    ImGui::TextUnformatted("Separator:");
    ImGui::SameLine();
    if (ImGui::RadioButton("Comma", !choices.semicolon)) choices.semicolon = false;
    note_item("export:comma");
    ImGui::SameLine();
    if (ImGui::RadioButton("Semicolon", choices.semicolon)) choices.semicolon = true;
    note_item("export:semicolon");
    ImGui::Separator();
    const CsvExportOptions options = model.csv_export().current_options(model.log());
    const int64_t rows = model.log().view().size();
    ImGui::Text("%s%s activities: the activity log's filter, in its sort.", format_count(rows).c_str(),
                model.log().view_complete() ? "" : "+");
    note_item("export:rows");
    ImGui::TextWrapped("Columns: %s%s.", column_list(options).c_str(), options.raw ? ", the raw record" : "");
    ImGui::TextDisabled("Cells that a spreadsheet would run as a formula get a leading apostrophe.");
}

void CsvExportPanel::draw_progress(AppModel& model, const CsvExportJob& job) {
    if (job.selecting()) {
        ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(-1, 0), "Selecting the rows...");
    } else {
        const int64_t total = std::max<int64_t>(job.rows_total(), 1);
        const std::string overlay = format_count(job.rows_written()) + " of " + format_count(job.rows_total()) + " rows, " +
                                    megabytes(job.bytes_written());
        ImGui::ProgressBar(static_cast<float>(job.rows_written()) / static_cast<float>(total), ImVec2(-1, 0), overlay.c_str());
    }
    note_item("export:progress");
    if (ImGui::Button("Cancel")) model.csv_export().cancel();
    note_item("export:cancel");
    ImGui::SameLine();
    ImGui::TextDisabled("Cancel saves nothing.");
}

void CsvExportPanel::draw_outcome(const CsvExportOutcome& outcome) {
    if (outcome.done)
        ImGui::Text("Exported %s rows (%s) to %s.", format_count(outcome.rows).c_str(), megabytes(outcome.bytes).c_str(), CsvExportSession::kFileName);
    else if (outcome.cancelled)
        ImGui::TextUnformatted("Export cancelled: nothing was saved.");
    else if (!outcome.error.empty())
        ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.5f, 1.0f), "%s", outcome.error.c_str());
    else
        return;
    note_item("export:outcome");
}

} // namespace sightline
