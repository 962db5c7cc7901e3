// What mapping one record into an activity found: whether to keep it, whether it was repaired,
// and the issue to report for it.
#pragma once

#include <string>
#include <string_view>

namespace sightline {

struct RecordOutcome {
    bool skip = false;     // the record cannot become an activity; `message` says why
    bool repaired = false; // kept after fixing its shape
    std::string message;   // issue to report for this record, "" when none

    void note(std::string_view text) {
        if (!message.empty()) message += "; ";
        message += text;
    }
    void reject(std::string_view text) {
        skip = true;
        note(text);
    }
};

} // namespace sightline
