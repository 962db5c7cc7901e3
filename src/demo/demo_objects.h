// What a demo activity acts on and how Defender would describe it: picks the file, mail,
// role or record for an operation and writes the objects list and description text.
#pragma once

#include "demo/demo_catalog.h"
#include "demo/demo_random.h"
#include "demo/demo_record.h"

#include <string>

namespace sightline::demo {

// Fills event.objects and event.description from event.operation and event.app.
// `session_file` keeps the document a session is working on, so one session tends to view,
// edit and share the same file rather than a new one each step.
void describe_event(DemoEvent& event, const DemoUser& user, DemoRandom& rng, std::string& session_file);

// "Failed log on (Failure message: Invalid username or password)"
std::string failed_log_on_description(std::string_view failure_message);
// "Log on to Office 365"
std::string log_on_description(App app);

} // namespace sightline::demo
