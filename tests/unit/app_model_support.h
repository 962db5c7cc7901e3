// Helpers the app-model tests share.
#pragma once

#include "app/app_model.h"

#include <cstdint>

namespace sightline::testing {

// The table's exact row count: the view reads its ids in slices, so finish them first.
inline int64_t visible(AppModel& model) {
    model.complete_view();
    return model.log().view().size();
}

} // namespace sightline::testing
