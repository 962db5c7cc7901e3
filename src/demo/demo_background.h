// The everyday traffic of the demo tenant: sessions of people signing in and working in their
// apps, weighted to office hours and weekdays in each office's time zone, from the office, from
// home, over the VPN, on phones and on business trips, with a little password-spray noise.
#pragma once

#include "demo/demo_generator.h"
#include "demo/demo_random.h"

#include <vector>

namespace sightline::demo {

// Exactly options.activity_count activities within the `days` before end_time_ms, unsorted.
std::vector<Activity> background_activities(const DemoOptions& options, DemoRandom& rng);

} // namespace sightline::demo
