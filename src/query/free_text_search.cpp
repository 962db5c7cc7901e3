#include "query/free_text_search.h"

#include "filter/filter_json.h"
#include "filter/filter_sql.h"
#include "model/canonical_fields.h"
#include "store/texts_beside_record.h"

#include <algorithm>

namespace sightline {
namespace {

void append_rowids(const ActivityStore& store, const std::string& sql, const std::vector<SqlValue>& params,
                   std::vector<int64_t>& out) {
    Statement st = prepare(store.db(), sql);
    bind_all(st.get(), params);
    append_int64_column(store.db(), st.get(), out);
}

bool has_nul(const FilterCondition& condition) {
    return std::any_of(condition.values.begin(), condition.values.end(),
                       [](const std::string& v) { return v.find('\0') != std::string::npos; });
}

} // namespace

bool free_text_searches_raw(const FilterCondition& condition) { return !has_nul(condition); }

std::vector<int64_t> free_text_in_lists(const ActivityStore& store, const FilterCondition& condition) {
    std::vector<int64_t> rowids;
    const SqlFragment lists = compile_free_text_lists_sql(condition);
    append_rowids(store, lists.sql, lists.params, rowids);
    return rowids;
}

void free_text_in_list_rows(const ActivityStore& store, std::string_view list_field, const FilterCondition& condition,
                            int64_t after_rowid, int64_t through_rowid, std::vector<int64_t>& out) {
    SqlFragment list = compile_free_text_list_sql(condition, list_field);
    list.params.emplace_back(after_rowid);
    list.params.emplace_back(through_rowid);
    append_rowids(store, list.sql + " AND rowid > ? AND rowid <= ?", list.params, out);
}

int64_t list_last_rowid(const ActivityStore& store, std::string_view list_field) {
    std::vector<int64_t> last;
    append_rowids(store, "SELECT coalesce(max(rowid), 0) FROM " + list_table_name(list_field), {}, last);
    return last.empty() ? 0 : last.front();
}

std::vector<int64_t> free_text_in_other_columns(const ActivityStore& store, const FilterCondition& condition) {
    const ActivityColumns* columns = store.columns();
    auto in_copy = [columns](std::string_view field) { return columns && columns->coded(field); };
    std::vector<int64_t> rowids;
    if (!free_text_searches_raw(condition)) {
        // The raw records' extra texts are not searched for a NUL byte: all of it by SQL.
        SqlFragment text = compile_free_text_sql(condition, [&](std::string_view f) { return !in_copy(f); });
        append_rowids(store, "SELECT a.rowid FROM activities a WHERE " + text.sql, text.params, rowids);
        return rowids;
    }
    // Comments are few: a partial index (store/schema.cpp) lists the commented rows.
    SqlFragment comments = compile_free_text_sql(condition, [](std::string_view f) { return f == "comment"; });
    append_rowids(store, "SELECT a.rowid FROM activities a WHERE a.comment <> '' AND " + comments.sql,
                  comments.params, rowids);
    // A coded column the copy gave up on (too many distinct values) needs a pass over the rows.
    auto left_over = [&](std::string_view f) {
        return f != "raw" && f != "comment" && !text_searched_with_raw(f) && !in_copy(f);
    };
    SqlFragment rest = compile_free_text_sql(condition, left_over);
    if (rest.sql != "0")
        append_rowids(store, "SELECT a.rowid FROM activities a WHERE " + rest.sql, rest.params, rowids);
    return rowids;
}

std::string free_text_cache_key(const FilterCondition& condition) {
    ActivityFilter filter;
    FilterNode node;
    node.kind = FilterNode::Kind::Condition;
    node.condition = condition;
    filter.root.children.push_back(std::move(node));
    return filter_to_json(filter);
}

TextSearch free_text_search(const ActivityStore& store) {
    return [&store](const FilterCondition& condition) {
        // Kept per data generation. A list found before the column copy was ready also holds
        // matches in the copy's columns: all true matches still, so it serves afterwards too.
        const std::optional<uint64_t> generation = store.answers_generation();
        const std::string key = generation ? free_text_cache_key(condition) : std::string();
        if (generation)
            if (const std::vector<int64_t>* kept = store.rowid_cache().find(key, *generation)) return *kept;
        std::vector<int64_t> rowids = free_text_in_lists(store, condition);
        std::vector<int64_t> others = free_text_in_other_columns(store, condition);
        rowids.insert(rowids.end(), others.begin(), others.end());
        if (free_text_searches_raw(condition))
            for (const std::string& value : condition.values) {
                std::vector<int64_t> in_raw = store.raw_records().rowids_containing(value);
                rowids.insert(rowids.end(), in_raw.begin(), in_raw.end());
            }
        if (generation) store.rowid_cache().put(key, *generation, rowids);
        return rowids;
    };
}

} // namespace sightline
