// The matched_policies field's side table, as the saved policies' runs write it
// (app/policy_workspace.h): the store's statements, so that the app layer runs no SQL itself.
#pragma once

#include "store/activity_store.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <set>
#include <span>
#include <string>
#include <string_view>

namespace sightline {

// Takes every value in `names` out of matched_policies, in one savepoint.
void remove_matched_policies(ActivityStore& store, const std::set<std::string>& names);

// Adds `name` to the activities rowids[from...], in one savepoint, asking `out_of_time` after
// every 1,024th row; returns the index of the first row not written (rowids.size() when done).
size_t add_matched_policy(ActivityStore& store, std::string_view name, std::span<const int64_t> rowids, size_t from,
                          const std::function<bool()>& out_of_time);

} // namespace sightline
