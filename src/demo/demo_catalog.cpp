// The demo tenant's fixed tables. Addresses come from the documentation ranges (192.0.2.0/24,
// 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32), the benchmarking range 198.18.0.0/15 for
// home broadband and the shared CGNAT range 100.64.0.0/10 for phone carriers, so no real
// organisation's address appears. Every ISP and company name is made up.
#include "demo/demo_catalog.h"

#include "demo/demo_random.h"

#include <array>
#include <set>
#include <stdexcept>

namespace sightline::demo {

// [SECTION] Apps and their operations ---------------------------------------------------------

namespace {

struct AppInfo {
    std::string_view name;
    int id;
};

constexpr std::array<AppInfo, kAppCount> kApps = {{
    {"Office 365", 11161}, {"Exchange Online", 20893}, {"SharePoint Online", 20892},
    {"OneDrive for Business", 15600}, {"Microsoft Teams", 28375}, {"Box", 10489},
    {"Salesforce", 11114}, {"Amazon Web Services", 11599},
}};

using Op = DemoOperation;
using K = ObjectKind;

const std::vector<Op> kOffice365Ops = {
    {"Change password", "Change user password.", K::None, 3},
    {"Reset password", "Reset user password.", K::TargetUser, 8, true},
    {"Update user", "Update user.", K::TargetUser, 10, true},
    {"Create user", "Add user.", K::TargetUser, 2, true},
    {"Add member to role", "Add member to role.", K::RoleGrant, 2, true},
    {"Remove member from role", "Remove member from role.", K::RoleGrant, 1, true},
};
const std::vector<Op> kExchangeOps = {
    {"Send mail", "Send", K::MailSubject, 180},
    {"Create item", "Create", K::MailSubject, 60},
    {"Delete item", "SoftDelete", K::MailSubject, 36},
    {"Create inbox rule", "New-InboxRule", K::InboxRule, 1},
    {"Send mail", "SendOnBehalf", K::MailSubject, 120, false, true},
    {"Add mailbox permission", "Add-MailboxPermission", K::TargetUser, 6, true},
};
const std::vector<Op> kFileOps = {
    {"View file", "FileAccessed", K::File, 30},
    {"View file", "FilePreviewed", K::File, 10},
    {"Download file", "FileDownloaded", K::File, 15},
    {"Upload file", "FileUploaded", K::File, 8},
    {"Edit file", "FileModified", K::File, 12},
    {"Share file", "SharingInvitationCreated", K::File, 3},
    {"Share file", "CompanyLinkCreated", K::File, 2},
    {"Share file", "AnonymousLinkCreated", K::File, 1},
    {"Delete file", "FileDeleted", K::File, 3},
};
const std::vector<Op> kTeamsOps = {
    {"Send message", "MessageSent", K::Channel, 30},
    {"Create team", "TeamCreated", K::Team, 1},
    {"Add member to team", "MemberAdded", K::Team, 3},
};
const std::vector<Op> kBoxOps = {
    {"View file", "PREVIEW", K::File, 20},
    {"Download file", "DOWNLOAD", K::File, 10},
    {"Upload file", "UPLOAD", K::File, 6},
    {"Edit file", "EDIT", K::File, 4},
    {"Share file", "COLLABORATION_INVITE", K::File, 2},
    {"Delete file", "DELETE", K::File, 2},
};
const std::vector<Op> kSalesforceOps = {
    {"View item", "URI", K::Record, 25},
    {"Edit item", "Update", K::Record, 10},
    {"Create item", "Insert", K::Record, 5},
    {"View report", "Report", K::Report, 6},
    {"Download file", "ReportExport", K::Report, 3},
    {"Log off", "Logout", K::None, 2},
};
const std::vector<Op> kAwsOps = {
    {"Run command", "DescribeInstances", K::AwsResource, 10},
    {"Run command", "ListBuckets", K::AwsResource, 4},
    {"Download file", "GetObject", K::AwsResource, 6},
    {"Upload file", "PutObject", K::AwsResource, 4},
    {"Run command", "StartInstances", K::AwsResource, 2},
    {"Run command", "StopInstances", K::AwsResource, 2},
    {"Create user", "CreateUser", K::TargetUser, 1, true},
    {"Run command", "AttachUserPolicy", K::AwsResource, 1, true},
    {"Run command", "CreateAccessKey", K::AwsResource, 1, true},
};

const Op kOffice365LogOn = {"Log on", "UserLoggedIn"};
const Op kOffice365FailedLogOn = {"Failed log on", "UserLoginFailed"};
const Op kBoxLogOn = {"Log on", "LOGIN"};
const Op kBoxFailedLogOn = {"Failed log on", "FAILED_LOGIN"};
const Op kSalesforceLogOn = {"Log on", "Login"};
const Op kSalesforceFailedLogOn = {"Failed log on", "LoginFailed"};
const Op kAwsLogOn = {"Log on", "ConsoleLogin"};
const Op kAwsFailedLogOn = {"Failed log on", "ConsoleLogin"};

} // namespace

std::string_view app_name(App app) { return kApps[app].name; }
int app_id(App app) { return kApps[app].id; }

std::span<const DemoOperation> operations_of(App app) {
    switch (app) {
    case Office365: return kOffice365Ops;
    case ExchangeOnline: return kExchangeOps;
    case SharePointOnline:
    case OneDrive: return kFileOps;
    case Teams: return kTeamsOps;
    case Box: return kBoxOps;
    case Salesforce: return kSalesforceOps;
    case Aws:
    case kAppCount: break;
    }
    return kAwsOps;
}

// The Microsoft 365 apps sign in through Office 365 (Entra ID), so their sessions start there.
const DemoOperation& log_on_operation(App app) {
    if (app == Box) return kBoxLogOn;
    if (app == Salesforce) return kSalesforceLogOn;
    if (app == Aws) return kAwsLogOn;
    return kOffice365LogOn;
}

const DemoOperation& failed_log_on_operation(App app) {
    if (app == Box) return kBoxFailedLogOn;
    if (app == Salesforce) return kSalesforceFailedLogOn;
    if (app == Aws) return kAwsFailedLogOn;
    return kOffice365FailedLogOn;
}

// [SECTION] Networks -----------------------------------------------------------------------------

namespace {

NetworkPlace place(std::string ip, std::string category, std::vector<std::string> tags, std::string country,
                   std::string city, std::string isp) {
    return {std::move(ip), std::move(category), std::move(tags), std::move(country), std::move(city), std::move(isp)};
}

NetworkPlace corporate(std::string ip, std::string country, std::string city) {
    return place(std::move(ip), "Corporate", {"Corporate network"}, std::move(country), std::move(city), "Contoso Ltd");
}

const std::array<DemoOffice, kOfficeCount>& offices() {
    static const std::array<DemoOffice, kOfficeCount> table = {{
        {"Seattle HQ", -8,
         {corporate("192.0.2.10", "US", "Seattle"), corporate("192.0.2.11", "US", "Seattle"),
          corporate("192.0.2.12", "US", "Seattle"), corporate("192.0.2.13", "US", "Seattle"),
          corporate("2001:db8:c0:1::10", "US", "Seattle"), corporate("2001:db8:c0:1::11", "US", "Seattle")}},
        {"New York office", -5,
         {corporate("192.0.2.70", "US", "New York"), corporate("192.0.2.71", "US", "New York"),
          corporate("192.0.2.72", "US", "New York")}},
        {"London office", 0,
         {corporate("192.0.2.130", "GB", "London"), corporate("192.0.2.131", "GB", "London"),
          corporate("192.0.2.132", "GB", "London")}},
        {"Fabrikam, Sydney", 11,
         {place("198.51.100.161", "", {}, "AU", "Sydney", "Fabrikam Pty Ltd"),
          place("198.51.100.162", "", {}, "AU", "Sydney", "Fabrikam Pty Ltd")},
         true},
        {"Northwind, Chicago", -6, {place("198.51.100.193", "", {}, "US", "Chicago", "Northwind Traders")}, true},
    }};
    return table;
}

// A home broadband provider: addresses 198.<first_octet>.<third in [third_lo, third_hi)>.x.
struct HomeIsp {
    std::string_view isp;
    std::string_view country;
    int second_octet;
    int third_lo, third_hi;
    std::array<std::string_view, 4> cities;
};

constexpr std::array<HomeIsp, 6> kHomeIsps = {{
    {"Cascade Fiber", "US", 18, 0, 64, {"Seattle", "Bellevue", "Redmond", "Kirkland"}},
    {"Northwave Cable", "US", 18, 64, 128, {"Seattle", "Tacoma", "Everett", "Bellevue"}},
    {"Hudson Broadband", "US", 19, 0, 64, {"New York", "Brooklyn", "Jersey City", "Hoboken"}},
    {"Empire Fiber", "US", 19, 64, 128, {"New York", "Queens", "Yonkers", "Brooklyn"}},
    {"Albion Telecom", "GB", 19, 128, 192, {"London", "Croydon", "Reading", "Watford"}},
    {"Thames Fibre", "GB", 19, 192, 256, {"London", "Richmond", "Slough", "Guildford"}},
}};

std::string dotted(int a, int b, int c, int d) {
    return std::to_string(a) + "." + std::to_string(b) + "." + std::to_string(c) + "." + std::to_string(d);
}

std::string hex(uint64_t v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    do {
        out.insert(out.begin(), kDigits[v & 15]);
        v >>= 4;
    } while (v);
    return out;
}

// Stable home address of a person: two ISPs per office, some Seattle homes on IPv6.
NetworkPlace home_place(OfficeId id, uint64_t hash) {
    const HomeIsp& isp = kHomeIsps[static_cast<size_t>(id) * 2 + (hash & 1)];
    const std::string city(isp.cities[(hash >> 1) % isp.cities.size()]);
    if (id == Seattle && (hash >> 8) % 4 == 0) {
        std::string ip = "2001:db8:ca5c:" + hex(0x1000 + (hash >> 12) % 0xE000) + "::" + hex(1 + (hash >> 32) % 0xFFE);
        return place(std::move(ip), "", {}, std::string(isp.country), city, std::string(isp.isp));
    }
    const int third = isp.third_lo + static_cast<int>((hash >> 12) % static_cast<uint64_t>(isp.third_hi - isp.third_lo));
    const int fourth = 1 + static_cast<int>((hash >> 24) % 254);
    return place(dotted(198, isp.second_octet, third, fourth), "", {}, std::string(isp.country), city,
                 std::string(isp.isp));
}

} // namespace

const DemoOffice& office(OfficeId id) { return offices()[id]; }

NetworkPlace corporate_vpn_place(uint64_t pick) {
    return place(dotted(198, 51, 100, 5 + static_cast<int>(pick % 4)), "VPN", {"Corporate VPN"}, "US", "Seattle",
                 "Contoso Ltd");
}

NetworkPlace datacenter_place() { return corporate("192.0.2.250", "US", "Seattle"); }

// Carrier-grade NAT hands a phone a new address often, so this is drawn per session.
NetworkPlace mobile_carrier_place(OfficeId home, uint64_t pick) {
    const int a = static_cast<int>(pick % 32), b = static_cast<int>((pick >> 8) % 256);
    const int c = 1 + static_cast<int>((pick >> 16) % 254);
    switch (home) {
    case Seattle: return place(dotted(100, 64 + a, b, c), "", {}, "US", "Seattle", "Skyline Mobile");
    case NewYork: return place(dotted(100, 64 + a, b, c), "", {}, "US", "New York", "Skyline Mobile");
    case London: return place(dotted(100, 96 + a, b, c), "", {}, "GB", "London", "Britannia Mobile");
    case FabrikamSydney:
    case NorthwindChicago:
    case kOfficeCount: break;
    }
    return office(home).egress.front();
}

std::span<const NetworkPlace> risky_places() {
    static const std::vector<NetworkPlace> table = {
        place("203.0.113.66", "Risky", {"Tor"}, "DE", "Frankfurt", "Onion Relay Collective"),
        place("203.0.113.140", "Risky", {"Anonymous proxy"}, "NL", "Amsterdam", "Veil Proxy Services"),
        place("203.0.113.201", "Risky", {"Botnet"}, "BR", "Sao Paulo", "Paulista Datacenter"),
    };
    return table;
}

std::span<const NetworkPlace> travel_places() {
    static const std::vector<NetworkPlace> table = {
        place("198.51.100.40", "", {}, "CA", "Toronto", "Maple Fibre"),
        place("198.51.100.41", "", {}, "FR", "Paris", "Lumiere Telecom"),
        place("198.51.100.42", "", {}, "JP", "Tokyo", "Sakura Net"),
        place("198.51.100.43", "", {}, "DE", "Munich", "Isar Kabel"),
    };
    return table;
}

// [SECTION] User agents --------------------------------------------------------------------------

const UserAgentProfile& user_agent(AgentId id) {
    static constexpr std::string_view kNative = "Native client", kOldBrowser = "Outdated browser",
                                      kOldOs = "Outdated operating system", kRobot = "Robot";
    static const std::array<UserAgentProfile, kAgentCount> table = {{
        {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
         "PC", "Chrome 130.0", "Windows 10", {}},
        {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80",
         "PC", "Edge 130.0", "Windows 10", {}},
        {"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0",
         "PC", "Firefox 132.0", "Windows 10", {}},
        {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
         "PC", "Chrome 130.0", "macOS", {}},
        {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
         "PC", "Safari 18.1", "macOS", {}},
        {"Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko",
         "PC", "IE 11.0", "Windows 7", {kOldBrowser, kOldOs}},
        {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.130 Safari/537.36",
         "PC", "Chrome 79.0", "Windows 10", {kOldBrowser}},
        {"Mozilla/5.0 (Windows NT 5.1; rv:52.0) Gecko/20100101 Firefox/52.0",
         "PC", "Firefox 52.0", "Windows XP", {kOldBrowser, kOldOs}},
        {"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
         "Mobile", "Mobile Safari 18.1", "iOS 18.1", {}},
        {"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.86 Mobile Safari/537.36",
         "Mobile", "Chrome Mobile 130.0", "Android 14", {}},
        {"Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
         "Tablet", "Mobile Safari 18.1", "iOS 18.1", {}},
        {"Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.86 Safari/537.36",
         "Tablet", "Chrome 130.0", "Android 13", {}},
        {"Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18129; Pro)",
         "PC", "Outlook 16.0", "Windows 10", {kNative}},
        {"Outlook-iOS/723.4027091.prod.iphone (4.2443.0)", "Mobile", "Outlook for iOS 4.2443", "iOS", {kNative}},
        {"Outlook-Android/2.0", "Mobile", "Outlook for Android 2.0", "Android", {kNative}},
        {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0 Teams/24295.605.3225.8804",
         "PC", "Teams 24295", "Windows 10", {kNative}},
        {"Microsoft Teams/6.22.2 (iPhone; iOS 18.1; Scale/3.00)", "Mobile", "Teams 6.22", "iOS 18.1", {kNative}},
        {"Microsoft SkyDriveSync 24.201.1006.0005 ship; Windows NT 10.0 (22631)",
         "PC", "OneDrive sync 24.201", "Windows 10", {kNative}},
        {"python-requests/2.32.3", "Other", "Python Requests 2.32", "", {kRobot}},
        {"curl/8.5.0", "Other", "curl 8.5", "", {kRobot}},
        {"aws-cli/2.18.5 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython "
         "cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#ec2.describe-instances",
         "Other", "AWS CLI 2.18", "Linux", {}},
        {"Boto3/1.35.40 md/Botocore#1.35.40 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython "
         "cfg/retry-mode#legacy Botocore/1.35.40",
         "Other", "Boto3 1.35", "Linux", {kRobot}},
    }};
    return table[id];
}

// [SECTION] People -------------------------------------------------------------------------------

int app_weight(Department department, App app) {
    //                                                    O365 Exch  SP  OD Teams Box  SF AWS
    static constexpr int kWeights[kDepartmentCount][kAppCount] = {
        /* Sales          */ {2, 30, 10, 8, 20, 6, 30, 0},
        /* Engineering    */ {2, 15, 12, 10, 25, 2, 0, 30},
        /* Finance        */ {2, 25, 25, 15, 15, 10, 4, 0},
        /* HumanResources */ {2, 30, 20, 10, 20, 10, 0, 0},
        /* Marketing      */ {2, 25, 20, 10, 20, 15, 6, 0},
        /* Operations     */ {2, 30, 18, 10, 20, 8, 6, 2},
        /* Legal          */ {2, 30, 25, 10, 15, 15, 0, 0},
        /* It             */ {25, 15, 10, 5, 20, 2, 2, 20},
        /* Executive      */ {2, 40, 15, 8, 25, 2, 8, 0},
    };
    return kWeights[department][app];
}

namespace {

constexpr int kEmployeeCount = 198;

constexpr std::array<std::string_view, 40> kFirstNames = {
    "james", "maria", "david", "sofia", "ethan", "olivia", "lucas", "emma", "noah", "ava",
    "liam", "mia", "mateo", "chloe", "arjun", "hannah", "kenji", "isabel", "samuel", "zoe",
    "omar", "fatima", "diego", "elena", "victor", "aisha", "henry", "julia", "felix", "nora",
    "oscar", "leah", "adrian", "ruth", "marcus", "ingrid", "tariq", "yuki", "pablo", "clara"};
constexpr std::array<std::string_view, 40> kLastNames = {
    "smith", "garcia", "chen", "patel", "johnson", "nguyen", "martin", "kowalczyk", "silva", "brown",
    "okafor", "schmidt", "rossi", "tanaka", "wilson", "haddad", "fischer", "lopez", "murphy", "andersen",
    "kaur", "dubois", "novak", "ibrahim", "walker", "moreau", "jensen", "costa", "evans", "sato",
    "quinn", "bauer", "reid", "ortiz", "khan", "berg", "price", "mendes", "young", "ward"};

// Shares of the generated staff, by department and by office.
constexpr std::array<int, kDepartmentCount> kDepartmentShares = {25, 25, 10, 6, 12, 12, 5, 5, 0};
constexpr std::array<int, 3> kOfficeShares = {55, 25, 20};
constexpr std::array<int, 8> kPcAgentShares = {350, 300, 80, 100, 90, 15, 30, 10}; // ChromeWindows..Firefox52WindowsXp

size_t share_index(std::span<const int> shares, uint64_t hash) {
    int total = 0;
    for (int s : shares) total += s;
    int r = static_cast<int>(hash % static_cast<uint64_t>(total));
    for (size_t i = 0; i < shares.size(); ++i) {
        if (r < shares[i]) return i;
        r -= shares[i];
    }
    return shares.size() - 1;
}

// Devices, busyness and habits of a person, fixed by a hash of their position in the list.
void fill_habits(DemoUser& user, uint64_t hash) {
    user.home = home_place(user.office, hash);
    user.pc_agent = static_cast<AgentId>(share_index(kPcAgentShares, hash >> 3));
    if (user.department == Engineering && (hash >> 13) % 3 == 0) user.pc_agent = ChromeMac;
    user.phone_agent = (hash >> 17) % 100 < 55 ? SafariIphone : ChromeAndroid;
    if ((hash >> 24) % 100 < 12) user.tablet_agent = (hash >> 31) % 2 ? SafariIpad : ChromeAndroidTablet;
    user.busyness = 1 + static_cast<int>((hash >> 38) % 5);
    user.office_days_percent = 45 + static_cast<int>((hash >> 44) % 45);
}

// FNV-1a: a name's hash that is the same everywhere, unlike std::hash.
uint64_t fnv1a(std::string_view text) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ull;
    return h;
}

DemoUser named(std::string_view name, Department department, OfficeId id) {
    DemoUser user;
    user.upn = std::string(name) + "@contoso.example";
    user.department = department;
    user.office = id;
    fill_habits(user, stable_hash(0x5eed, fnv1a(name)));
    return user;
}

// The people the planted stories and the delegation examples need, with fixed habits.
std::vector<DemoUser> named_users() {
    std::vector<DemoUser> users;
    users.push_back(named("daniel.reyes", Sales, Seattle));
    users.back().pc_agent = EdgeWindows;
    users.back().office_days_percent = 85;
    users.push_back(named("priya.natarajan", Finance, NewYork));
    users.back().home = place("198.19.23.41", "", {}, "US", "New York", "Hudson Broadband");
    users.back().pc_agent = ChromeWindows;
    users.push_back(named("tom.hughes", Marketing, London));
    users.push_back(named("alex.morgan", It, Seattle));
    users.back().it_admin = true;
    users.back().pc_agent = EdgeWindows;
    users.push_back(named("grace.liu", Finance, Seattle));
    users.push_back(named("nina.kowalski", It, Seattle));
    users.back().it_admin = true;
    users.push_back(named("rahul.mehta", It, London));
    users.back().it_admin = true;
    users.push_back(named("rachel.kim", It, NewYork));
    users.back().it_admin = true;
    users.push_back(named("catherine.doyle", Executive, Seattle));
    users.push_back(named("ben.carter", Operations, Seattle));
    users.back().delegate_for = "catherine.doyle@contoso.example";
    users.push_back(named("michael.osei", Executive, NewYork));
    users.push_back(named("laura.bianchi", Operations, NewYork));
    users.back().delegate_for = "michael.osei@contoso.example";
    return users;
}

DemoUser generated_user(int index) {
    const uint64_t hash = stable_hash(0xC0D7050, static_cast<uint64_t>(index));
    const size_t first = static_cast<size_t>(index) % kFirstNames.size();
    const size_t last = (first + 7 * (static_cast<size_t>(index) / kFirstNames.size())) % kLastNames.size();
    DemoUser user;
    user.upn = std::string(kFirstNames[first]) + "." + std::string(kLastNames[last]) + "@contoso.example";
    user.department = static_cast<Department>(share_index(kDepartmentShares, hash));
    user.office = static_cast<OfficeId>(share_index(kOfficeShares, hash >> 50));
    fill_habits(user, hash);
    if (hash % 23 == 0)
        user.trip = BusinessTrip{static_cast<int>((hash >> 5) % 4), 6 + static_cast<int>((hash >> 9) % 24),
                                 2 + static_cast<int>((hash >> 14) % 4)};
    return user;
}

std::vector<DemoUser> build_users() {
    std::vector<DemoUser> users = named_users();
    std::set<std::string> taken;
    for (const DemoUser& u : users) taken.insert(u.upn);
    for (int i = 0; static_cast<int>(users.size()) < kEmployeeCount; ++i) {
        DemoUser user = generated_user(i);
        if (taken.insert(user.upn).second) users.push_back(std::move(user));
    }

    DemoUser service;
    service.upn = "svc-reporting@contoso.example";
    service.department = It;
    service.office = Seattle;
    service.home = datacenter_place();
    service.pc_agent = PythonRequests;
    service.busyness = 4;
    service.service_account = true;
    users.push_back(std::move(service));

    for (auto [upn, company] : {std::pair{"li.wei@fabrikam.example", FabrikamSydney},
                                std::pair{"sam.okafor@northwind.example", NorthwindChicago}}) {
        DemoUser guest;
        guest.upn = upn;
        guest.department = Sales;
        guest.office = company;
        guest.home = office(company).egress.front();
        guest.pc_agent = company == FabrikamSydney ? ChromeWindows : SafariMac;
        guest.busyness = 1;
        guest.office_days_percent = 100;
        guest.guest = true;
        users.push_back(std::move(guest));
    }
    return users;
}

} // namespace

const std::vector<DemoUser>& demo_users() {
    static const std::vector<DemoUser> users = build_users();
    return users;
}

const DemoUser& find_demo_user(std::string_view upn) {
    for (const DemoUser& user : demo_users())
        if (user.upn == upn) return user;
    throw std::out_of_range("not a demo user: " + std::string(upn));
}

// [SECTION] Names of things ---------------------------------------------------------------------

std::span<const std::string_view> document_names() {
    static constexpr std::string_view kNames[] = {
        "Q3-forecast.xlsx", "Q4-forecast.xlsx", "Budget-2027.xlsx", "Customer-list.xlsx", "Board-deck-November.pptx",
        "Sales-pipeline.xlsx", "Product-roadmap-2027.pptx", "Contract-Fabrikam-renewal.docx",
        "Contract-Northwind-MSA.pdf", "Invoice-10482.pdf", "Invoice-10517.pdf", "Org-chart.pdf",
        "Onboarding-guide.docx", "Incident-report-INC-2291.docx", "Architecture-overview.vsdx",
        "Payroll-October.xlsx", "Salary-bands-2027.xlsx", "Expense-report-Oct.xlsx", "Travel-policy.pdf",
        "Marketing-plan-Q1.docx", "Campaign-results.xlsx", "Brand-guidelines.pdf", "Press-release-draft.docx",
        "Pricing-sheet-2027.xlsx", "Competitive-analysis.docx", "Security-policy.pdf", "Vendor-assessment.xlsx",
        "NDA-template.docx", "Meeting-notes-1114.docx", "Team-offsite-agenda.docx", "Headcount-plan.xlsx",
        "Release-notes-4.2.md", "API-design.docx", "Load-test-results.xlsx", "Customer-feedback.xlsx",
        "Partner-program.pptx", "Audit-findings-2026.pdf", "Tax-filing-Q3.pdf", "Benefits-overview.pdf",
        "Quarterly-business-review.pptx", "Forecast-model.xlsm", "Deal-desk-approvals.xlsx",
        "Support-escalations.xlsx", "Legal-hold-notice.docx", "Patent-draft-0042.docx", "Hiring-pipeline.xlsx",
        "Performance-reviews-H2.xlsx", "Office-floorplan.pdf", "IT-asset-inventory.xlsx", "Cap-table.xlsx",
    };
    return kNames;
}

std::span<const std::string_view> mail_subjects() {
    static constexpr std::string_view kSubjects[] = {
        "Re: Q3 planning", "Weekly sync notes", "Customer escalation - Fabrikam", "Invoice 10482 approval",
        "Re: Contract redlines", "Lunch on Friday?", "Updated roadmap", "FW: Security awareness training",
        "Board meeting prep", "Re: Hiring update", "Travel itinerary", "Budget review follow-up",
        "Meeting: Pipeline review", "Meeting: 1:1", "Meeting: All-hands", "Re: Offsite logistics",
        "Northwind renewal", "Action items from today", "Re: Expense report", "Out of office next week",
    };
    return kSubjects;
}

std::span<const std::string_view> teams_channels() {
    static constexpr std::string_view kChannels[] = {
        "Sales / General", "Engineering / Releases", "Engineering / On-call", "Finance / Close",
        "Marketing / Campaigns", "IT / Helpdesk", "All Company / Announcements", "Leadership / Staff",
        "Fabrikam partnership / General", "Operations / Facilities",
    };
    return kChannels;
}

std::span<const std::string_view> team_names() {
    static constexpr std::string_view kTeams[] = {
        "Sales", "Engineering", "Finance", "Marketing", "IT", "All Company", "Leadership", "Fabrikam partnership",
        "Project Falcon", "Operations",
    };
    return kTeams;
}

std::span<const std::string_view> salesforce_records() {
    static constexpr std::string_view kRecords[] = {
        "Opportunity: Fabrikam renewal 2027", "Opportunity: Northwind expansion", "Account: Tailspin Toys",
        "Account: Wingtip Toys", "Contact: Jordan Lee (Tailspin Toys)", "Opportunity: Litware pilot",
        "Case: 00104512", "Lead: Adventure Works", "Account: Woodgrove Bank", "Quote: Q-2026-1187",
    };
    return kRecords;
}

std::span<const std::string_view> salesforce_reports() {
    static constexpr std::string_view kReports[] = {
        "Pipeline by region", "Closed won this quarter", "Accounts by owner", "Open cases by priority",
        "Forecast vs quota",
    };
    return kReports;
}

std::span<const std::string_view> aws_resources() {
    static constexpr std::string_view kResources[] = {
        "i-0a3f9c2e7b1d45e60", "i-07c1d2e3f4a5b6c78", "i-0f1e2d3c4b5a69788",
        "s3://contoso-data-lake/exports/daily.parquet", "s3://contoso-web-assets/index.html",
        "s3://contoso-backups/db/2026-11-01.tar.gz", "arn:aws:iam::111122223333:user/deploy-bot",
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
    };
    return kResources;
}

std::span<const std::string_view> admin_roles() {
    static constexpr std::string_view kRoles[] = {
        "Helpdesk Administrator", "User Administrator", "Exchange Administrator", "SharePoint Administrator",
        "Global Reader", "Teams Administrator",
    };
    return kRoles;
}

std::span<const std::string_view> inbox_rule_folders() {
    static constexpr std::string_view kFolders[] = {
        "Newsletters", "Jira notifications", "Vendor invoices", "Calendar updates", "Build alerts",
    };
    return kFolders;
}

std::span<const std::string_view> failure_messages() {
    static constexpr std::string_view kMessages[] = {
        "Invalid username or password", "Invalid username or password", "Invalid username or password",
        "General failure", "Strong authentication is required", "The user account is locked",
    };
    return kMessages;
}

std::string_view department_name(Department department) {
    static constexpr std::string_view kNames[kDepartmentCount] = {
        "Sales", "Engineering", "Finance", "HR", "Marketing", "Operations", "Legal", "IT", "Leadership"};
    return kNames[department];
}

std::string sharepoint_folder(Department department) {
    return "https://contoso.sharepoint.example/sites/" + std::string(department_name(department)) + "/Shared Documents";
}

std::string onedrive_folder(std::string_view upn) {
    std::string account(upn);
    for (char& c : account)
        if (c == '.' || c == '@') c = '_';
    return "https://contoso-my.sharepoint.example/personal/" + account + "/Documents";
}

} // namespace sightline::demo
