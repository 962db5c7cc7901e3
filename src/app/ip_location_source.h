// Where the app's offline IP location table (enrich/ip_location_table.h) stands. The page
// fetches the asset from its own folder the first time an import leaves rows without a country
// or ISP (the browser layer, wasm/); the single-file page cannot (its Content-Security-Policy
// allows no fetch) and says so; the CLI and the tests hand the table over from a file.
#pragma once

#include "enrich/ip_location_table.h"

#include <memory>
#include <string>
#include <string_view>

namespace sightline {

struct IpLocationSource {
    enum class State {
        NotLoaded, // nothing has needed it yet
        Loading,   // the page is fetching it
        Ready,     // table() answers
        Failed,    // the fetch or the asset failed: note() says why; not tried again
        Off,       // this build has none (the single-file page): note() says why
    };
    State state = State::NotLoaded;
    std::string note; // Failed or Off: the reason, for the About box and the page
    std::shared_ptr<const IpLocationTable> table;
};

// "not_loaded", "loading", "ready", "failed", "off": the names the page reports.
std::string_view ip_location_state_name(IpLocationSource::State state);

} // namespace sightline
