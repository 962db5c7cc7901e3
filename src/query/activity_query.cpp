#include "query/activity_query.h"

#include "filter/filter_json.h"
#include "filter/filter_sql.h"
#include "query/case_variants.h"
#include "query/column_filter.h"
#include "query/free_text_search.h"
#include "model/canonical_fields.h"

#include <sqlite3.h>

#include <algorithm>
#include <stdexcept>

namespace sightline {
namespace {

SqlFragment where_clause(const ActivityStore& store, const ActivityFilter& filter) {
    FilterContext context;
    context.newest_time_ms = store.newest_time_ms();
    return compile_filter_to_sql(filter, context);
}

std::string order_by(const std::vector<SortKey>& sort) {
    std::string sql;
    for (const SortKey& key : sort) {
        auto field = find_field(key.field);
        if (!field) throw std::invalid_argument("unknown sort field \"" + key.field + "\"");
        if (field->kind == FieldKind::List)
            throw std::invalid_argument("cannot sort by the list field \"" + key.field + "\"");
        sql += sql.empty() ? " ORDER BY " : ", ";
        sql += "a.";
        sql += field->name;
        sql += key.descending ? " DESC" : " ASC";
    }
    return sql.empty() ? " ORDER BY a.time DESC, a.rowid DESC" : sql + ", a.rowid DESC";
}

Statement prepare_rowids(const ActivityStore& store, const SqlFragment& where, const std::vector<SortKey>& sort,
                         int64_t offset, int64_t limit) {
    std::string sql = "SELECT a.rowid FROM activities a WHERE " + where.sql + order_by(sort) + " LIMIT ? OFFSET ?";
    std::vector<SqlValue> params = where.params;
    params.emplace_back(limit);
    params.emplace_back(offset);
    Statement st = prepare(store.db(), sql);
    bind_all(st.get(), params);
    return st;
}

// Every rowid a statement selecting one rowid per row yields.
std::vector<int64_t> read_rowids(const ActivityStore& store, Statement st) {
    std::vector<int64_t> rowids;
    append_int64_column(store.db(), st.get(), rowids);
    return rowids;
}

std::vector<int64_t> select_rowids(const ActivityStore& store, const SqlFragment& where,
                                   const std::vector<SortKey>& sort, int64_t offset, int64_t limit) {
    return read_rowids(store, prepare_rowids(store, where, sort, offset, limit));
}

int64_t count_where(const ActivityStore& store, const SqlFragment& where) {
    Statement st = prepare(store.db(), "SELECT count(*) FROM activities a WHERE " + where.sql);
    bind_all(st.get(), where.params);
    step_row(store.db(), st.get());
    return sqlite3_column_int64(st.get(), 0);
}

std::vector<int64_t> rowids_at(const ActivityColumns& columns, const std::vector<uint8_t>& matches, int64_t offset,
                               int64_t limit) {
    std::vector<int64_t> out;
    int64_t skipped = 0;
    for (size_t p = 0; p < matches.size(); ++p) {
        if (!matches[p]) continue;
        if (skipped++ < offset) continue;
        if (limit >= 0 && static_cast<int64_t>(out.size()) >= limit) break;
        out.push_back(columns.rowids()[p]);
    }
    return out;
}

// A field that compares without case (a UPN) counts its spellings as one value, named by
// the spelling seen most often (query/case_variants.h).
std::vector<ValueCount> top_values(const ValueTally& tally, const FieldInfo& field, int64_t limit) {
    if (field.compare == FieldCase::Nocase) return merge_case_variants(tally.top(-1), limit);
    return tally.top(limit);
}

std::optional<std::vector<ValueCount>> count_values_in_columns(const ActivityStore& store, const FieldInfo& field,
                                                               const ActivityFilter& filter, int64_t limit) {
    const ActivityColumns* columns = store.columns();
    if (!columns) return std::nullopt;
    const CodedColumn* coded = columns->coded(field.name);
    const std::vector<uint8_t>* flags = columns->flags(field.name);
    if (!coded && !flags) return std::nullopt;
    std::optional<std::vector<uint8_t>> matches = column_matches(store, filter);
    if (!matches) return std::nullopt;
    ValueTally tally;
    if (coded) {
        std::vector<int64_t> by_code(coded->values().size());
        coded->for_each_code([&](size_t p, uint32_t code) { by_code[code] += (*matches)[p]; });
        for (size_t code = 0; code < by_code.size(); ++code)
            if (by_code[code] && !coded->values()[code].empty()) tally.add(coded->values()[code], by_code[code]);
    } else {
        int64_t counts[2] = {0, 0};
        for (size_t p = 0; p < flags->size(); ++p) counts[(*flags)[p]] += (*matches)[p];
        if (counts[1]) tally.add("true", counts[1]);
        if (counts[0]) tally.add("false", counts[0]);
    }
    return top_values(tally, field, limit);
}

} // namespace

// The table's view once read a free-text filter through SQL a slice at a time instead, but
// SQLite's first step alone took 1.6 s natively on 1M rows. Matches are kept because the table
// and the timeline each ask after a filter change (~30 ms a time for free text in the page).
std::optional<std::vector<uint8_t>> column_matches(const ActivityStore& store, const ActivityFilter& filter) {
    const ActivityColumns* columns = store.columns();
    if (!columns) return std::nullopt;
    const std::optional<uint64_t> generation = store.answers_generation();
    const std::string key = generation ? filter_to_json(filter) : std::string();
    if (generation)
        if (const std::vector<uint8_t>* kept = store.match_cache().find(key, *generation)) return *kept;
    const TextSearch search = free_text_search(store);
    std::optional<std::vector<uint8_t>> matches =
        match_columns(*columns, filter, FilterContext{columns->newest_time()}, &search);
    if (matches && generation) store.match_cache().put(key, *generation, *matches);
    return matches;
}

QueryResult run_query(const ActivityStore& store, const QuerySpec& spec) {
    if (is_default_sort(spec.sort)) {
        if (auto matches = column_matches(store, spec.filter)) {
            QueryResult result;
            result.total = std::count(matches->begin(), matches->end(), uint8_t{1});
            result.rows = store.read(rowids_at(*store.columns(), *matches, spec.offset, spec.limit));
            return result;
        }
    }
    SqlFragment where = where_clause(store, spec.filter);
    QueryResult result;
    result.total = count_where(store, where);
    std::vector<int64_t> rowids = select_rowids(store, where, spec.sort, spec.offset, spec.limit);
    result.rows = store.read(rowids);
    return result;
}

int64_t count_matching(const ActivityStore& store, const ActivityFilter& filter) {
    if (auto matches = column_matches(store, filter)) return std::count(matches->begin(), matches->end(), uint8_t{1});
    return count_where(store, where_clause(store, filter));
}

std::vector<int64_t> matching_rowids(const ActivityStore& store, const ActivityFilter& filter,
                                     const std::vector<SortKey>& sort, int64_t limit) {
    if (auto rowids = column_matching_rowids(store, filter, sort, limit)) return *rowids;
    return select_rowids(store, where_clause(store, filter), sort, 0, limit);
}

std::optional<std::vector<int64_t>> column_matching_rowids(const ActivityStore& store, const ActivityFilter& filter,
                                                          const std::vector<SortKey>& sort, int64_t limit) {
    if (!is_default_sort(sort)) return std::nullopt;
    auto matches = column_matches(store, filter);
    if (!matches) return std::nullopt;
    return rowids_at(*store.columns(), *matches, 0, limit);
}

Statement prepare_matching_rowids(const ActivityStore& store, const ActivityFilter& filter,
                                  const std::vector<SortKey>& sort, int64_t limit) {
    return prepare_rowids(store, where_clause(store, filter), sort, 0, limit);
}

std::vector<ValueCount> count_values(const ActivityStore& store, std::string_view field_name,
                                     const ActivityFilter& filter, int64_t limit) {
    auto field = find_field(field_name);
    if (!field) throw std::invalid_argument("unknown field \"" + std::string(field_name) + "\"");
    if (auto counts = count_values_in_columns(store, *field, filter, limit)) return *counts;
    SqlFragment where = where_clause(store, filter);
    std::string column = "a." + std::string(field->name);
    std::string sql;
    switch (field->kind) {
    case FieldKind::Text:
        sql = "SELECT " + column + " FROM activities a WHERE (" + where.sql + ") AND " + column + " <> ''";
        break;
    case FieldKind::Bool:
        sql = "SELECT CASE WHEN " + column + " THEN 'true' ELSE 'false' END FROM activities a WHERE " + where.sql;
        break;
    case FieldKind::List:
        sql = "SELECT t.value FROM " + list_table_name(field->name) + " t JOIN activities a ON a.rowid = t.activity WHERE " +
              where.sql;
        break;
    case FieldKind::Time:
        throw std::invalid_argument("value counts are not available for time; filter by a date range instead");
    }
    Statement st = prepare(store.db(), sql);
    bind_all(st.get(), where.params);
    ValueTally tally;
    while (step_row(store.db(), st.get())) tally.add(column_text_view(st.get(), 0));
    return top_values(tally, *field, limit);
}

} // namespace sightline
