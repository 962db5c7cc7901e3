// The insights the activity drawer's User and IP address tabs show for the opened activity:
// its user's and its IP address's (query/insights_job.h), worked out between frames so that
// the drawer's first frame after a click never waits for them; the tabs fill in when done.
#pragma once

#include "model/activity.h"
#include "query/insights_job.h"
#include "store/activity_store.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sightline {

class DrawerInsights {
public:
    // Below this many activities the SQL path is quick enough to run without the column copy;
    // above it a job waits for the copy (built between frames after each import).
    static constexpr int64_t kSqlWithoutCopyBelow = 50000;

    void open(const Activity& activity);
    void close();
    // One slice of work. Returns true when it did some (call again), false when it has none or
    // waits for the column copy. `finished` is set when a job completed in this slice.
    bool step(const ActivityStore& store, bool& finished);
    // Completes both now (the automation API and tests).
    void complete(const ActivityStore& store);

    const std::string& user() const { return user_; }
    const std::string& ip() const { return ip_; }
    // nullptr until the first slice; done() tells whether the counts are final.
    const InsightsJob* user_job() const { return user_job_ ? &*user_job_ : nullptr; }
    const InsightsJob* ip_job() const { return ip_job_ ? &*ip_job_ : nullptr; }

private:
    // Starts or restarts (after a write) the job for `value`; then one step of it.
    bool advance(const ActivityStore& store, std::optional<InsightsJob>& job, InsightSubject subject,
                 const std::string& value, bool& finished);

    bool open_ = false;
    std::string user_;
    std::string ip_;
    std::optional<InsightsJob> user_job_;
    std::optional<InsightsJob> ip_job_;
};

} // namespace sightline
