// AppModel's IP address range commands: the table (app/ip_range_table.h) changes, its undo
// stack grows by one step, and the store rewrites the matching activities (store/ip_overrides.h).
#include "app/app_model.h"

#include "app/ip_range_json.h"
#include "store/ip_overrides.h"

namespace sightline {
namespace {

constexpr size_t kMaxUndoSteps = 100;

} // namespace

void AppModel::apply_ip_ranges() {
    stop_readers(Writing::Rows);
    const std::vector<IpOverride> overrides = ip_ranges_.overrides();
    apply_ip_overrides(store_, overrides);
    if (open_activity_) open_activity(open_activity_->id);
    data_changed(); // the log, and the saved policies, which run again (a range changes ip_category)
}

std::string AppModel::change_ip_ranges(IpRangeTable changed) {
    if (changed == ip_ranges_) return {};
    ip_range_undo_.push_back(std::move(ip_ranges_));
    if (ip_range_undo_.size() > kMaxUndoSteps) ip_range_undo_.erase(ip_range_undo_.begin());
    ip_ranges_ = std::move(changed);
    settings_.note_change();
    apply_ip_ranges();
    return {};
}

std::string AppModel::set_ip_range(const IpRangeDefinition& range, std::string_view editing) {
    if (importing()) return "wait for the import to finish";
    IpRangeTable changed = ip_ranges_;
    if (std::string error = changed.set(range, editing); !error.empty()) return error;
    return change_ip_ranges(std::move(changed));
}

std::string AppModel::remove_ip_range(std::string_view name) {
    if (importing()) return "wait for the import to finish";
    IpRangeTable changed = ip_ranges_;
    if (std::string error = changed.remove(name); !error.empty()) return error;
    return change_ip_ranges(std::move(changed));
}

std::string AppModel::set_ip_as(std::string_view ip, std::string_view category) {
    const std::string text = normalize_ip_text(ip);
    const std::optional<IpBytes> address = parse_ip(text);
    if (!address) return "\"" + std::string(ip) + "\" is not an IPv4 or IPv6 address";
    IpRangeDefinition range;
    if (const IpRangeDefinition* existing = ip_ranges_.custom_range_containing(*address)) {
        const std::optional<IpRange> only = existing->cidrs.size() == 1 ? parse_cidr(existing->cidrs[0]) : std::nullopt;
        if (!only || only->first != only->last)
            return text + " is in the range \"" + existing->name + "\": edit that range instead";
        range = *existing;
    } else {
        range.name = text;
        range.cidrs = {text};
    }
    range.category = std::string(category);
    const std::string editing = ip_ranges_.custom_range_containing(*address) ? range.name : "";
    return set_ip_range(range, editing);
}

std::string AppModel::undo_ip_ranges() {
    if (importing()) return "wait for the import to finish";
    if (ip_range_undo_.empty()) return "nothing to undo";
    ip_ranges_ = std::move(ip_range_undo_.back());
    ip_range_undo_.pop_back();
    settings_.note_change();
    apply_ip_ranges();
    return {};
}

std::string AppModel::restore_ip_ranges(std::string_view json) {
    IpRangeTableLoad loaded = ip_ranges_from_storage_json(json);
    ip_ranges_ = std::move(loaded.table);
    ip_range_undo_.clear();
    apply_ip_ranges();
    return loaded.error;
}

} // namespace sightline
