#include "about_window.h"

#include "enrich/outdated_rules.h"
#include "item_locator.h"

#include "app/app_model.h"

#include <imgui.h>

#include <string>

namespace sightline {

namespace {

// What the About box says of the IP location in this page (app/ip_location_source.h).
std::string ip_location_line(const IpLocationSource& source) {
    switch (source.state) {
    case IpLocationSource::State::NotLoaded:
        return "Loaded from this page's folder (ip-location.bin) the first time your files have IP "
               "addresses without a country or ISP.";
    case IpLocationSource::State::Loading: return "Loading ip-location.bin from this page's folder...";
    case IpLocationSource::State::Ready:
        return "Loaded: " + std::string(source.table ? source.table->provenance() : "") + ".";
    case IpLocationSource::State::Failed: return "Not available: " + source.note;
    case IpLocationSource::State::Off: return source.note;
    }
    return {};
}

} // namespace

void AboutWindow::draw(AppModel& model, UiPlatform&) {
    if (!open_) return;
    ImGui::SetNextWindowSize(ImVec2(460, 0), ImGuiCond_Appearing);
    if (ImGui::Begin(title(), &open_, ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextUnformatted("Sightline: a private, offline activity-log analyser.");
        note_item("about:text");
        ImGui::TextWrapped("Your files are read inside this page and kept in its memory. "
                           "Nothing is uploaded: the page makes no request beyond its own files.");
        ImGui::Separator();
        ImGui::TextUnformatted("IP location data");
        // The ASN data's licence (CC BY 4.0) asks for this attribution, DB-IP's in these words.
        ImGui::TextWrapped("Countries: ip-location-db geo-whois-asn-country (CC0), from the five regional "
                           "internet registries. Autonomous systems and their organisations: ip-location-db asn, "
                           "CC BY 4.0, by RouteViews (routeviews.org), the NRO (nro.net) and DB-IP: "
                           "IP Geolocation by DB-IP (db-ip.com).");
        note_item("about:ip-location-credits");
        ImGui::TextWrapped("%s", ip_location_line(model.ip_location_source()).c_str());
        note_item("about:ip-location-state");
        if (ImGui::CollapsingHeader("Computed fields and user agent tags")) {
            ImGui::TextWrapped("Where an export leaves Browser, Operating system, Device type or the user agent tags "
                               "empty, Sightline parses the user agent with the regexes of uap-core (Apache License "
                               "2.0) and dates browser versions with caniuse-lite (CC BY 4.0); the details drawer "
                               "marks these values \"computed\". Values in the export always win.");
            ImGui::Spacing();
            ImGui::TextWrapped("%s", std::string(kOutdatedRuleText).c_str());
            note_item("about:outdated-rule");
        }
    }
    ImGui::End();
}

} // namespace sightline
