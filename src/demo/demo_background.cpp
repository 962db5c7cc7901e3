// Background demo traffic, generated session by session: a person, a day, an hour of that day
// in their office's time zone, where they are, which device and client, then a log on and a
// few operations a minute or two apart. Sessions keep one place and one client, as real ones do.
#include "demo/demo_background.h"

#include "demo/demo_catalog.h"
#include "demo/demo_objects.h"
#include "demo/demo_record.h"

#include <algorithm>
#include <array>

namespace sightline::demo {
namespace {

using demo_story::kDayMs;
using demo_story::kHourMs;
using demo_story::kMinuteMs;
constexpr int64_t kSecondMs = 1000;

// Relative activity per local hour: the office day with a lunch dip, quiet nights; flatter at
// weekends; the service account's jobs run in the small hours.
constexpr std::array<int, 24> kWeekdayHours = {1, 1, 1, 1, 1, 2, 4, 10, 18, 20, 20, 18, 14, 18, 20, 19, 16, 11, 6, 5, 4, 3, 2, 1};
constexpr std::array<int, 24> kWeekendHours = {1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 2, 1};
constexpr std::array<int, 24> kNightlyJobHours = {2, 8, 8, 8, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
constexpr int kWeekendDayKeptPercent = 20;
constexpr int kPasswordSprayPerMille = 4;

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool is_weekend(int64_t day_index) {
    const int64_t weekday = ((day_index + 4) % 7 + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return weekday == 0 || weekday == 6;
}

bool is_microsoft_app(App app) { return app <= Teams; }

bool is_windows_browser(AgentId agent) {
    return agent == ChromeWindows || agent == EdgeWindows || agent == FirefoxWindows || agent == Chrome79Windows;
}

enum class WorkMode { Office, Home, Trip };
enum class Device { Pc, Phone, Tablet };

struct Session {
    const DemoUser* user = nullptr;
    App app = Office365;
    int64_t start_ms = 0;
    NetworkPlace place;
    AgentId agent = ChromeWindows;
};

// IT admins do admin work only from Contoso's own networks, so the planted admin action from
// elsewhere stands out.
bool may_administer(const Session& session) {
    const std::string& category = session.place.ip_category;
    return session.user->it_admin && (category == "Corporate" || category == "VPN");
}

class BackgroundWriter {
public:
    BackgroundWriter(const DemoOptions& options, DemoRandom& rng);
    std::vector<Activity> run();

private:
    Session plan_session();
    int64_t pick_local_day(const DemoUser& user);
    WorkMode work_mode(const DemoUser& user, int64_t day, int hour) const;
    App pick_app(const DemoUser& user);
    Device pick_device(const DemoUser& user);
    NetworkPlace pick_place(const DemoUser& user, WorkMode mode, Device device);
    AgentId pick_agent(const DemoUser& user, App app, Device device);

    void emit_session(const Session& session);
    void emit_password_spray();
    void emit_log_on(const Session& session, int64_t time_ms, bool failed);
    int operation_count(const Session& session);
    const DemoOperation* pick_operation(const Session& session);
    void emit(DemoEvent event);

    const DemoOptions& options_;
    DemoRandom& rng_;
    std::vector<int> user_weights_;
    size_t target_;          // activities to write
    int64_t first_day_;      // day index (days since 1970) of the window's first day
    int64_t window_start_ms_;
    std::vector<Activity> out_;
};

BackgroundWriter::BackgroundWriter(const DemoOptions& options, DemoRandom& rng)
    : options_(options), rng_(rng), target_(static_cast<size_t>(std::max(options.activity_count, 0))),
      first_day_(floor_div(options.end_time_ms - 1, kDayMs) - options.days + 1), // the last day holds end - 1 ms
      window_start_ms_(options.end_time_ms - options.days * kDayMs) {
    for (const DemoUser& user : demo_users()) user_weights_.push_back(user.busyness);
    out_.reserve(target_);
}

std::vector<Activity> BackgroundWriter::run() {
    if (options_.days < 1) return {};
    while (out_.size() < target_) {
        if (rng_.below(1000) < kPasswordSprayPerMille) emit_password_spray();
        else emit_session(plan_session());
    }
    return std::move(out_);
}

// [SECTION] Planning a session -------------------------------------------------------------------

Session BackgroundWriter::plan_session() {
    Session s;
    s.user = &demo_users()[rng_.weighted(user_weights_)];
    const DemoUser& user = *s.user;
    const int64_t day = pick_local_day(user);
    const bool quiet = is_weekend(day);
    const int hour = static_cast<int>(rng_.weighted(user.service_account ? kNightlyJobHours
                                                    : quiet                ? kWeekendHours
                                                                           : kWeekdayHours));
    const int64_t local_midnight_utc = day * kDayMs - office(user.office).utc_offset_hours * kHourMs;
    s.start_ms = local_midnight_utc + hour * kHourMs + static_cast<int64_t>(rng_.below(kHourMs));
    s.app = pick_app(user);
    const Device device = pick_device(user);
    s.place = pick_place(user, work_mode(user, day, hour), device);
    s.agent = pick_agent(user, s.app, device);
    return s;
}

// Weekends are quiet: most weekend days drawn are drawn again.
int64_t BackgroundWriter::pick_local_day(const DemoUser& user) {
    for (;;) {
        const int64_t day = first_day_ + static_cast<int64_t>(rng_.below(static_cast<uint64_t>(options_.days)));
        if (!is_weekend(day) || user.service_account || rng_.percent(kWeekendDayKeptPercent)) return day;
    }
}

// Where a person works is decided per day (not per session), so a day in the office looks like one.
WorkMode BackgroundWriter::work_mode(const DemoUser& user, int64_t day, int hour) const {
    if (user.trip) {
        const int64_t first = floor_div(options_.end_time_ms - 1, kDayMs) - user.trip->first_day_before_end;
        if (day >= first && day < first + user.trip->days) return WorkMode::Trip;
    }
    if (is_weekend(day) || hour < 7 || hour >= 19) return WorkMode::Home;
    const uint64_t user_index = static_cast<uint64_t>(&user - demo_users().data());
    const uint64_t roll = stable_hash(options_.seed ^ user_index, static_cast<uint64_t>(day)) % 100;
    return static_cast<int>(roll) < user.office_days_percent ? WorkMode::Office : WorkMode::Home;
}

App BackgroundWriter::pick_app(const DemoUser& user) {
    if (user.service_account) return rng_.percent(50) ? Salesforce : Aws;
    if (user.guest) return rng_.percent(60) ? Teams : SharePointOnline;
    std::array<int, kAppCount> weights{};
    for (int app = 0; app < kAppCount; ++app) weights[app] = app_weight(user.department, static_cast<App>(app));
    return static_cast<App>(rng_.weighted(weights));
}

Device BackgroundWriter::pick_device(const DemoUser& user) {
    if (user.service_account || user.guest) return Device::Pc;
    const uint64_t roll = rng_.below(100);
    if (roll < 18) return Device::Phone;
    if (roll < 26 && user.tablet_agent) return Device::Tablet;
    return Device::Pc;
}

NetworkPlace BackgroundWriter::pick_place(const DemoUser& user, WorkMode mode, Device device) {
    if (user.service_account || user.guest) return user.home;
    if (mode == WorkMode::Trip) return travel_places()[static_cast<size_t>(user.trip->place)];
    if (mode == WorkMode::Office) {
        const std::vector<NetworkPlace>& egress = office(user.office).egress;
        if (device == Device::Phone && rng_.percent(50)) return mobile_carrier_place(user.office, rng_.next());
        // Most of an office's traffic leaves through the same NAT address for a given person.
        const uint64_t user_index = static_cast<uint64_t>(&user - demo_users().data());
        return egress[(rng_.percent(85) ? user_index : rng_.next()) % egress.size()];
    }
    if (device == Device::Phone && rng_.percent(45)) return mobile_carrier_place(user.office, rng_.next());
    if (device == Device::Pc && rng_.percent(25)) return corporate_vpn_place(rng_.next());
    return user.home;
}

AgentId BackgroundWriter::pick_agent(const DemoUser& user, App app, Device device) {
    if (user.service_account) return app == Aws ? Boto3 : (rng_.percent(85) ? PythonRequests : Curl);
    if (device == Device::Tablet) return *user.tablet_agent;
    const bool iphone = user.phone_agent == SafariIphone;
    if (device == Device::Phone) {
        if (app == ExchangeOnline && rng_.percent(70)) return iphone ? OutlookIos : OutlookAndroid;
        if (app == Teams && iphone && rng_.percent(70)) return TeamsIos;
        return user.phone_agent;
    }
    if (is_windows_browser(user.pc_agent)) {
        if (app == ExchangeOnline && rng_.percent(60)) return OutlookWindows;
        if (app == Teams && rng_.percent(65)) return TeamsWindows;
        if (app == OneDrive && rng_.percent(30)) return OneDriveSyncWindows;
    }
    if (app == Aws && user.department == Engineering && rng_.percent(40)) return AwsCli;
    return user.pc_agent;
}

// [SECTION] Writing a session --------------------------------------------------------------------

void BackgroundWriter::emit_session(const Session& session) {
    int64_t t = session.start_ms;
    // Command-line AWS calls sign requests with keys: there is no console log on.
    if (session.agent != AwsCli && session.agent != Boto3) {
        if (rng_.percent(3)) {
            emit_log_on(session, t, true);
            t += rng_.between(5 * kSecondMs, 40 * kSecondMs);
        }
        emit_log_on(session, t, false);
    }
    std::string session_file;
    const int count = operation_count(session);
    for (int i = 0; i < count; ++i) {
        const DemoOperation* op = pick_operation(session);
        if (op == nullptr) return;
        t += rng_.between(10 * kSecondMs, 4 * kMinuteMs);
        DemoEvent event{t, session.app, op, session.user->upn, &session.place, session.agent, {}, {}, {}};
        describe_event(event, *session.user, rng_, session_file);
        emit(std::move(event));
    }
}

void BackgroundWriter::emit_log_on(const Session& session, int64_t time_ms, bool failed) {
    const App app = is_microsoft_app(session.app) ? Office365 : session.app;
    DemoEvent event{time_ms, app, nullptr, session.user->upn, &session.place, session.agent, {}, {}, {}};
    if (failed) {
        event.operation = &failed_log_on_operation(session.app);
        event.failure_message = std::string(rng_.pick(failure_messages()));
        event.description = failed_log_on_description(event.failure_message);
    } else {
        event.operation = &log_on_operation(session.app);
        event.description = log_on_description(app);
    }
    emit(std::move(event));
}

// Background noise for the failed log-on views: a few guesses at one account from a risky
// address, never enough to look like the planted burst.
void BackgroundWriter::emit_password_spray() {
    const std::vector<DemoUser>& users = demo_users();
    const DemoUser& target = users[rng_.below(users.size() - 3)]; // employees only: robot and guests are last
    Session session;
    session.user = &target;
    session.start_ms = window_start_ms_ + static_cast<int64_t>(rng_.below(static_cast<uint64_t>(options_.days * kDayMs)));
    session.place = rng_.pick(risky_places());
    session.agent = rng_.percent(60) ? PythonRequests : Firefox52WindowsXp;
    const int attempts = 1 + static_cast<int>(rng_.below(3));
    for (int i = 0; i < attempts; ++i) {
        DemoEvent event{session.start_ms + i * rng_.between(2 * kSecondMs, 20 * kSecondMs), Office365,
                        &failed_log_on_operation(Office365), target.upn, &session.place, session.agent, {}, {},
                        "Invalid username or password"};
        event.description = failed_log_on_description(event.failure_message);
        emit(std::move(event));
    }
}

int BackgroundWriter::operation_count(const Session& session) {
    const DemoUser& user = *session.user;
    if (session.app == Office365 && !may_administer(session)) return rng_.percent(10) ? 1 : 0; // just signing in
    if (user.service_account) return 3 + static_cast<int>(rng_.below(10));
    return 1 + static_cast<int>(rng_.below(3)) + (rng_.percent(40) ? static_cast<int>(rng_.below(10)) : 0);
}

// Admin operations only where may_administer, "on behalf" ones for delegates; nullptr if nothing fits.
const DemoOperation* BackgroundWriter::pick_operation(const Session& session) {
    const DemoUser& user = *session.user;
    const bool admin_allowed = may_administer(session);
    const std::span<const DemoOperation> ops = operations_of(session.app);
    std::array<int, 16> weights{};
    int total = 0;
    const size_t count = std::min(ops.size(), weights.size());
    for (size_t i = 0; i < count; ++i) {
        const DemoOperation& op = ops[i];
        const bool allowed = (!op.admin || admin_allowed) && (!op.on_behalf || !user.delegate_for.empty());
        weights[i] = allowed ? op.weight : 0;
        total += weights[i];
    }
    if (total == 0) return nullptr;
    return &ops[rng_.weighted(std::span<const int>(weights.data(), count))];
}

void BackgroundWriter::emit(DemoEvent event) {
    if (out_.size() >= target_) return;
    if (event.time_ms < window_start_ms_ || event.time_ms >= options_.end_time_ms) return;
    out_.push_back(make_demo_activity(event, rng_));
}

} // namespace

std::vector<Activity> background_activities(const DemoOptions& options, DemoRandom& rng) {
    return BackgroundWriter(options, rng).run();
}

} // namespace sightline::demo
