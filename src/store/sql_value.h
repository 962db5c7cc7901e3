// A value bound to a SQL parameter. Filters, policies and queries carry their user-supplied
// values in these, never inside SQL text.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace sightline {

using SqlBlob = std::vector<uint8_t>;
using SqlValue = std::variant<std::monostate, int64_t, double, std::string, SqlBlob>;

// A piece of SQL with its `?` parameters, in order.
struct SqlFragment {
    std::string sql;
    std::vector<SqlValue> params;
};

} // namespace sightline
