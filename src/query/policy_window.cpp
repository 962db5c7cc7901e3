// The repeated-activity window (query/policy_evaluation.h find_bursts). Written by hand: it
// is a two-pointer sweep with a multiset of counted keys, too small and specific for a library.
#include "query/policy_evaluation.h"
#include "text/word_match.h"

#include <string_view>
#include <unordered_map>

namespace sightline {
namespace {

// What one row adds to the window's measure: itself, its user, or each of its target objects.
class WindowMeasure {
public:
    explicit WindowMeasure(const RepeatedActivity& rule) : rule_(rule) {}

    void add(const PolicyEvaluation::Row& row) { change(row, +1); }
    void remove(const PolicyEvaluation::Row& row) { change(row, -1); }
    void clear() { rows_ = 0, keys_.clear(); }
    int64_t value() const {
        return rule_.unique_users || rule_.unique_targets ? static_cast<int64_t>(keys_.size()) : rows_;
    }

private:
    void change(const PolicyEvaluation::Row& row, int delta) {
        rows_ += delta;
        if (rule_.unique_users) count_key(lower_ascii(row.user), delta);
        else if (rule_.unique_targets)
            for (const std::string& object : row.objects) count_key(object, delta);
    }
    void count_key(const std::string& key, int delta) {
        if (key.empty()) return;
        int& n = keys_[key];
        n += delta;
        if (n <= 0) keys_.erase(key);
    }

    const RepeatedActivity& rule_;
    int64_t rows_ = 0;
    std::unordered_map<std::string, int> keys_;
};

} // namespace

// A burst opens on the first row whose window (the rows less than `minutes` before it) holds
// at least `min`, taking that whole window; it goes on while each next row's window still
// holds `min`, and closes at the first row whose window does not. That row starts afresh: no
// row counts towards two alerts.
std::vector<RowRange> find_bursts(const std::vector<const PolicyEvaluation::Row*>& rows, const RepeatedActivity& rule) {
    std::vector<RowRange> bursts;
    const int64_t window_ms = rule.minutes * 60000;
    WindowMeasure measure(rule);
    size_t start = 0;                  // the window's oldest row
    std::optional<RowRange> open;
    for (size_t j = 0; j < rows.size(); ++j) {
        measure.add(*rows[j]);
        while (rows[j]->time_ms - rows[start]->time_ms >= window_ms) measure.remove(*rows[start++]);
        const bool enough = measure.value() >= rule.min;
        if (open && enough) {
            open->end = j + 1;
        } else if (open) {
            bursts.push_back(*open);
            open.reset();
            measure.clear();
            start = j;
            measure.add(*rows[j]);
            if (measure.value() >= rule.min) open = RowRange{j, j + 1};  // min 1 (or one row with many targets)
        } else if (enough) {
            open = RowRange{start, j + 1};
        }
    }
    if (open) bursts.push_back(*open);
    return bursts;
}

} // namespace sightline
