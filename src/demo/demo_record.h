// Turns one chosen demo event (who, what, where, with which client, when) into an Activity:
// the canonical fields, a GUID-like id, and the raw record in the shape of Defender for Cloud
// Apps' Activities API, so the demo exercises the same drawer and free-text search as real data.
#pragma once

#include "demo/demo_catalog.h"
#include "demo/demo_random.h"
#include "model/activity.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::demo {

struct DemoEvent {
    int64_t time_ms = 0;
    App app = Office365;
    const DemoOperation* operation = nullptr; // must be set
    std::string_view user;
    const NetworkPlace* place = nullptr;      // must be set
    AgentId agent = ChromeWindows;
    std::vector<std::string> objects;
    std::string description;
    std::string failure_message;              // empty when the activity succeeded
};

// Draws the activity's id from rng, so ids follow the generator's seed.
Activity make_demo_activity(const DemoEvent& event, DemoRandom& rng);

} // namespace sightline::demo
