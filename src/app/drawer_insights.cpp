#include "app/drawer_insights.h"

namespace sightline {

void DrawerInsights::open(const Activity& activity) {
    const bool same = open_ && activity.user == user_ && activity.ip == ip_;
    open_ = true;
    if (same) return; // the same user and address: the counts stand
    user_ = activity.user;
    ip_ = activity.ip;
    user_job_.reset();
    ip_job_.reset();
}

void DrawerInsights::close() {
    open_ = false;
    user_.clear();
    ip_.clear();
    user_job_.reset();
    ip_job_.reset();
}

bool DrawerInsights::advance(const ActivityStore& store, std::optional<InsightsJob>& job, InsightSubject subject,
                             const std::string& value, bool& finished) {
    if (job && job->still_holds() && job->done()) return false;
    if (!job || job->stale()) {
        if (!store.columns() && store.count() >= kSqlWithoutCopyBelow) {
            job.reset(); // a stale answer is not shown while the copy is rebuilt
            return false;
        }
        job.emplace(store, subject, value);
        if (job->done()) finished = true;
        return true; // making the job (deciding each distinct value) was this slice
    }
    job->step();
    if (job->done()) finished = true;
    return true;
}

bool DrawerInsights::step(const ActivityStore& store, bool& finished) {
    finished = false;
    if (!open_) return false;
    if (advance(store, user_job_, InsightSubject::User, user_, finished)) return true;
    return advance(store, ip_job_, InsightSubject::Ip, ip_, finished);
}

void DrawerInsights::complete(const ActivityStore& store) {
    if (!open_) return;
    for (auto* job : {&user_job_, &ip_job_}) {
        const bool is_user = job == &user_job_;
        if (!*job || !(*job)->still_holds()) job->emplace(store, is_user ? InsightSubject::User : InsightSubject::Ip, is_user ? user_ : ip_);
        (*job)->run_to_end();
    }
}

} // namespace sightline
