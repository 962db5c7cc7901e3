#include "query/entity_insights.h"

namespace sightline {

InsightWindow insight_window(std::optional<int64_t> newest_time_ms) {
    if (!newest_time_ms) return {};
    return {*newest_time_ms - kInsightDays * kInsightDayMs, *newest_time_ms, false};
}

} // namespace sightline
