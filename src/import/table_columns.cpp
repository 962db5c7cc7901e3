#include "import/table_columns.h"

#include "import/field_text.h"

namespace sightline {

TableColumns::TableColumns(std::vector<std::string> names) : names_(std::move(names)) {
    keys_.reserve(names_.size());
    for (const std::string& n : names_) keys_.push_back(header_key(n));
}

int TableColumns::find(std::initializer_list<std::string_view> aliases) const {
    for (std::string_view alias : aliases) {
        const std::string key = header_key(alias);
        for (size_t i = 0; i < keys_.size(); ++i)
            if (keys_[i] == key) return static_cast<int>(i);
    }
    return -1;
}

int TableColumns::find_exact(std::string_view name) const {
    for (size_t i = 0; i < names_.size(); ++i)
        if (trim(names_[i]) == trim(name)) return static_cast<int>(i);
    return find({name});
}

} // namespace sightline
