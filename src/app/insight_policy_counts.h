// The insights' Open alerts and Matches (query/entity_insights.h), from the saved policies' last
// run (app/policy_workspace.h): the query layer that counts the rest knows no policies.
#pragma once

#include "app/policy_workspace.h"
#include "query/entity_insights.h"
#include "store/activity_store.h"

#include <cstdint>
#include <string_view>

namespace sightline {

struct PolicyCounts {
    int64_t open_alerts = 0; // open alerts about the subject whose activities reach into the window
    int64_t matches = 0;     // the subject's activities in the window that some policy matched
};

// `value`: the user (compared without case) or the IP address the insights are of; `window`
// as the insights computed it.
PolicyCounts policy_counts(const PolicyWorkspace& policies, const ActivityStore& store, InsightSubject subject,
                           std::string_view value, const InsightWindow& window);

// The same written into `insights`.
void add_policy_counts(const PolicyWorkspace& policies, const ActivityStore& store, EntityInsights& insights);

} // namespace sightline
