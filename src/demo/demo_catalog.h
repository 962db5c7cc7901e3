// Static tables behind the demo data: the fictional Contoso tenant's apps and their
// operations, offices and networks, people, user agents and the names of things they touch.
// Nothing here depends on the seed, so the people and addresses that docs and tests name are
// the same in every generated data set.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::demo {

// [SECTION] Apps and their operations ---------------------------------------------------------

enum App : int { Office365, ExchangeOnline, SharePointOnline, OneDrive, Teams, Box, Salesforce, Aws, kAppCount };

std::string_view app_name(App app);
int app_id(App app); // Defender for Cloud Apps' service ID, written into the raw record

// What an operation acts on, which decides its objects and description.
enum class ObjectKind { None, File, MailSubject, InboxRule, TargetUser, RoleGrant, Channel, Team, Record, Report, AwsResource };

struct DemoOperation {
    std::string_view activity_type; // Defender's normalised name
    std::string_view action_type;   // the app's raw operation name
    ObjectKind object = ObjectKind::None;
    int weight = 1;                 // relative frequency inside a session of this app
    bool admin = false;             // only IT admins do it; flagged administrative
    bool on_behalf = false;         // only delegates do it; flagged impersonated
};

// Operations done inside a session of `app` (log ons are added by the session itself).
std::span<const DemoOperation> operations_of(App app);
const DemoOperation& log_on_operation(App app);
const DemoOperation& failed_log_on_operation(App app);

// [SECTION] Networks -----------------------------------------------------------------------------

// Everything an activity says about where it came from.
struct NetworkPlace {
    std::string ip;
    std::string ip_category; // Corporate, VPN, Risky, Cloud provider, or empty
    std::vector<std::string> ip_tags;
    std::string country;     // ISO 3166-1 alpha-2
    std::string city;
    std::string isp;
};

struct DemoOffice {
    std::string_view name;
    int utc_offset_hours;              // standard time; the demo month has no DST switch that matters
    std::vector<NetworkPlace> egress;  // the office's public addresses
    bool partner = false;              // a guest's company, not Contoso
};

enum OfficeId : int { Seattle, NewYork, London, FabrikamSydney, NorthwindChicago, kOfficeCount };
const DemoOffice& office(OfficeId id);

NetworkPlace corporate_vpn_place(uint64_t pick);        // Contoso's VPN egress (category VPN)
NetworkPlace datacenter_place();                        // where the service account's scripts run
NetworkPlace mobile_carrier_place(OfficeId home, uint64_t pick); // a phone on the carrier network
std::span<const NetworkPlace> risky_places();           // Tor, anonymous proxy, botnet
std::span<const NetworkPlace> travel_places();          // hotels on business trips

// [SECTION] User agents --------------------------------------------------------------------------

struct UserAgentProfile {
    std::string_view text;
    std::string_view device_type; // PC, Mobile, Tablet, Other
    std::string_view browser;
    std::string_view os;
    std::vector<std::string_view> tags;
};

enum AgentId : int {
    ChromeWindows, EdgeWindows, FirefoxWindows, ChromeMac, SafariMac,
    InternetExplorerWindows7, Chrome79Windows, Firefox52WindowsXp,
    SafariIphone, ChromeAndroid, SafariIpad, ChromeAndroidTablet,
    OutlookWindows, OutlookIos, OutlookAndroid, TeamsWindows, TeamsIos, OneDriveSyncWindows,
    PythonRequests, Curl, AwsCli, Boto3,
    kAgentCount
};
const UserAgentProfile& user_agent(AgentId id);

// [SECTION] People -------------------------------------------------------------------------------

enum Department : int { Sales, Engineering, Finance, HumanResources, Marketing, Operations, Legal, It, Executive, kDepartmentCount };

// How often people of a department use each app, relative.
int app_weight(Department department, App app);

struct BusinessTrip {
    int place;               // index into travel_places()
    int first_day_before_end; // days before the data set's end the trip starts
    int days;
};

struct DemoUser {
    std::string upn;
    Department department = Sales;
    OfficeId office = Seattle;
    NetworkPlace home;                 // home broadband (a guest: their company's network)
    AgentId pc_agent = ChromeWindows;
    AgentId phone_agent = SafariIphone;
    std::optional<AgentId> tablet_agent;
    int busyness = 3;                  // relative share of sessions
    int office_days_percent = 65;      // weekdays spent in the office rather than at home
    bool it_admin = false;
    bool guest = false;
    bool service_account = false;
    std::string delegate_for;          // mailbox this assistant may send on behalf of
    std::optional<BusinessTrip> trip;
};

// About 200 people: Contoso employees, one service account and two external guests.
const std::vector<DemoUser>& demo_users();
const DemoUser& find_demo_user(std::string_view upn); // throws std::out_of_range for strangers

// [SECTION] Names of things ---------------------------------------------------------------------

std::span<const std::string_view> document_names();    // "Q3-forecast.xlsx", ...
std::span<const std::string_view> mail_subjects();
std::span<const std::string_view> teams_channels();
std::span<const std::string_view> team_names();
std::span<const std::string_view> salesforce_records();
std::span<const std::string_view> salesforce_reports();
std::span<const std::string_view> aws_resources();
std::span<const std::string_view> admin_roles();
std::span<const std::string_view> inbox_rule_folders(); // benign rules move mail to these
std::span<const std::string_view> failure_messages();  // for "Failed log on (Failure message: ...)"

// "https://contoso.sharepoint.example/sites/Finance/Shared Documents" and friends.
std::string sharepoint_folder(Department department);
std::string onedrive_folder(std::string_view upn);
std::string_view department_name(Department department);

} // namespace sightline::demo
