// The five incidents planted in the demo data (see demo_story in demo_generator.h for their
// users, addresses and times), written as activities alongside the background traffic.
#pragma once

#include "demo/demo_generator.h"
#include "demo/demo_random.h"

#include <vector>

namespace sightline::demo {

// Every planted activity, unsorted. Times are fixed offsets before options.end_time_ms;
// only the ids depend on rng.
std::vector<Activity> planted_story_activities(const DemoOptions& options, DemoRandom& rng);

} // namespace sightline::demo
