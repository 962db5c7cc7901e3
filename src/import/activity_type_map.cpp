#include "import/activity_type_map.h"

#include "import/field_text.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

namespace sightline {
namespace {

struct TypeMapping {
    std::string_view type;                  // normalised activity type
    std::vector<std::string_view> raw_names; // operations / categories that mean it
};

// Sources: Microsoft 365 audit Operation names (Purview activity tables), Defender for Cloud
// Apps EVENT_CATEGORY_* names, Entra audit activity names, CloudAppEvents ActionType/ActivityType.
const std::vector<TypeMapping>& type_table() {
    static const std::vector<TypeMapping> table = {
        {"Log on", {"UserLoggedIn", "EVENT_CATEGORY_LOGIN", "Login", "Logon", "Sign-in", "SignIn", "MailboxLogin",
                    "Sign-in activity", "LoginSuccess", "Successful sign-in"}},
        {"Failed log on", {"UserLoginFailed", "EVENT_CATEGORY_FAILED_LOGIN", "FailedLogin", "LoginFailed",
                           "Failed sign-in", "SignInFailure", "Failed login", "LogonFailed"}},
        {"Log off", {"EVENT_CATEGORY_LOGOUT", "UserLoggedOut", "Logout", "Logoff", "Sign out"}},
        {"Download file", {"FileDownloaded", "FileSyncDownloadedFull", "FileSyncDownloadedPartial",
                           "EVENT_CATEGORY_DOWNLOAD_FILE", "Download", "DownloadFile"}},
        {"Upload file", {"FileUploaded", "FileSyncUploadedFull", "FileSyncUploadedPartial",
                         "EVENT_CATEGORY_UPLOAD_FILE", "Upload", "UploadFile"}},
        {"View file", {"FileAccessed", "FileAccessedExtended", "FilePreviewed", "EVENT_CATEGORY_VIEW_FILE",
                       "EVENT_CATEGORY_ACCESS_FILE", "ViewFile"}},
        {"Edit file", {"FileModified", "FileModifiedExtended", "EVENT_CATEGORY_EDIT_FILE", "EditFile"}},
        {"Create file", {"FileCreated", "EVENT_CATEGORY_CREATE_FILE"}},
        {"Rename file", {"FileRenamed", "EVENT_CATEGORY_RENAME_FILE"}},
        {"Move file", {"FileMoved", "EVENT_CATEGORY_MOVE_FILE"}},
        {"Copy file", {"FileCopied", "EVENT_CATEGORY_COPY_FILE"}},
        {"Delete file", {"FileDeleted", "FileDeletedFirstStageRecycleBin", "FileDeletedSecondStageRecycleBin",
                         "FileRecycled", "EVENT_CATEGORY_DELETE_FILE", "DeleteFile"}},
        {"Restore file", {"FileRestored", "EVENT_CATEGORY_RESTORE_FILE"}},
        {"Share file", {"SharingSet", "SharingInvitationCreated", "AnonymousLinkCreated", "CompanyLinkCreated",
                        "SecureLinkCreated", "AddedToSecureLink", "SharingLinkCreated", "EVENT_CATEGORY_SHARE_FILE",
                        "EVENT_CATEGORY_SHARE", "Share", "ShareFile"}},
        {"Unshare file", {"SharingRevoked", "AnonymousLinkRemoved", "CompanyLinkRemoved", "SecureLinkDeleted",
                          "RemovedFromSecureLink", "EVENT_CATEGORY_UNSHARE_FILE", "EVENT_CATEGORY_UNSHARE"}},
        {"Send mail", {"Send", "SendAs", "SendOnBehalf", "MailSent", "EVENT_CATEGORY_SEND_MAIL",
                       "EVENT_CATEGORY_SEND_EMAIL"}},
        {"Read mail", {"MailItemsAccessed", "EVENT_CATEGORY_READ_MAIL"}},
        {"Delete mail", {"SoftDelete", "HardDelete", "MoveToDeletedItems", "EVENT_CATEGORY_DELETE_MAIL"}},
        {"Create inbox rule", {"New-InboxRule", "Set-InboxRule", "UpdateInboxRules", "EVENT_CATEGORY_CREATE_INBOX_RULE",
                               "EVENT_CATEGORY_CREATE_RULE"}},
        {"Create forwarding rule", {"Set-Mailbox-Forwarding", "New-TransportRule"}},
        {"Add mailbox permission", {"Add-MailboxPermission", "Add-RecipientPermission"}},
        {"Add member to role", {"Add member to role.", "Add eligible member to role.", "EVENT_CATEGORY_ADD_USER_TO_ROLE",
                                "Add-RoleGroupMember"}},
        {"Remove member from role", {"Remove member from role.", "EVENT_CATEGORY_REMOVE_USER_FROM_ROLE",
                                     "Remove-RoleGroupMember"}},
        {"Add member to group", {"Add member to group.", "AddedToGroup", "MemberAdded", "EVENT_CATEGORY_ADD_USER_TO_GROUP"}},
        {"Remove member from group", {"Remove member from group.", "RemovedFromGroup", "MemberRemoved",
                                      "EVENT_CATEGORY_REMOVE_USER_FROM_GROUP"}},
        {"Create user", {"Add user.", "EVENT_CATEGORY_CREATE_USER", "New-Mailbox"}},
        {"Delete user", {"Delete user.", "EVENT_CATEGORY_DELETE_USER", "Remove-Mailbox"}},
        {"Update user", {"Update user.", "EVENT_CATEGORY_UPDATE_USER", "Set-User"}},
        {"Reset password", {"Reset user password.", "Reset password (self-service)", "Set force change user password.",
                            "EVENT_CATEGORY_RESET_PASSWORD", "ResetPassword"}},
        {"Change password", {"Change user password.", "Change password (self-service)", "EVENT_CATEGORY_CHANGE_PASSWORD"}},
        {"Consent to application", {"Consent to application.", "EVENT_CATEGORY_OAUTH_CONSENT", "Consent"}},
        {"Add application", {"Add application.", "Add service principal.", "EVENT_CATEGORY_CREATE_APP"}},
        {"Search", {"SearchQueryPerformed", "SearchQueryInitiatedSharePoint", "SearchQueryInitiatedExchange",
                    "EVENT_CATEGORY_SEARCH"}},
        {"Create site", {"SiteCollectionCreated", "EVENT_CATEGORY_CREATE_SITE"}},
        {"Create team", {"TeamCreated"}},
        {"Delete team", {"TeamDeleted"}},
        {"Unspecified", {"EVENT_CATEGORY_UNSPECIFIED"}},
    };
    return table;
}

const std::unordered_map<std::string, std::string_view>& lookup() {
    static const std::unordered_map<std::string, std::string_view> map = [] {
        std::unordered_map<std::string, std::string_view> m;
        for (const TypeMapping& mapping : type_table()) {
            m.emplace(header_key(mapping.type), mapping.type);
            for (std::string_view raw : mapping.raw_names) m.emplace(header_key(raw), mapping.type);
        }
        return m;
    }();
    return map;
}

// Normalised names, longest first, so "Failed log on" is tried before "Log on".
const std::vector<std::string_view>& types_longest_first() {
    static const std::vector<std::string_view> types = [] {
        std::vector<std::string_view> v;
        for (const TypeMapping& mapping : type_table()) v.push_back(mapping.type);
        std::sort(v.begin(), v.end(), [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
        return v;
    }();
    return types;
}

} // namespace

std::string_view activity_type_for_operation(std::string_view raw) {
    raw = trim(raw);
    if (raw.empty()) return {};
    auto it = lookup().find(header_key(raw));
    return it == lookup().end() ? std::string_view{} : it->second;
}

std::string_view activity_type_from_description(std::string_view description) {
    description = trim(description);
    for (std::string_view type : types_longest_first()) {
        if (!istarts_with(description, type)) continue;
        if (description.size() == type.size()) return type;
        const char next = description[type.size()];
        if (!std::isalnum(static_cast<unsigned char>(next))) return type;
    }
    return {};
}

} // namespace sightline
