#include "import/column_mapping_memory.h"

#include "import/column_mapping_json.h"
#include "util/stored_list_json.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>

namespace sightline {
namespace {

constexpr int kFormatVersion = 1;

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

} // namespace

std::string normalized_column_name(std::string_view name) {
    if (name.substr(0, 3) == "\xEF\xBB\xBF") name.remove_prefix(3); // a BOM left on the first name
    std::string out;
    bool pending_space = false;
    for (char c : name) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string header_identity(const std::vector<std::string>& column_names) {
    std::string identity;
    for (const std::string& name : column_names) {
        identity += normalized_column_name(name);
        identity += '\n'; // never inside a normalised name: whitespace became ' '
    }
    return identity;
}

void ColumnMappingMemory::remember(const std::vector<std::string>& column_names, const ColumnMapping& mapping,
                                   std::string file_name) {
    const std::string identity = header_identity(column_names);
    std::erase_if(entries_, [&](const Entry& e) { return header_identity(e.columns) == identity; });
    entries_.insert(entries_.begin(), Entry{column_names, in_canonical_order(mapping), std::move(file_name)});
    if (entries_.size() > kMaxEntries) entries_.resize(kMaxEntries);
}

void ColumnMappingMemory::merge(const ColumnMappingMemory& other) {
    for (auto e = other.entries_.rbegin(); e != other.entries_.rend(); ++e) remember(e->columns, e->mapping, e->file_name);
}

std::optional<RememberedMapping> ColumnMappingMemory::find(const std::vector<std::string>& column_names) const {
    const std::string identity = header_identity(column_names);
    for (const Entry& e : entries_) {
        if (header_identity(e.columns) != identity) continue;
        RememberedMapping found{{}, e.file_name};
        for (const auto& [field, column] : e.mapping) {
            const std::string wanted = normalized_column_name(column);
            auto it = std::find_if(column_names.begin(), column_names.end(),
                                   [&](const std::string& name) { return normalized_column_name(name) == wanted; });
            if (it == column_names.end()) return std::nullopt;
            found.mapping.emplace_back(field, *it);
        }
        return found;
    }
    return std::nullopt;
}

std::string ColumnMappingMemory::to_json() const {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("version");
    w.Int(kFormatVersion);
    w.Key("mappings");
    w.StartArray();
    for (const Entry& e : entries_) {
        w.StartObject();
        w.Key("columns");
        w.StartArray();
        for (const std::string& c : e.columns) w.String(c.data(), static_cast<rapidjson::SizeType>(c.size()));
        w.EndArray();
        w.Key("mapping");
        write_column_mapping(w, e.mapping);
        w.Key("file");
        w.String(e.file_name.data(), static_cast<rapidjson::SizeType>(e.file_name.size()));
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

ColumnMappingMemoryLoad ColumnMappingMemory::from_json(std::string_view json) {
    ColumnMappingMemoryLoad load;
    StoredList stored = read_stored_list(json, "remembered column mappings", "mappings", kFormatVersion);
    load.error = std::move(stored.error);
    if (!stored.items()) return load;
    const rapidjson::Value& list = *stored.items();
    for (rapidjson::SizeType i = 0; i < list.Size() && load.memory.entries_.size() < kMaxEntries; ++i) {
        const rapidjson::Value& item = list[i];
        const std::string where = "remembered mapping " + std::to_string(i + 1) + " skipped: ";
        if (!item.IsObject() || !item.HasMember("columns") || !item["columns"].IsArray() || !item.HasMember("mapping")) {
            load.error = append_error(load.error, where + "expected {\"columns\": [...], \"mapping\": {...}}");
            continue;
        }
        Entry entry;
        for (const auto& c : item["columns"].GetArray())
            if (c.IsString()) entry.columns.emplace_back(c.GetString(), c.GetStringLength());
        std::string error;
        auto mapping = column_mapping_from_json(item["mapping"], error);
        if (!mapping || entry.columns.size() != item["columns"].Size()) {
            load.error = append_error(load.error, where + (mapping ? "a column name is not text" : error));
            continue;
        }
        entry.mapping = std::move(*mapping);
        if (item.HasMember("file") && item["file"].IsString()) entry.file_name = item["file"].GetString();
        load.memory.entries_.push_back(std::move(entry)); // stored newest first already
    }
    return load;
}

} // namespace sightline
