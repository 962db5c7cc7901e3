// The C functions wasm/js/ip_location_loading.js calls to hand the page's fetched IP location
// asset to the model: the page asks whether the data needs it (sl_ip_location_claim), fetches
// ip-location.bin from its own folder, writes the bytes straight into a buffer the table then
// keeps (sl_ip_location_buffer, sl_ip_location_commit: 16 MB, copied once), or reports the
// failure. Plus the page's ipLocation() and locateIp() extras.
#include "api/activity_json.h"
#include "browser_app.h"
#include "enrich/ip_location_fill.h"
#include "ip_location_page.h"

#include <emscripten.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace sightline {

void note_ip_location_availability(AppModel& model) {
#ifdef SIGHTLINE_SINGLE_FILE_PAGE
    model.set_ip_location_unavailable(IpLocationSource::State::Off,
                                      "IP enrichment is off in the single-file page: it cannot fetch ip-location.bin. "
                                      "Serve the build/web folder to have countries and ISPs filled in.");
#else
    (void)model;
#endif
}

} // namespace sightline

namespace {

sightline::AppModel& model() { return sightline::BrowserApp::instance()->model(); }
std::vector<std::byte> g_pending; // the asset's bytes while the page writes them
std::string g_last_result;

} // namespace

extern "C" {

// 1 when the page should fetch the asset now (the model then counts it as loading), else 0.
EMSCRIPTEN_KEEPALIVE int sl_ip_location_claim() {
    if (!model().ip_location_wanted()) return 0;
    model().set_ip_location_unavailable(sightline::IpLocationSource::State::Loading, "");
    return 1;
}

// Where the page writes `size` bytes of the asset.
EMSCRIPTEN_KEEPALIVE std::byte* sl_ip_location_buffer(double size) {
    g_pending.assign(static_cast<size_t>(size), std::byte{0});
    return g_pending.data();
}

// The written bytes become the model's table; "" or why the asset was refused.
EMSCRIPTEN_KEEPALIVE const char* sl_ip_location_commit() {
    sightline::IpLocationTableParse parsed = sightline::IpLocationTable::adopt(std::move(g_pending));
    g_pending = {};
    if (parsed.table) {
        model().set_ip_location_table(std::make_shared<const sightline::IpLocationTable>(std::move(*parsed.table)));
        g_last_result.clear();
    } else {
        model().set_ip_location_unavailable(sightline::IpLocationSource::State::Failed, parsed.error);
        g_last_result = parsed.error;
    }
    sightline::BrowserApp::instance()->wake();
    return g_last_result.c_str();
}

// The fetch failed (offline folder without the asset, a server error): not tried again.
EMSCRIPTEN_KEEPALIVE void sl_ip_location_failed(const char* why) {
    g_pending = {};
    model().set_ip_location_unavailable(sightline::IpLocationSource::State::Failed, why);
    sightline::BrowserApp::instance()->wake();
}

// {"state", "note", "provenance", "bytes"}: ipLocation().
EMSCRIPTEN_KEEPALIVE const char* sl_ip_location_status() {
    const sightline::IpLocationSource& source = model().ip_location_source();
    const sightline::IpLocationTable* table = model().ip_location_table();
    g_last_result = R"({"state":)" + sightline::json_string(sightline::ip_location_state_name(source.state)) +
                    R"(,"note":)" + sightline::json_string(source.note) + R"(,"provenance":)" +
                    sightline::json_string(table ? table->provenance() : "") + R"(,"bytes":)" +
                    std::to_string(table ? table->size_bytes() : 0) + "}";
    return g_last_result.c_str();
}

// {"ip", "country", "asn", "isp"} of one address from the loaded table (locateIp()), or {"error"}.
EMSCRIPTEN_KEEPALIVE const char* sl_ip_location_lookup(const char* ip) {
    const sightline::IpLocationTable* table = model().ip_location_table();
    if (!table) {
        g_last_result = R"({"error":"the IP location is not loaded"})";
        return g_last_result.c_str();
    }
    const sightline::IpFill fill = sightline::fill_ip_location(*table, ip);
    g_last_result = R"({"ip":)" + sightline::json_string(ip) + R"(,"country":)" + sightline::json_string(fill.country) +
                    R"(,"asn":)" + std::to_string(fill.asn) + R"(,"isp":)" + sightline::json_string(fill.isp) + "}";
    return g_last_result.c_str();
}

} // extern "C"
