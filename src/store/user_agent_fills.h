// The store's side of user-agent enrichment (app/user_agent_enrichment_job.h): which activities
// have a user agent but lack fields it gives, and writing what was computed into exactly the
// fields the export left empty, with their `computed` mark (store/computed_fields.h). The app
// layer runs no SQL of its own.
#pragma once

#include "store/activity_store.h"
#include "store/computed_fields.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// An activity with a user agent and at least one of these empty. Tags are only computed where
// the export did no user-agent analysis of its own (no browser, no OS, no tags): a Defender
// export's empty tags are its answer, not a gap.
struct UserAgentGap {
    int64_t rowid = 0;
    int64_t time_ms = 0;
    std::string user_agent;
    bool lacks_browser = false, lacks_os = false, lacks_device_type = false, lacks_ua_tags = false;
};

// The gaps with after_rowid < rowid <= through_rowid, in rowid order: a window of rowids rather
// than a count, so that a slice of a log with no gaps still reads a bounded number of rows. The
// statement is finished when this returns, so the caller may write next.
std::vector<UserAgentGap> read_user_agent_gaps(const ActivityStore& store, int64_t after_rowid, int64_t through_rowid);

struct UserAgentFill {
    int64_t rowid = 0;
    std::string_view browser, os, device_type; // "" leaves the field as it is
    std::vector<std::string_view> ua_tags;     // added only where the activity has none
};

// Writes `fills` in one savepoint, each value only into a field still empty, and marks those
// fields computed. The column copy follows (ActivityStore::rewrite_coded_fields). The caller
// makes sure no read statement is open.
void write_user_agent_fills(ActivityStore& store, std::span<const UserAgentFill> fills);

} // namespace sightline
