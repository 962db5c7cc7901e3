#include "store/activity_columns.h"

#include <algorithm>

namespace sightline {

const std::vector<std::string_view>& ActivityColumns::coded_fields() {
    // Fields with few distinct values relative to rows. Not here: id, description, user_agent,
    // comment and raw (nearly one value per row), and the list fields (side tables).
    static const std::vector<std::string_view> fields = {
        "app", "activity_type", "action_type", "user", "user_domain", "ip", "ip_category", "country",
        "city", "isp", "device_type", "browser", "os", "result", "source", "file"};
    return fields;
}

const CodedColumn* ActivityColumns::coded(std::string_view field) const {
    const auto& fields = coded_fields();
    auto it = std::find(fields.begin(), fields.end(), field);
    return it == fields.end() ? nullptr : &coded_[static_cast<size_t>(it - fields.begin())];
}

const std::vector<uint8_t>* ActivityColumns::flags(std::string_view field) const {
    if (field == "admin") return &admin_;
    if (field == "impersonated") return &impersonated_;
    return nullptr;
}

std::optional<int64_t> ActivityColumns::newest_time() const {
    if (times_.empty()) return std::nullopt;
    return times_.front();
}

void ActivityColumns::clear() {
    rowids_ = {};
    times_ = {};
    admin_ = {};
    impersonated_ = {};
    for (CodedColumn& column : coded_) column.clear();
}

void ActivityColumns::append_row(int64_t rowid, int64_t time, bool admin, bool impersonated,
                                 const std::vector<std::string_view>& coded) {
    rowids_.push_back(rowid);
    times_.push_back(time);
    admin_.push_back(admin ? 1 : 0);
    impersonated_.push_back(impersonated ? 1 : 0);
    for (size_t i = 0; i < coded_.size(); ++i) coded_[i].append(coded[i]);
}

} // namespace sightline
