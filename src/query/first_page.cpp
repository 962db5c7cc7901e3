#include "query/first_page.h"

#include "filter/filter_sql.h"
#include "model/canonical_fields.h"

#include <sqlite3.h>

#include <stdexcept>

namespace sightline {
namespace {

// TEMPORARY copy of activity_query.cpp's order_by(): the table's first page must come out in
// exactly the order of matching_rowids(), and that helper is private to activity_query.cpp.
// To be replaced by a shared order_by_sql() once activity_query.cpp exposes it.
std::string order_by_sql(const std::vector<SortKey>& sort) {
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

} // namespace

std::vector<int64_t> first_rowids(const ActivityStore& store, const ActivityFilter& filter,
                                  const std::vector<SortKey>& sort, int64_t limit) {
    std::vector<int64_t> rowids;
    if (limit <= 0) return rowids;
    FilterContext context;
    context.newest_time_ms = store.newest_time_ms();
    SqlFragment where = compile_filter_to_sql(filter, context);
    std::vector<SqlValue> params = where.params;
    params.emplace_back(limit);
    Statement st = prepare(store.db(), "SELECT a.rowid FROM activities a WHERE " + where.sql + order_by_sql(sort) + " LIMIT ?");
    bind_all(st.get(), params);
    while (step_row(store.db(), st.get())) rowids.push_back(sqlite3_column_int64(st.get(), 0));
    return rowids;
}

} // namespace sightline
