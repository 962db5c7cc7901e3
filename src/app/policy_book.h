// What the analyst keeps of policies between visits: the saved policies and the status of
// each alert they raised (open, dismissed with an optional reason, resolved; a comment). The
// browser layer writes to_json() to localStorage whenever revision() moves. Alerts are keyed
// by their stable id (query/policy_evaluation.h), so a status survives the same data being
// loaded again.
#pragma once

#include "filter/activity_policy.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

enum class AlertStatus { Open, Dismissed, Resolved };
std::string_view alert_status_name(AlertStatus status);  // "open", "dismissed", "resolved"
bool parse_alert_status(std::string_view name, AlertStatus& out);

struct AlertState {
    AlertStatus status = AlertStatus::Open;
    std::string reason;   // why it was dismissed
    std::string comment;
};

class PolicyBook {
public:
    // Saves a new policy or replaces the one with the same name (compared ignoring ASCII case).
    void save(ActivityPolicy policy);
    // An error message when no policy has that name, else empty.
    std::string remove(std::string_view name);
    const ActivityPolicy* find(std::string_view name) const;
    const std::vector<ActivityPolicy>& list() const { return policies_; }  // sorted by name, ignoring case

    AlertState alert_state(const std::string& alert_id) const;
    void set_alert_state(const std::string& alert_id, AlertState state);

    // {"version": 1, "policies": [policy, ...], "alerts": {id: {status, reason, comment}}}
    std::string to_json() const;
    // Restores what storage holds; returns what could not be restored (a bad entry is left
    // out and named while the others load). Not a change.
    std::string restore(std::string_view json);
    // Adds `other`'s policies and alert statuses; a policy with the name of one of these takes
    // its place (a settings import). A change.
    void merge(const PolicyBook& other);
    // Takes `other`'s policies and alert statuses in place of these (a settings import that
    // replaces). A change: the revision moves on from this book's, never back to `other`'s.
    void replace_with(PolicyBook other);

    uint64_t revision() const { return revision_; }

private:
    std::vector<ActivityPolicy> policies_;
    std::map<std::string, AlertState> alerts_;
    uint64_t revision_ = 0;
};

} // namespace sightline
