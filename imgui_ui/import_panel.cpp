#include "import_panel.h"

#include "item_locator.h"
#include "number_format.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace sightline {
namespace {

std::string megabytes(int64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
}

std::string seconds_text(double seconds) {
    char buf[32];
    if (seconds < 90) std::snprintf(buf, sizeof buf, "%.0f s", seconds);
    else std::snprintf(buf, sizeof buf, "%.0f min %02.0f s", seconds / 60 - 0.5, static_cast<double>(static_cast<int64_t>(seconds) % 60));
    return buf;
}

void centre_next_window(float width) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.4f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width * ImGui::GetFontSize() / 15.0f, 0), ImGuiCond_Appearing);
}

} // namespace

void ImportPanel::draw(AppModel& model, UiPlatform&) {
    if (const ImportJob* job = model.import_session().job()) {
        if (started_at_ < 0) started_at_ = ImGui::GetTime();
        if (!model.import_session().mapping_prompt()) draw_progress(model, *job); // the mapping dialog has the floor
    } else if (started_at_ >= 0) {
        started_at_ = -1.0;
        report_open_ = !model.import_session().last_reports().empty() || report_open_;
    }
    draw_report(model);
}

void ImportPanel::draw_progress(AppModel& model, const ImportJob& job) {
    const ImportProgress& p = job.progress();
    double elapsed = ImGui::GetTime() - started_at_;
    centre_next_window(520);
    ImGui::Begin("Importing", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    ImGui::Text("File %d of %d: %s", std::min(p.file_index + 1, p.file_count), p.file_count, p.file_name.c_str());
    float fraction = p.bytes_total > 0 ? static_cast<float>(p.bytes_done) / static_cast<float>(p.bytes_total) : 0.0f;
    std::string overlay = megabytes(p.bytes_done) + (p.bytes_total > 0 ? " of " + megabytes(p.bytes_total) : "");
    if (p.bytes_total > 0) ImGui::ProgressBar(std::clamp(fraction, 0.0f, 1.0f), ImVec2(-1, 0), overlay.c_str());
    else ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(-1, 0), overlay.c_str());
    double rate = elapsed > 0 ? static_cast<double>(p.rows) / elapsed : 0;
    std::string line = format_count(p.rows) + " rows  |  " + format_count(static_cast<int64_t>(rate)) + " rows/s  |  " +
                       seconds_text(elapsed) + " elapsed";
    if (fraction > 0.02f && fraction < 1.0f) line += "  |  about " + seconds_text(elapsed / fraction - elapsed) + " left";
    ImGui::TextUnformatted(line.c_str());
    bool cancelling = model.import_session().cancel_requested();
    if (cancelling) ImGui::BeginDisabled();
    if (ImGui::Button(cancelling ? "Cancelling..." : "Cancel")) model.import_session().request_cancel();
    note_item("import:cancel");
    if (cancelling) ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("Cancel leaves the loaded activities as they were.");
    ImGui::End();
}

void ImportPanel::draw_report(AppModel& model) {
    if (!report_open_) return;
    centre_next_window(640);
    if (!ImGui::Begin("Import report", &report_open_, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    if (model.import_session().last_replaced_demo())
        ImGui::TextWrapped("The demo data was removed: the activity log now holds only your files.");
    for (const FileImportReport& r : model.import_session().last_reports()) {
        ImGui::Separator();
        ImGui::Text("%s", r.name.c_str());
        ImGui::TextDisabled("Format: %s", r.format.empty() ? "unknown" : r.format.c_str());
        ImGui::Text("%s loaded, %s repaired, %s skipped, %s duplicates", format_count(r.rows).c_str(),
                    format_count(r.repaired).c_str(), format_count(r.skipped).c_str(),
                    format_count(r.duplicates).c_str());
        if (!r.fatal_error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.5f, 1.0f));
            ImGui::TextWrapped("%s", r.fatal_error.c_str());
            ImGui::PopStyleColor();
        }
        for (const ImportIssue& issue : r.errors) {
            if (issue.line > 0) ImGui::TextWrapped("line %lld: %s", static_cast<long long>(issue.line), issue.message.c_str());
            else ImGui::TextWrapped("%s", issue.message.c_str());
        }
        if (r.issue_count > static_cast<int64_t>(r.errors.size()))
            ImGui::TextDisabled("... and %s more", format_count(r.issue_count - static_cast<int64_t>(r.errors.size())).c_str());
    }
    ImGui::End();
}

} // namespace sightline
