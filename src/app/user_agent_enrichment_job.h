// User-agent enrichment of the stored activities (issue 16): after an import, every activity
// with a user agent whose export left Browser, Operating system, Device type or the user agent
// tags empty gets them computed (enrich/), written only into the empty fields and marked
// computed (store/user_agent_fills.h). It runs a slice at a time between frames, so the log is
// browsable at once and the fields fill in; the parser's regexes compile in slices too. Each
// distinct user agent is parsed once (enrich/user_agent_cache.h), and the cache outlives a run.
#pragma once

#include "enrich/user_agent_cache.h"
#include "store/activity_store.h"

#include <cstdint>
#include <memory>
#include <string>

namespace sightline {

class UserAgentEnrichmentJob {
public:
    // Starts over on every stored activity: after an import or the demo. The rows already
    // filled are skipped by the store's reading (their fields are no longer empty).
    void start(const ActivityStore& store);
    void stop() { running_ = false; }
    bool running() const { return running_; }

    // Works for about budget_ms; true while work remains. The caller makes sure no read
    // statement is open (the store is written).
    bool step(ActivityStore& store, double budget_ms);
    // Runs to the end now: the CLI, the tests, the automation API's exact answers.
    void complete(ActivityStore& store);

    // "Reading user agents (42%)" while running, or empty.
    std::string status() const;
    int64_t activities_filled() const { return filled_; }
    size_t distinct_user_agents() const { return cache_ ? cache_->size() : 0; }

    // Rows read a slice: small enough that a slice stays within a frame's budget.
    static constexpr int64_t kRowsPerRead = 2048;

private:
    std::unique_ptr<UserAgentCache> cache_;
    bool running_ = false;
    int64_t after_rowid_ = 0, last_rowid_ = 0;
    int64_t filled_ = 0;
};

} // namespace sightline
