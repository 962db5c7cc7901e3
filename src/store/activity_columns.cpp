#include "store/activity_columns.h"

#include "model/canonical_fields.h"

#include <algorithm>

namespace sightline {

namespace {

std::vector<std::string_view> fields_copied_as(FieldCopy copy) {
    std::vector<std::string_view> out;
    for (const FieldInfo& field : canonical_fields())
        if (field.copy == copy) out.push_back(field.name);
    return out;
}

std::optional<size_t> index_of(const std::vector<std::string_view>& fields, std::string_view field) {
    auto it = std::find(fields.begin(), fields.end(), field);
    if (it == fields.end()) return std::nullopt;
    return static_cast<size_t>(it - fields.begin());
}

} // namespace

const std::vector<std::string_view>& ActivityColumns::coded_fields() {
    // Fields with few distinct values relative to rows (a column with too many gives up, see
    // CodedColumn). Not there: id, description, comment and raw (nearly one value per row), and
    // the list fields (side tables).
    static const std::vector<std::string_view> fields = fields_copied_as(FieldCopy::Coded);
    return fields;
}

const std::vector<std::string_view>& ActivityColumns::flag_fields() {
    static const std::vector<std::string_view> fields = fields_copied_as(FieldCopy::Flag);
    return fields;
}

const CodedColumn* ActivityColumns::coded(std::string_view field) const {
    const std::optional<size_t> i = index_of(coded_fields(), field);
    if (!i) return nullptr;
    const CodedColumn& column = coded_[*i];
    return column.abandoned() ? nullptr : &column;
}

const std::vector<uint8_t>* ActivityColumns::flags(std::string_view field) const {
    const std::optional<size_t> i = index_of(flag_fields(), field);
    return i ? &flags_[*i] : nullptr;
}

std::optional<int64_t> ActivityColumns::newest_time() const {
    if (times_.empty()) return std::nullopt;
    return times_.front();
}

void ActivityColumns::finish() {
    for (CodedColumn& column : coded_) column.finish_appending();
    position_by_rowid_ = {};
    if (rowids_.empty()) return;
    const auto [low, high] = std::minmax_element(rowids_.begin(), rowids_.end());
    first_rowid_ = *low;
    position_by_rowid_.assign(static_cast<size_t>(*high - *low + 1), UINT32_MAX);
    for (size_t p = 0; p < rowids_.size(); ++p)
        position_by_rowid_[static_cast<size_t>(rowids_[p] - first_rowid_)] = static_cast<uint32_t>(p);
}

void ActivityColumns::replace_coded(std::string_view field, CodedColumn column) {
    const std::optional<size_t> i = index_of(coded_fields(), field);
    if (i) coded_[*i] = std::move(column);
}

std::optional<size_t> ActivityColumns::position_of(int64_t rowid) const {
    if (rowid < first_rowid_ || rowid - first_rowid_ >= static_cast<int64_t>(position_by_rowid_.size())) return std::nullopt;
    const uint32_t p = position_by_rowid_[static_cast<size_t>(rowid - first_rowid_)];
    if (p == UINT32_MAX) return std::nullopt;
    return p;
}

void ActivityColumns::clear() {
    first_rowid_ = 0;
    position_by_rowid_ = {};
    rowids_ = {};
    times_ = {};
    for (std::vector<uint8_t>& flags : flags_) flags = {};
    for (CodedColumn& column : coded_) column.clear();
}

void ActivityColumns::reserve(size_t rows) {
    rowids_.reserve(rows);
    times_.reserve(rows);
    for (std::vector<uint8_t>& flags : flags_) flags.reserve(rows);
    for (CodedColumn& column : coded_) column.reserve(rows);
}

void ActivityColumns::append_row(int64_t rowid, int64_t time, std::span<const uint8_t> flags,
                                 const std::vector<std::string_view>& coded) {
    rowids_.push_back(rowid);
    times_.push_back(time);
    for (size_t i = 0; i < flags_.size(); ++i) flags_[i].push_back(flags[i]);
    for (size_t i = 0; i < coded_.size(); ++i) coded_[i].append(coded[i]);
}

} // namespace sightline
