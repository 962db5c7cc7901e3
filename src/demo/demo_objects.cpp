// Objects and descriptions of background demo activities, one small writer per ObjectKind.
#include "demo/demo_objects.h"

namespace sightline::demo {
namespace {

std::string str(std::string_view text) { return std::string(text); }

// A colleague to act on: any employee other than the actor (never a guest or the robot).
const std::string& pick_colleague(const DemoUser& user, DemoRandom& rng) {
    const std::vector<DemoUser>& users = demo_users();
    for (;;) {
        const DemoUser& other = users[rng.below(users.size())];
        if (&other != &user && !other.guest && !other.service_account) return other.upn;
    }
}

std::string file_folder(App app, const DemoUser& user) {
    if (app == OneDrive) return onedrive_folder(user.upn);
    if (app == Box) return "https://contoso.app.box.example/folder/" + str(department_name(user.department));
    return sharepoint_folder(user.department);
}

std::string share_suffix(const DemoEvent& event, const DemoUser& user, DemoRandom& rng) {
    const std::string_view action = event.operation->action_type;
    if (action == "CompanyLinkCreated") return " (link for everyone at Contoso)";
    if (action == "AnonymousLinkCreated") return " (link for anyone with the link)";
    if (rng.percent(15)) return rng.percent(50) ? " (shared with li.wei@fabrikam.example)" : " (shared with sam.okafor@northwind.example)";
    return " (shared with " + pick_colleague(user, rng) + ")";
}

void describe_file(DemoEvent& event, const DemoUser& user, DemoRandom& rng, std::string& session_file) {
    if (session_file.empty() || rng.percent(45)) session_file = str(rng.pick(document_names()));
    const std::string folder = file_folder(event.app, user);
    event.objects = {session_file, folder + "/" + session_file};
    event.description = str(event.operation->activity_type) + ": " + session_file;
    if (event.operation->activity_type == "Share file") event.description += share_suffix(event, user, rng);
}

void describe_mail(DemoEvent& event, const DemoUser& user, DemoRandom& rng) {
    const std::string subject = str(rng.pick(mail_subjects()));
    const DemoOperation& op = *event.operation;
    if (op.on_behalf) {
        event.objects = {subject, user.delegate_for};
        event.description = "Send mail on behalf of " + user.delegate_for + ": " + subject;
        return;
    }
    event.objects = {subject};
    if (op.activity_type == "Send mail") event.objects.push_back(pick_colleague(user, rng));
    event.description = str(op.activity_type) + ": " + subject;
}

void describe_inbox_rule(DemoEvent& event, DemoRandom& rng) {
    const std::string folder = str(rng.pick(inbox_rule_folders()));
    event.objects = {folder, "MoveToFolder: " + folder};
    event.description = "Create inbox rule: " + folder + " (moves matching mail to folder " + folder + ")";
}

void describe_role_grant(DemoEvent& event, const DemoUser& user, DemoRandom& rng) {
    const std::string role = str(rng.pick(admin_roles()));
    const std::string& target = pick_colleague(user, rng);
    event.objects = {role, target};
    event.description = str(event.operation->activity_type) + ": " + role + " (" + target + ")";
}

// S3 actions name objects, IAM actions name identities, EC2 actions name instances.
std::string pick_aws_resource(std::string_view action, DemoRandom& rng) {
    const bool s3 = action == "GetObject" || action == "PutObject" || action == "ListBuckets";
    const bool iam = action == "AttachUserPolicy" || action == "CreateAccessKey";
    for (;;) {
        std::string_view resource = rng.pick(aws_resources());
        const bool is_s3 = resource.starts_with("s3://"), is_iam = resource.starts_with("arn:");
        if (s3 == is_s3 && iam == is_iam) return str(resource);
    }
}

void describe_aws(DemoEvent& event, DemoRandom& rng) {
    const std::string_view action = event.operation->action_type;
    const std::string resource = pick_aws_resource(action, rng);
    event.objects = {resource};
    if (event.operation->activity_type == "Run command")
        event.description = "Run command: " + str(action) + " (" + resource + ")";
    else
        event.description = str(event.operation->activity_type) + ": " + resource;
}

void describe_report(DemoEvent& event, DemoRandom& rng) {
    std::string report = str(rng.pick(salesforce_reports()));
    if (event.operation->activity_type == "Download file") report += ".csv";
    event.objects = {report};
    event.description = str(event.operation->activity_type) + ": " + report;
}

void describe_team(DemoEvent& event, const DemoUser& user, DemoRandom& rng) {
    const std::string team = str(rng.pick(team_names()));
    event.objects = {team};
    event.description = str(event.operation->activity_type) + ": " + team;
    if (event.operation->action_type == "MemberAdded") {
        const std::string& member = pick_colleague(user, rng);
        event.objects.push_back(member);
        event.description += " (" + member + ")";
    }
}

// Kinds whose only object is one picked name, described as "<activity type>: <name>".
void describe_named(DemoEvent& event, std::string name) {
    event.description = str(event.operation->activity_type) + ": " + name;
    event.objects = {std::move(name)};
}

} // namespace

void describe_event(DemoEvent& event, const DemoUser& user, DemoRandom& rng, std::string& session_file) {
    switch (event.operation->object) {
    case ObjectKind::None: event.description = str(event.operation->activity_type); return;
    case ObjectKind::File: describe_file(event, user, rng, session_file); return;
    case ObjectKind::MailSubject: describe_mail(event, user, rng); return;
    case ObjectKind::InboxRule: describe_inbox_rule(event, rng); return;
    case ObjectKind::TargetUser: describe_named(event, pick_colleague(user, rng)); return;
    case ObjectKind::RoleGrant: describe_role_grant(event, user, rng); return;
    case ObjectKind::Channel: describe_named(event, str(rng.pick(teams_channels()))); return;
    case ObjectKind::Team: describe_team(event, user, rng); return;
    case ObjectKind::Record: describe_named(event, str(rng.pick(salesforce_records()))); return;
    case ObjectKind::Report: describe_report(event, rng); return;
    case ObjectKind::AwsResource: describe_aws(event, rng); return;
    }
}

std::string failed_log_on_description(std::string_view failure_message) {
    return "Failed log on (Failure message: " + str(failure_message) + ")";
}

std::string log_on_description(App app) { return "Log on to " + str(app_name(app)); }

} // namespace sightline::demo
