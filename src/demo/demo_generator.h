// The built-in demo data set: a deterministic month of activity in the fictional Contoso
// tenant (contoso.example), with five planted incidents an analyst should find. It lets the
// product be tried without an export at hand, and gives tests and docs a fixed data set.
#pragma once

#include "model/activity.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace sightline {

struct DemoOptions {
    uint64_t seed = 20261125;
    int activity_count = 24000;          // background activities; planted stories add to these
    int64_t end_time_ms = 1795564800000; // 2026-11-25T00:00:00Z: newest activity is just before this
    int days = 35;
};

// Same options -> byte-identical activities, on every platform (native and wasm), sorted by
// time ascending (ties by id). Background activities fill the `days` before end_time_ms; the
// planted stories sit at fixed offsets before end_time_ms (see demo_story) whatever the seed.
std::vector<Activity> generate_demo_activities(const DemoOptions& options = {});

// The planted stories. Times are given as "before DemoOptions::end_time_ms"; the comments
// give them for the default end time. Every story row has result, user and IP as named here.
namespace demo_story {

inline constexpr int64_t kMinuteMs = 60'000;
inline constexpr int64_t kHourMs = 60 * kMinuteMs;
inline constexpr int64_t kDayMs = 24 * kHourMs;

inline constexpr std::string_view kSource = "Demo data"; // Activity::source of every demo row
inline constexpr std::string_view kFile = "demo-data";   // Activity::file of every demo row
inline constexpr std::string_view kDomain = "contoso.example";

// 1. Impossible travel: a Seattle sales rep logs on (Office 365, Success) from the office, then
//    38 minutes later from a hosting provider in Singapore.
inline constexpr std::string_view kImpossibleTravelUser = "daniel.reyes@contoso.example";
inline constexpr std::string_view kImpossibleTravelOfficeIp = "192.0.2.11";     // US, Seattle, Corporate
inline constexpr std::string_view kImpossibleTravelRemoteIp = "203.0.113.23";   // SG, Singapore, Cloud provider
inline constexpr std::string_view kImpossibleTravelRemoteCountry = "SG";
inline constexpr int64_t kImpossibleTravelOfficeLogonBeforeEndMs = 9 * kDayMs - (16 * kHourMs + 5 * kMinuteMs);  // 2026-11-16T16:05:00Z
inline constexpr int64_t kImpossibleTravelRemoteLogonBeforeEndMs = 9 * kDayMs - (16 * kHourMs + 43 * kMinuteMs); // 2026-11-16T16:43:00Z

// 2. Mass download: a finance analyst downloads 72 files (SharePoint Online and OneDrive for
//    Business, "Download file") within 55 seconds, on a Friday evening from home.
inline constexpr std::string_view kMassDownloadUser = "priya.natarajan@contoso.example";
inline constexpr std::string_view kMassDownloadIp = "198.19.23.41"; // US, New York, Hudson Broadband
inline constexpr int kMassDownloadCount = 72;
inline constexpr int64_t kMassDownloadSpanMs = 55'000;
inline constexpr int64_t kMassDownloadStartBeforeEndMs = 5 * kDayMs - (23 * kHourMs + 2 * kMinuteMs); // 2026-11-20T23:02:00Z

// 3. Failed log-on burst: 30 "Failed log on" (Office 365) for one user within 4.5 minutes from a
//    botnet IP, using a python-requests client, then a successful "Log on" from the same IP.
inline constexpr std::string_view kFailedLogonUser = "tom.hughes@contoso.example";
inline constexpr std::string_view kFailedLogonIp = "203.0.113.201"; // BR, Sao Paulo, Risky, tag Botnet
inline constexpr int kFailedLogonAttempts = 30;
inline constexpr int64_t kFailedLogonBurstStartBeforeEndMs = 3 * kDayMs - (2 * kHourMs + 31 * kMinuteMs); // 2026-11-22T02:31:00Z
inline constexpr int64_t kFailedLogonSuccessBeforeEndMs = 3 * kDayMs - (2 * kHourMs + 36 * kMinuteMs);    // 2026-11-22T02:36:00Z

// 4. Admin action from a non-corporate IP: an IT admin, at night from a residential IP in
//    Portugal, creates an account and adds it to the Global Administrator role (admin = true).
inline constexpr std::string_view kRiskyAdminUser = "alex.morgan@contoso.example";
inline constexpr std::string_view kRiskyAdminIp = "198.51.100.77"; // PT, Lisbon, Tejo Telecom, no category
inline constexpr std::string_view kRiskyAdminCountry = "PT";
inline constexpr std::string_view kRiskyAdminRole = "Global Administrator";
inline constexpr std::string_view kRiskyAdminTargetUser = "helpdesk.ops@contoso.example";
inline constexpr int64_t kRiskyAdminActionBeforeEndMs = 7 * kDayMs - (3 * kHourMs + 47 * kMinuteMs); // 2026-11-18T03:47:00Z

// 5. Inbox rule forwarding outside: after a log on through an anonymous proxy, a rule is
//    created (Exchange Online, "Create inbox rule", New-InboxRule) forwarding all mail to an
//    external address.
inline constexpr std::string_view kInboxRuleUser = "grace.liu@contoso.example";
inline constexpr std::string_view kInboxRuleIp = "203.0.113.140"; // NL, Amsterdam, Risky, tag Anonymous proxy
inline constexpr std::string_view kInboxRuleName = "Archive sync";
inline constexpr std::string_view kInboxRuleForwardTo = "grace.liu.archive@freemail.example";
inline constexpr int64_t kInboxRuleBeforeEndMs = 2 * kDayMs - (14 * kHourMs + 22 * kMinuteMs); // 2026-11-23T14:22:00Z

} // namespace demo_story
} // namespace sightline
