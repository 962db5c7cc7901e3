#include "insights_tabs.h"

#include "filter/filter_edit.h"
#include "item_locator.h"
#include "number_format.h"
#include "util/time_format.h"
#include "value_actions.h"
#include "world_map.h"

#include <imgui.h>

#include <map>
#include <string>
#include <vector>

namespace sightline {
namespace {

constexpr int kListRows = 8;

std::string day_text(int64_t ms) { return format_iso8601_utc(ms).substr(0, 10); }
std::string minute_text(int64_t ms) { return format_iso8601_utc(ms).substr(0, 16).replace(10, 1, " "); }

// The job's answer when it is final (app/drawer_insights.h drops an answer the data no longer
// holds); otherwise nullptr.
const EntityInsights* finished(const InsightsJob* job) { return job && job->done() ? &job->insights() : nullptr; }

// One line, counting or done, so that nothing below it moves when the counts arrive.
void draw_window(const EntityInsights* in, const InsightsJob* job) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (!in)
        ImGui::TextWrapped("Counting the last %d days... %d%%", kInsightDays,
                           job ? static_cast<int>(job->progress() * 100) : 0);
    else if (in->window.empty)
        ImGui::TextWrapped("Nothing is loaded.");
    else
        ImGui::TextWrapped("Last %d days before the newest loaded activity: %s to %s UTC", kInsightDays,
                           minute_text(in->window.start_ms).c_str(), minute_text(in->window.end_ms).c_str());
    ImGui::PopStyleColor();
}

// One count of a tab's row of counts; `tip` explains it on hover (nullptr: nothing to explain).
struct Count {
    const char* label;
    int64_t value;
    const char* tip = nullptr;
};
constexpr const char* kOpenAlertsTip = "Open alerts of the saved policies (View > Alerts) whose activities reach into these days";
constexpr const char* kMatchesTip = "Activities in these days that a saved policy matched (View > Policies)";

// `id` names the table: two tables of one id in a frame break ImGui's state (the tab bar's ids).
void draw_counts(const char* id, const std::vector<Count>& counts) {
    if (!ImGui::BeginTable(id, static_cast<int>(counts.size()), ImGuiTableFlags_BordersInnerV)) return;
    for (const Count& count : counts) {
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", count.label);
        if (count.tip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", count.tip);
        ImGui::Text("%s", format_count(count.value).c_str());
        note_item(std::string("insights:count:") + count.label);
    }
    ImGui::EndTable();
}

void draw_daily(const EntityInsights& in) {
    if (in.daily.empty()) return;
    std::vector<float> values;
    float most = 1;
    for (const DayCount& d : in.daily) {
        values.push_back(static_cast<float>(d.count));
        most = std::max(most, values.back());
    }
    ImGui::TextDisabled("Activities per day (UTC)");
    ImGui::PlotHistogram("##daily", values.data(), static_cast<int>(values.size()), 0, nullptr, 0.0f, most * 1.1f,
                         ImVec2(ImGui::GetContentRegionAvail().x, 4.5f * ImGui::GetFontSize()));
    note_item("insights:daily");
    if (ImGui::IsItemHovered()) {
        const float t = (ImGui::GetIO().MousePos.x - ImGui::GetItemRectMin().x) / ImGui::GetItemRectSize().x;
        const size_t i = std::min(values.size() - 1, static_cast<size_t>(std::max(0.0f, t) * static_cast<float>(values.size())));
        ImGui::SetTooltip("%s: %s activities", day_text(in.daily[i].day_ms).c_str(), format_count(in.daily[i].count).c_str());
    }
    ImGui::TextDisabled("%s", day_text(in.daily.front().day_ms).c_str());
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("0000-00-00").x);
    ImGui::TextDisabled("%s", day_text(in.daily.back().day_ms).c_str());
}

// The places on the map: one marker per country, its cities in the tooltip.
void draw_places_map(const EntityInsights& in, const char* id) {
    std::map<std::string, MapMarker> by_country;
    for (const PlaceCount& p : in.locations) {
        MapMarker& m = by_country[p.country];
        m.country = p.country;
        m.count += p.count;
        if (!m.detail.empty()) m.detail += "\n";
        m.detail += (p.city.empty() ? std::string("(no city)") : p.city) + ": " + format_count(p.count);
    }
    std::vector<MapMarker> markers;
    for (auto& [code, m] : by_country) markers.push_back(std::move(m));
    draw_world_map(id, markers, ImGui::GetContentRegionAvail().x);
}

// The subject's condition plus `field` = value: the log narrowed to one row of a list.
ActivityFilter pivot(std::string_view subject_field, const std::string& subject, std::string_view field,
                     const std::string& value) {
    ActivityFilter f = with_top_level_values({}, subject_field, FilterOp::Eq, {subject});
    return with_top_level_values(std::move(f), field, FilterOp::Eq, {value});
}

void draw_list(AppModel& model, UiPlatform& platform, const char* title, std::string_view field,
               const std::vector<ValueCount>& counts, std::string_view subject_field, const std::string& subject) {
    ImGui::TextDisabled("%s (%s)", title, format_count(static_cast<int64_t>(counts.size())).c_str());
    if (counts.empty() || !ImGui::BeginTable(title, 2, ImGuiTableFlags_RowBg)) return;
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("count", ImGuiTableColumnFlags_WidthFixed, 5 * ImGui::GetFontSize());
    for (size_t i = 0; i < counts.size() && i < static_cast<size_t>(kListRows); ++i) {
        const ValueCount& c = counts[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(c.value.c_str())) model.log().set_filter(pivot(subject_field, subject, field, c.value));
        note_item("insights:" + std::string(field) + ":" + c.value);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show these activities in the log");
        value_context_menu(model, platform, field, {c.value}, c.value);
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::Text("%s", format_count(c.count).c_str());
    }
    ImGui::EndTable();
    if (counts.size() > static_cast<size_t>(kListRows))
        ImGui::TextDisabled("and %s more", format_count(static_cast<int64_t>(counts.size()) - kListRows).c_str());
}

void draw_places_list(const EntityInsights& in) {
    ImGui::TextDisabled("Locations (%s)", format_count(static_cast<int64_t>(in.locations.size())).c_str());
    for (size_t i = 0; i < in.locations.size() && i < static_cast<size_t>(kListRows); ++i) {
        const PlaceCount& p = in.locations[i];
        ImGui::BulletText("%s%s%s: %s", p.city.c_str(), p.city.empty() ? "" : ", ", p.country.empty() ? "?" : p.country.c_str(),
                          format_count(p.count).c_str());
    }
}

bool filter_button(AppModel& model, const char* label, const char* name, std::string_view field, const std::string& value) {
    if (value.empty()) ImGui::BeginDisabled();
    const bool clicked = ImGui::Button(label);
    note_item(name);
    if (value.empty()) ImGui::EndDisabled();
    if (clicked) model.log().set_filter(with_top_level_values({}, field, FilterOp::Eq, {value}));
    return clicked;
}

} // namespace

void draw_user_insights_tab(AppModel& model, UiPlatform& platform, const Activity& a) {
    if (a.user.empty()) {
        ImGui::TextDisabled("This activity names no user.");
        return;
    }
    const InsightsJob* job = model.drawer_insights().user_job();
    const EntityInsights* in = finished(job);
    ImGui::Text("%s", in ? in->spelling.c_str() : a.user.c_str());
    filter_button(model, "Filter by this user", "insights:filter-user", "user", a.user);
    draw_window(in, job);
    if (!in) return;
    const PolicyCounts policy = model.drawer_policy_counts(InsightSubject::User, a.user, in->window);
    draw_counts("activity-counts", {{"Open alerts", policy.open_alerts, kOpenAlertsTip},
                                     {"Matches", policy.matches, kMatchesTip},
                                     {"Activities", in->activities}});
    ImGui::TextDisabled("Connected from");
    draw_counts("connected-counts", {{"Countries", static_cast<int64_t>(in->countries.size())}, {"ISPs", static_cast<int64_t>(in->isps.size())},
                 {"IP addresses", static_cast<int64_t>(in->ips.size())}});
    draw_daily(*in);
    draw_places_map(*in, "user");
    draw_list(model, platform, "Countries", "country", in->countries, "user", a.user);
    draw_list(model, platform, "ISPs", "isp", in->isps, "user", a.user);
    draw_list(model, platform, "IP addresses", "ip", in->ips, "user", a.user);
}

namespace {

// Set as Corporate / VPN / Risky IP: one-address ranges (app/app_model_ip_ranges.cpp), applied
// to every activity from the address at once, and undoable. True when a range changed, and with
// it the drawer's activity.
bool draw_ip_range_actions(AppModel& model, const Activity& a) {
    static std::string error; // the last refusal, shown until the next action
    struct Action { const char* label; const char* category; const char* name; const char* tip; };
    static constexpr Action kActions[] = {
        {"Set as Corporate IP", "Corporate", "insights:set-corporate", "Your organisation's own address"},
        {"Set as VPN IP", "VPN", "insights:set-vpn", "Allowlist: your VPN's exit address"},
        {"Set as Risky IP", "Risky", "insights:set-risky", "Blocklist: an address you distrust"},
    };
    bool changed = false;
    for (const Action& action : kActions) {
        if (&action != kActions) ImGui::SameLine();
        const bool current = a.ip_category == action.category;
        if (current) ImGui::BeginDisabled();
        if (ImGui::Button(action.label)) {
            error = model.set_ip_as(a.ip, action.category);
            changed = true;
        }
        if (current) ImGui::EndDisabled();
        note_item(action.name);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", action.tip);
    }
    if (model.can_undo_ip_ranges()) {
        ImGui::SameLine();
        if (ImGui::Button("Undo")) {
            error = model.undo_ip_ranges();
            changed = true;
        }
        note_item("insights:undo-ip-range");
    }
    if (!error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.5f, 1.0f), "%s", error.c_str());
    // The model read the drawer's activity again (its new category): the caller's copy is gone.
    return changed;
}

} // namespace

void draw_ip_insights_tab(AppModel& model, UiPlatform& platform, const Activity& a) {
    if (a.ip.empty()) {
        ImGui::TextDisabled("This activity has no IP address.");
        return;
    }
    ImGui::Text("%s", a.ip.c_str());
    // Category and tags as the activity carries them (IP ranges will set them).
    if (!a.ip_category.empty()) draw_chip(a.ip_category, a.ip_category == "Risky");
    for (size_t i = 0; i < a.ip_tags.size(); ++i) {
        ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        draw_chip(a.ip_tags[i]);
        ImGui::PopID();
    }
    if (a.ip_category.empty() && a.ip_tags.empty()) ImGui::TextDisabled("No category or tags");
    ImGui::TextDisabled("Location:");
    ImGui::SameLine();
    ImGui::Text("%s%s%s", a.city.c_str(), a.city.empty() || a.country.empty() ? "" : ", ", a.country.c_str());
    ImGui::TextDisabled("ISP:");
    ImGui::SameLine();
    ImGui::Text("%s", a.isp.empty() ? "-" : a.isp.c_str());
    filter_button(model, "Filter by this IP address", "insights:filter-ip", "ip", a.ip);
    if (draw_ip_range_actions(model, a)) return; // the opened activity was read again: `a` is gone
    const InsightsJob* job = model.drawer_insights().ip_job();
    const EntityInsights* in = finished(job);
    draw_window(in, job);
    if (!in) return;
    const PolicyCounts policy = model.drawer_policy_counts(InsightSubject::Ip, a.ip, in->window);
    draw_counts("ip-counts", {{"Open alerts", policy.open_alerts, kOpenAlertsTip},
                              {"Activities", in->activities},
                              {"Admin activities", in->admin_activities}});
    draw_daily(*in);
    draw_places_map(*in, "ip");
    draw_list(model, platform, "Users", "user", in->users, "ip", a.ip);
    draw_places_list(*in);
}

} // namespace sightline
