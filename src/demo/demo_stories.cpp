// The planted incidents, one function per story. Each is written out event by event, with
// fixed times, addresses and names, so tests and docs can point at exactly what to find.
#include "demo/demo_stories.h"

#include "demo/demo_catalog.h"
#include "demo/demo_objects.h"
#include "demo/demo_record.h"

#include <stdexcept>

namespace sightline::demo {
namespace {

using namespace demo_story;
constexpr int64_t kSecondMs = 1000;

std::string str(std::string_view text) { return std::string(text); }

const DemoOperation& find_operation(App app, std::string_view action_type) {
    for (const DemoOperation& op : operations_of(app))
        if (op.action_type == action_type) return op;
    throw std::logic_error("demo catalog lacks " + str(action_type));
}

// Places only the stories use.
NetworkPlace singapore_vps() { return {str(kImpossibleTravelRemoteIp), "Cloud provider", {}, "SG", "Singapore", "Lion City Cloud"}; }
NetworkPlace lisbon_home() { return {str(kRiskyAdminIp), "", {}, str(kRiskyAdminCountry), "Lisbon", "Tejo Telecom"}; }

const NetworkPlace& risky_place(std::string_view ip) {
    for (const NetworkPlace& place : risky_places())
        if (place.ip == ip) return place;
    throw std::logic_error("demo catalog lacks risky address " + str(ip));
}

const NetworkPlace& office_place(OfficeId id, std::string_view ip) {
    for (const NetworkPlace& place : office(id).egress)
        if (place.ip == ip) return place;
    throw std::logic_error("demo catalog lacks office address " + str(ip));
}

class StoryWriter {
public:
    StoryWriter(const DemoOptions& options, DemoRandom& rng) : end_ms_(options.end_time_ms), rng_(rng) {}

    // Adds one activity at `before_end_ms` before the data set's end.
    void add(int64_t before_end_ms, App app, const DemoOperation& op, std::string_view user, const NetworkPlace& place,
             AgentId agent, std::vector<std::string> objects, std::string description, std::string failure = {}) {
        DemoEvent event{end_ms_ - before_end_ms, app, &op, user, &place, agent, std::move(objects),
                        std::move(description), std::move(failure)};
        out_.push_back(make_demo_activity(event, rng_));
    }

    void log_on(int64_t before_end_ms, std::string_view user, const NetworkPlace& place, AgentId agent) {
        add(before_end_ms, Office365, log_on_operation(Office365), user, place, agent, {}, log_on_description(Office365));
    }

    std::vector<Activity> take() { return std::move(out_); }

private:
    int64_t end_ms_;
    DemoRandom& rng_;
    std::vector<Activity> out_;
};

// 1. Seattle office, then Singapore 38 minutes later: no flight is that fast.
void impossible_travel(StoryWriter& w) {
    const std::string_view user = kImpossibleTravelUser;
    const NetworkPlace& office_ip = office_place(Seattle, kImpossibleTravelOfficeIp);
    const NetworkPlace remote = singapore_vps();
    const int64_t office_t = kImpossibleTravelOfficeLogonBeforeEndMs, remote_t = kImpossibleTravelRemoteLogonBeforeEndMs;
    w.log_on(office_t, user, office_ip, EdgeWindows);
    w.add(office_t - 4 * kMinuteMs, ExchangeOnline, find_operation(ExchangeOnline, "Send"), user, office_ip, EdgeWindows,
          {"Re: Q3 planning", "maria.garcia@contoso.example"}, "Send mail: Re: Q3 planning");
    w.log_on(remote_t, user, remote, ChromeWindows);
    const std::string file = "Customer-list.xlsx";
    w.add(remote_t - 3 * kMinuteMs, SharePointOnline, find_operation(SharePointOnline, "FileDownloaded"), user, remote,
          ChromeWindows, {file, sharepoint_folder(Sales) + "/" + file}, "Download file: " + file);
}

// 2. A Friday-evening grab of the finance share and the analyst's own OneDrive.
std::string mass_download_file_name(int index) {
    const auto documents = document_names();
    if (static_cast<size_t>(index) < documents.size()) return str(documents[static_cast<size_t>(index)]);
    const int n = index - static_cast<int>(documents.size()) + 1;
    return "Client-statements-2026-" + std::string(n < 10 ? "0" : "") + std::to_string(n) + ".pdf";
}

void mass_download(StoryWriter& w) {
    const std::string_view user = kMassDownloadUser;
    const NetworkPlace& home = find_demo_user(user).home;
    w.log_on(kMassDownloadStartBeforeEndMs + 90 * kSecondMs, user, home, ChromeWindows);
    const DemoOperation& download = find_operation(SharePointOnline, "FileDownloaded");
    for (int i = 0; i < kMassDownloadCount; ++i) {
        const int64_t t = kMassDownloadStartBeforeEndMs - i * kMassDownloadSpanMs / (kMassDownloadCount - 1);
        const App app = i < 48 ? SharePointOnline : OneDrive;
        const std::string name = mass_download_file_name(i);
        const std::string folder = app == OneDrive ? onedrive_folder(user) : sharepoint_folder(Finance);
        w.add(t, app, download, user, home, ChromeWindows, {name, folder + "/" + name}, "Download file: " + name);
    }
}

// 3. A scripted password guess against one account from a botnet address, which then gets in.
void failed_log_on_burst(StoryWriter& w) {
    const std::string_view user = kFailedLogonUser;
    const NetworkPlace& botnet = risky_place(kFailedLogonIp);
    const std::string message = "Invalid username or password";
    for (int i = 0; i < kFailedLogonAttempts; ++i)
        w.add(kFailedLogonBurstStartBeforeEndMs - i * 9 * kSecondMs, Office365, failed_log_on_operation(Office365), user,
              botnet, PythonRequests, {}, failed_log_on_description(message), message);
    w.log_on(kFailedLogonSuccessBeforeEndMs, user, botnet, PythonRequests);
    w.add(kFailedLogonSuccessBeforeEndMs - 2 * kMinuteMs, ExchangeOnline, find_operation(ExchangeOnline, "Send"), user,
          botnet, PythonRequests, {"Invoice 10482 approval", "grace.liu@contoso.example"},
          "Send mail: Invoice 10482 approval");
}

// 4. An admin account used at night from a Lisbon home connection to mint a new global admin.
void admin_from_foreign_ip(StoryWriter& w) {
    const std::string_view user = kRiskyAdminUser;
    const NetworkPlace place = lisbon_home();
    const std::string target = str(kRiskyAdminTargetUser), role = str(kRiskyAdminRole);
    const int64_t t = kRiskyAdminActionBeforeEndMs;
    w.log_on(t + 6 * kMinuteMs, user, place, ChromeWindows);
    w.add(t + 3 * kMinuteMs, Office365, find_operation(Office365, "Add user."), user, place, ChromeWindows, {target},
          "Create user: " + target);
    w.add(t, Office365, find_operation(Office365, "Add member to role."), user, place, ChromeWindows, {role, target},
          "Add member to role: " + role + " (" + target + ")");
    w.add(t - 2 * kMinuteMs, Office365, find_operation(Office365, "Reset user password."), user, place, ChromeWindows,
          {target}, "Reset password: " + target);
}

// 5. Business email compromise: in through an anonymous proxy, then quietly forward everything.
void forwarding_inbox_rule(StoryWriter& w) {
    const std::string_view user = kInboxRuleUser;
    const NetworkPlace& proxy = risky_place(kInboxRuleIp);
    const std::string rule = str(kInboxRuleName), forward_to = str(kInboxRuleForwardTo);
    w.log_on(kInboxRuleBeforeEndMs + 3 * kMinuteMs, user, proxy, FirefoxWindows);
    w.add(kInboxRuleBeforeEndMs, ExchangeOnline, find_operation(ExchangeOnline, "New-InboxRule"), user, proxy,
          FirefoxWindows, {rule, "ForwardTo: " + forward_to},
          "Create inbox rule: " + rule + " (forwards all mail to external address " + forward_to + ")");
}

} // namespace

std::vector<Activity> planted_story_activities(const DemoOptions& options, DemoRandom& rng) {
    StoryWriter writer(options, rng);
    impossible_travel(writer);
    mass_download(writer);
    failed_log_on_burst(writer);
    admin_from_foreign_ip(writer);
    forwarding_inbox_rule(writer);
    return writer.take();
}

} // namespace sightline::demo
