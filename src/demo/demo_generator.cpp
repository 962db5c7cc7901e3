// generate_demo_activities: background traffic plus the planted stories, from one seeded
// generator, sorted into the order a log is read in.
#include "demo/demo_generator.h"

#include "demo/demo_background.h"
#include "demo/demo_random.h"
#include "demo/demo_stories.h"

#include <algorithm>
#include <iterator>

namespace sightline {

std::vector<Activity> generate_demo_activities(const DemoOptions& options) {
    demo::DemoRandom rng(options.seed);
    std::vector<Activity> activities = demo::background_activities(options, rng);
    std::vector<Activity> stories = demo::planted_story_activities(options, rng);
    activities.insert(activities.end(), std::make_move_iterator(stories.begin()), std::make_move_iterator(stories.end()));
    // Ids are unique, so (time, id) is a total order and the result does not depend on the
    // sort algorithm's handling of ties.
    std::sort(activities.begin(), activities.end(), [](const Activity& a, const Activity& b) {
        return a.time_ms != b.time_ms ? a.time_ms < b.time_ms : a.id < b.id;
    });
    return activities;
}

} // namespace sightline
