#include "store/coded_column.h"

#include <algorithm>

namespace sightline {

uint32_t CodedColumn::code_of(std::string_view value) {
    auto found = index_.find(value);
    if (found != index_.end()) return found->second;
    const auto code = static_cast<uint32_t>(values_.size());
    if (value.find('\0') != std::string_view::npos) has_nul_ = true;
    index_.emplace(values_.emplace_back(value), code);
    return code;
}

void CodedColumn::reserve(size_t rows) {
    reserved_rows_ = rows;
    if (wide_) wide_codes_.reserve(rows);
    else narrow_codes_.reserve(rows);
}

void CodedColumn::append(std::string_view value) {
    if (abandoned_) return;
    if (values_.size() >= max_distinct_ && !index_.contains(value)) {
        clear();
        abandoned_ = true;
        return;
    }
    const uint32_t code = code_of(value);
    if (!wide_ && code > UINT16_MAX) {
        wide_codes_.reserve(std::max(reserved_rows_, narrow_codes_.size() + 1));
        wide_codes_.assign(narrow_codes_.begin(), narrow_codes_.end());
        narrow_codes_ = {};
        wide_ = true;
    }
    if (wide_) wide_codes_.push_back(code);
    else narrow_codes_.push_back(static_cast<uint16_t>(code));
}

void CodedColumn::clear() {
    index_.clear();
    values_.clear();
    has_nul_ = false;
    narrow_codes_ = {};
    wide_codes_ = {};
    wide_ = false;
    abandoned_ = false;
}

} // namespace sightline
