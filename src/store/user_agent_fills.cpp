#include "store/user_agent_fills.h"

#include "store/sqlite_handle.h"

#include <sqlite3.h>

#include <array>

namespace sightline {
namespace {

constexpr std::array<std::string_view, 3> kCopiedFields = {"browser", "os", "device_type"};

constexpr const char* kTagsExist = "EXISTS (SELECT 1 FROM activity_ua_tags AS t WHERE t.activity = a.rowid)";

} // namespace

std::vector<UserAgentGap> read_user_agent_gaps(const ActivityStore& store, int64_t after_rowid, int64_t through_rowid) {
    sqlite3* db = store.db();
    Statement st = prepare(db, std::string("SELECT rowid, time, user_agent, browser = '', os = '', device_type = '', "
                                           "browser = '' AND os = '' AND NOT ") + kTagsExist +
                                   " FROM activities AS a WHERE rowid > ?1 AND rowid <= ?2 AND user_agent <> '' AND "
                                   "(browser = '' OR os = '' OR device_type = '' OR NOT " + kTagsExist +
                                   ") ORDER BY rowid");
    sqlite3_bind_int64(st.get(), 1, after_rowid);
    sqlite3_bind_int64(st.get(), 2, through_rowid);
    std::vector<UserAgentGap> gaps;
    while (step_row(db, st.get())) {
        UserAgentGap& gap = gaps.emplace_back();
        gap.rowid = sqlite3_column_int64(st.get(), 0);
        gap.time_ms = sqlite3_column_int64(st.get(), 1);
        gap.user_agent = column_text(st.get(), 2);
        gap.lacks_browser = sqlite3_column_int(st.get(), 3) != 0;
        gap.lacks_os = sqlite3_column_int(st.get(), 4) != 0;
        gap.lacks_device_type = sqlite3_column_int(st.get(), 5) != 0;
        gap.lacks_ua_tags = sqlite3_column_int(st.get(), 6) != 0;
    }
    return gaps;
}

void write_user_agent_fills(ActivityStore& store, std::span<const UserAgentFill> fills) {
    store.rewrite_coded_fields(kCopiedFields, [&](sqlite3* db) {
        // One statement a row: each field is set, and its bit with it, only while it is empty
        // and a value was computed (the export's values win).
        Statement set_fields = prepare(
            db, "UPDATE activities SET "
                "computed = computed | (CASE WHEN browser = '' AND ?2 <> '' THEN ?5 ELSE 0 END) "
                "| (CASE WHEN os = '' AND ?3 <> '' THEN ?6 ELSE 0 END) "
                "| (CASE WHEN device_type = '' AND ?4 <> '' THEN ?7 ELSE 0 END), "
                "browser = CASE WHEN browser = '' THEN ?2 ELSE browser END, "
                "os = CASE WHEN os = '' THEN ?3 ELSE os END, "
                "device_type = CASE WHEN device_type = '' THEN ?4 ELSE device_type END "
                "WHERE rowid = ?1");
        sqlite3_stmt* st = set_fields.get();
        sqlite3_bind_int64(st, 5, static_cast<int64_t>(computed_bit(FieldId::browser)));
        sqlite3_bind_int64(st, 6, static_cast<int64_t>(computed_bit(FieldId::os)));
        sqlite3_bind_int64(st, 7, static_cast<int64_t>(computed_bit(FieldId::device_type)));
        Statement has_tags = prepare(db, "SELECT 1 FROM activity_ua_tags WHERE activity = ?1 LIMIT 1");
        Statement add_tag = prepare(db, "INSERT INTO activity_ua_tags (activity, value) VALUES (?1, ?2)");
        Statement mark_tags = prepare(db, "UPDATE activities SET computed = computed | ?2 WHERE rowid = ?1");
        exec(db, "SAVEPOINT user_agent_fills");
        try {
            for (const UserAgentFill& fill : fills) {
                if (!fill.browser.empty() || !fill.os.empty() || !fill.device_type.empty()) {
                    sqlite3_reset(st);
                    sqlite3_bind_int64(st, 1, fill.rowid);
                    bind_text(st, 2, fill.browser);
                    bind_text(st, 3, fill.os);
                    bind_text(st, 4, fill.device_type);
                    step_row(db, st);
                }
                if (fill.ua_tags.empty()) continue;
                sqlite3_reset(has_tags.get());
                sqlite3_bind_int64(has_tags.get(), 1, fill.rowid);
                if (step_row(db, has_tags.get())) continue;
                sqlite3_reset(has_tags.get());
                for (const std::string_view tag : fill.ua_tags) {
                    sqlite3_reset(add_tag.get());
                    sqlite3_bind_int64(add_tag.get(), 1, fill.rowid);
                    bind_text(add_tag.get(), 2, tag);
                    step_row(db, add_tag.get());
                }
                sqlite3_reset(mark_tags.get());
                sqlite3_bind_int64(mark_tags.get(), 1, fill.rowid);
                sqlite3_bind_int64(mark_tags.get(), 2, static_cast<int64_t>(computed_bit(FieldId::ua_tags)));
                step_row(db, mark_tags.get());
            }
        } catch (...) {
            exec(db, "ROLLBACK TO user_agent_fills; RELEASE user_agent_fills");
            throw;
        }
        exec(db, "RELEASE user_agent_fills");
    });
}

} // namespace sightline
