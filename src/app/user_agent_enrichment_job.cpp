#include "app/user_agent_enrichment_job.h"

#include "enrich/outdated_rules.h"
#include "enrich/user_agent_facts.h"
#include "store/user_agent_fills.h"

#include <chrono>
#include <vector>

namespace sightline {

void UserAgentEnrichmentJob::start(const ActivityStore& store) {
    if (!cache_) cache_ = std::make_unique<UserAgentCache>(UserAgentParser::Compile::Later);
    after_rowid_ = 0;
    last_rowid_ = store.last_rowid();
    running_ = last_rowid_ > 0;
}

bool UserAgentEnrichmentJob::step(ActivityStore& store, double budget_ms) {
    if (!running_) return false;
    using Clock = std::chrono::steady_clock;
    const auto deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(budget_ms));
    // The parser's regexes first, a chunk (some milliseconds) at a time.
    while (cache_->parser().compile_step())
        if (Clock::now() >= deadline) return true;
    while (after_rowid_ < last_rowid_) {
        const int64_t through = std::min(after_rowid_ + kRowsPerRead, last_rowid_);
        const std::vector<UserAgentGap> gaps = read_user_agent_gaps(store, after_rowid_, through);
        std::vector<UserAgentFacts> facts;
        facts.reserve(gaps.size());
        std::vector<UserAgentFill> fills;
        fills.reserve(gaps.size());
        // A window of new user agents can take long to parse (a cold DFA): the clock is read
        // every 64 rows, and the window ends early at the deadline.
        int64_t done_through = through;
        for (size_t i = 0; i < gaps.size(); ++i) {
            const UserAgentGap& gap = gaps[i];
            if ((i & 63) == 63 && Clock::now() >= deadline) {
                done_through = gaps[i - 1].rowid;
                break;
            }
            const ParsedUserAgent& parsed = cache_->parsed(gap.user_agent);
            const UserAgentFacts& f =
                facts.emplace_back(user_agent_facts(parsed, gap.user_agent, day_of_epoch_ms(gap.time_ms)));
            UserAgentFill fill;
            fill.rowid = gap.rowid;
            if (gap.lacks_browser) fill.browser = f.browser;
            if (gap.lacks_os) fill.os = f.os;
            if (gap.lacks_device_type) fill.device_type = f.device_type;
            if (gap.lacks_ua_tags) fill.ua_tags = f.tags;
            if (!fill.browser.empty() || !fill.os.empty() || !fill.device_type.empty() || !fill.ua_tags.empty())
                fills.push_back(std::move(fill));
        }
        if (!fills.empty()) write_user_agent_fills(store, fills);
        filled_ += static_cast<int64_t>(fills.size());
        after_rowid_ = done_through;
        if (Clock::now() >= deadline) break;
    }
    running_ = after_rowid_ < last_rowid_;
    return running_;
}

void UserAgentEnrichmentJob::complete(ActivityStore& store) {
    while (step(store, 1e9)) {
    }
}

std::string UserAgentEnrichmentJob::status() const {
    if (!running_) return {};
    if (!cache_->parser().compiled()) return "Preparing the user-agent parser";
    const int64_t percent = last_rowid_ > 0 ? after_rowid_ * 100 / last_rowid_ : 0;
    return "Reading user agents (" + std::to_string(percent) + "%)";
}

} // namespace sightline
