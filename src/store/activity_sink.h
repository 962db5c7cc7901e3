// Where an importer puts the activities it reads. In one thread that is the store itself
// (ActivityWriter); the page's parse worker puts them into ParsedRowsEncoder instead
// (import/parsed_rows.h), whose bytes the page's thread replays into the store.
#pragma once

#include "model/activity.h"
#include "store/kept_sources.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace sightline {

class ActivitySink {
public:
    virtual ~ActivitySink() = default;
    // Returns false when an activity with the same id is already stored (a duplicate); a sink
    // that cannot know says true, and the store counts duplicates when it replays the rows.
    // `raw`: the activity's original record (an importer passes its record text, which it does
    // not copy into activity.raw). `raw_kept`: where `raw` lies, byte for byte, in a source held
    // by hold_source(); the store then keeps that place instead of a copy.
    virtual bool insert(const Activity& activity, std::string_view raw, std::optional<KeptAt> raw_kept) = 0;
    // Takes a kept source (a file being read) into the store's care until no row lies in it.
    virtual void hold_source(uint32_t source) = 0;
};

} // namespace sightline
