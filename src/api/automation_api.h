// The automation API of shared/AUTOMATION.md, in the core: method name and JSON arguments in,
// JSON text out. The page's window.sightline wraps these calls in Promises; native tests and
// the CLI call them directly. Bad input never throws: it answers {"error": "..."} and leaves
// the model as it was.
#pragma once

#include "app/app_model.h"

#include <string>
#include <string_view>

namespace sightline {

class AutomationApi {
public:
    explicit AutomationApi(AppModel& model) : model_(model) {}

    // `arguments_json` is a JSON array of the call's arguments, e.g. `[{"limit": 5}]`.
    std::string call(std::string_view method, std::string_view arguments_json);

    // Whether a call only reads (status, query, values, ...): the page need not draw after it.
    // A script polling status() every 50 ms otherwise had the page draw frames without pause,
    // each ~100 ms of CPU without a GPU, and the work between frames waited for them.
    static bool only_reads(std::string_view method);

private:
    AppModel& model_;
};

} // namespace sightline
