#include "query/insights_job.h"

#include "filter/filter_edit.h"
#include "filter/filter_sql.h"
#include "query/case_variants.h"
#include "text/word_match.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace sightline {

ActivityFilter insights_filter(InsightSubject subject, std::string_view value) {
    ActivityFilter f = with_top_level_values({}, subject == InsightSubject::User ? "user" : "ip", FilterOp::Eq,
                                             {std::string(value)});
    return with_condition_added(std::move(f), {"time", FilterOp::LastDays, {std::to_string(kInsightDays)}});
}

namespace {

int64_t day_floor(int64_t ms) { return ms - ((ms % kInsightDayMs) + kInsightDayMs) % kInsightDayMs; }

// What both paths count, by text; the column path adds each code's count once at the end.
struct InsightsTally {
    explicit InsightsTally(const InsightWindow& window) : first_day_ms(day_floor(window.start_ms)) {
        if (!window.empty) daily.resize(static_cast<size_t>((day_floor(window.end_ms) - first_day_ms) / kInsightDayMs + 1));
    }
    void add_day(int64_t time_ms, int64_t n = 1) {
        const auto d = static_cast<size_t>((time_ms - first_day_ms) / kInsightDayMs);
        if (d < daily.size()) daily[d] += n;
    }

    int64_t first_day_ms;
    std::vector<int64_t> daily;
    int64_t activities = 0;
    int64_t admin = 0;
    ValueTally spellings, countries, isps, others;
    std::map<std::pair<std::string, std::string>, int64_t> places;

    void finish(EntityInsights& out) const {
        out.activities = activities;
        out.admin_activities = admin;
        const std::vector<ValueCount> seen = spellings.top(1);
        out.spelling = seen.empty() ? out.asked : seen.front().value;
        out.countries = countries.top(-1);
        out.isps = isps.top(-1);
        // Users and IPs compare without case (the eq filter's rule).
        (out.subject == InsightSubject::User ? out.ips : out.users) = merge_case_variants(others.top(-1), -1);
        out.locations.clear();
        for (const auto& [place, n] : places) out.locations.push_back({place.first, place.second, n});
        std::stable_sort(out.locations.begin(), out.locations.end(),
                         [](const PlaceCount& a, const PlaceCount& b) { return a.count > b.count; });
        out.daily.clear();
        for (size_t d = 0; d < daily.size(); ++d)
            out.daily.push_back({first_day_ms + static_cast<int64_t>(d) * kInsightDayMs, daily[d]});
    }
};

std::string_view subject_field(InsightSubject s) { return s == InsightSubject::User ? "user" : "ip"; }
std::string_view other_field(InsightSubject s) { return s == InsightSubject::User ? "ip" : "user"; }

} // namespace

// The column path: the window is positions [0, end) of the copy (newest first).
struct InsightsJob::ColumnScan {
    const CodedColumn& subject;
    const CodedColumn& other;
    const CodedColumn& country;
    const CodedColumn& city;
    const CodedColumn& isp;
    const std::vector<uint8_t>& admin;
    const std::vector<int64_t>& times;
    std::vector<uint8_t> is_subject; // by subject code: decided once per distinct value
    size_t next = 0;
    size_t end = 0;
    std::vector<int64_t> by_subject, by_other, by_country, by_isp;
    std::unordered_map<uint64_t, int64_t> by_place; // country code << 32 | city code
    InsightsTally tally;

    static std::unique_ptr<ColumnScan> make(const ActivityColumns& columns, InsightSubject s, std::string_view value,
                                            const InsightWindow& window) {
        const CodedColumn* subject = columns.coded(subject_field(s));
        const CodedColumn* other = columns.coded(other_field(s));
        const CodedColumn* country = columns.coded("country");
        const CodedColumn* city = columns.coded("city");
        const CodedColumn* isp = columns.coded("isp");
        const std::vector<uint8_t>* admin = columns.flags("admin");
        if (!subject || !other || !country || !city || !isp || !admin) return nullptr; // a column gave up
        auto scan = std::unique_ptr<ColumnScan>(
            new ColumnScan{*subject, *other, *country, *city, *isp, *admin, columns.times(), {}, 0, 0, {}, {}, {}, {}, {},
                           InsightsTally(window)});
        scan->is_subject.resize(subject->values().size());
        for (size_t code = 0; code < subject->values().size(); ++code)
            scan->is_subject[code] = equals_ci(subject->values()[code], value);
        const auto& t = columns.times();
        scan->end = window.empty ? 0 : static_cast<size_t>(std::partition_point(t.begin(), t.end(), [&](int64_t ms) {
            return ms >= window.start_ms;
        }) - t.begin());
        scan->by_subject.resize(subject->values().size());
        scan->by_other.resize(other->values().size());
        scan->by_country.resize(country->values().size());
        scan->by_isp.resize(isp->values().size());
        return scan;
    }

    bool step(size_t max_rows) {
        const size_t stop = std::min(end, next + max_rows);
        for (size_t p = next; p < stop; ++p) {
            const uint32_t s = subject.code_at(p);
            if (!is_subject[s]) continue;
            ++by_subject[s];
            ++by_other[other.code_at(p)];
            const uint32_t c = country.code_at(p);
            ++by_country[c];
            ++by_isp[isp.code_at(p)];
            ++by_place[uint64_t{c} << 32 | city.code_at(p)];
            tally.admin += admin[p];
            tally.add_day(times[p]);
        }
        next = stop;
        return next < end;
    }

    void finish(EntityInsights& out) {
        auto add_codes = [](ValueTally& to, const CodedColumn& column, const std::vector<int64_t>& counts) {
            for (size_t code = 0; code < counts.size(); ++code)
                if (counts[code] && !column.values()[code].empty()) to.add(column.values()[code], counts[code]);
        };
        for (int64_t n : by_subject) tally.activities += n;
        add_codes(tally.spellings, subject, by_subject);
        add_codes(tally.others, other, by_other);
        add_codes(tally.countries, country, by_country);
        add_codes(tally.isps, isp, by_isp);
        for (const auto& [key, n] : by_place) {
            const std::string& c = country.values()[key >> 32];
            const std::string& ci = city.values()[key & 0xffffffffu];
            if (!c.empty() || !ci.empty()) tally.places[{c, ci}] += n;
        }
        tally.finish(out);
    }
};

InsightsJob::InsightsJob(const ActivityStore& store, InsightSubject subject, std::string value, bool use_columns)
    : store_(&store), subject_(subject), value_(std::move(value)), generation_(store.data_generation()),
      key_(key_of(store)) {
    insights_.subject = subject_;
    insights_.asked = value_;
    insights_.spelling = value_;
    const ActivityColumns* columns = use_columns ? store.columns() : nullptr;
    insights_.window = insight_window(columns ? columns->newest_time() : store.newest_time_ms());
    if (value_.empty() || insights_.window.empty) {
        InsightsTally(insights_.window).finish(insights_);
        done_ = true;
        return;
    }
    if (columns) scan_ = ColumnScan::make(*columns, subject_, value_, insights_.window);
    from_columns_ = scan_ != nullptr;
}

InsightsJob::~InsightsJob() = default;
InsightsJob::InsightsJob(InsightsJob&&) noexcept = default;
InsightsJob& InsightsJob::operator=(InsightsJob&&) noexcept = default;

bool InsightsJob::done() const { return done_; }

InsightsJob::DataKey InsightsJob::key_of(const ActivityStore& store) {
    return {store.count(), store.last_rowid(), store.newest_time_ms()};
}

bool InsightsJob::still_holds() {
    if (!stale()) return true;
    if (!done_ || key_of(*store_) != key_) return false;
    generation_ = store_->data_generation();
    return true;
}
bool InsightsJob::uses_columns() const { return from_columns_; }

double InsightsJob::progress() const {
    if (done_) return 1.0;
    if (!scan_ || scan_->end == 0) return 0.0;
    return static_cast<double>(scan_->next) / static_cast<double>(scan_->end);
}

bool InsightsJob::step(size_t max_rows) {
    if (done_) return false;
    if (!scan_) {
        run_sql();
    } else if (!scan_->step(max_rows)) {
        scan_->finish(insights_);
        scan_.reset();
        done_ = true;
        return false;
    }
    return !done_;
}

// The rows insights_filter() selects, through the filter compiler's parameterised SQL.
void InsightsJob::run_sql() {
    FilterContext context;
    context.newest_time_ms = insights_.window.end_ms;
    const SqlFragment where = compile_filter_to_sql(insights_filter(subject_, value_), context);
    const std::string other = "a." + std::string(other_field(subject_));
    const std::string subject = "a." + std::string(subject_field(subject_));
    Statement st = prepare(store_->db(), "SELECT a.time, a.country, a.city, a.isp, " + other + ", " + subject +
                                             ", a.admin FROM activities a WHERE " + where.sql);
    bind_all(st.get(), where.params);
    InsightsTally tally(insights_.window);
    while (step_row(store_->db(), st.get())) {
        const std::string_view country = column_text_view(st.get(), 1);
        const std::string_view city = column_text_view(st.get(), 2);
        ++tally.activities;
        tally.add_day(sqlite3_column_int64(st.get(), 0));
        if (!country.empty()) tally.countries.add(country);
        if (const std::string_view isp = column_text_view(st.get(), 3); !isp.empty()) tally.isps.add(isp);
        if (const std::string_view o = column_text_view(st.get(), 4); !o.empty()) tally.others.add(o);
        tally.spellings.add(column_text_view(st.get(), 5));
        tally.admin += sqlite3_column_int64(st.get(), 6) != 0;
        if (!country.empty() || !city.empty()) tally.places[{std::string(country), std::string(city)}] += 1;
    }
    tally.finish(insights_);
    done_ = true;
}

EntityInsights compute_insights(const ActivityStore& store, InsightSubject subject, std::string_view value) {
    InsightsJob job(store, subject, std::string(value));
    job.run_to_end();
    return job.insights();
}

EntityInsights compute_insights_with_sql(const ActivityStore& store, InsightSubject subject, std::string_view value) {
    InsightsJob job(store, subject, std::string(value), false);
    job.run_to_end();
    return job.insights();
}

} // namespace sightline
