#include "store/activity_store.h"

#include "model/canonical_fields.h"
#include "store/schema.h"
#include "store/sql_functions.h"
#include "store/texts_beside_record.h"
#include "util/ip_address.h"

#include <sqlite3.h>

#include <unordered_map>

namespace sightline {
namespace {

// The columns read_row() reads: rowid, then every field that is not a list, in the field
// table's order (model/field_table.h); then `computed` (store/computed_fields.h), at
// kComputedColumn; `raw` may follow, at kRawColumn.
std::string activity_columns_sql() {
    std::string sql = "rowid";
    for (const FieldInfo& field : canonical_fields())
        if (field.kind != FieldKind::List) sql.append(", ").append(field.name);
    return sql;
}
constexpr int kComputedColumn =
    1 + static_cast<int>(count_fields([](const FieldInfo& f) { return f.kind != FieldKind::List; }));
constexpr int kRawColumn = kComputedColumn + 1;

void read_value(sqlite3_stmt* st, int column, std::string& out) { out = column_text(st, column); }
void read_value(sqlite3_stmt* st, int column, int64_t& out) { out = sqlite3_column_int64(st, column); }
void read_value(sqlite3_stmt* st, int column, bool& out) { out = sqlite3_column_int(st, column) != 0; }

Activity read_row(sqlite3_stmt* st) {
    Activity a;
    int c = 1;
    visit_fields(a, [&]<typename Tag>(Tag, auto& value) {
        if constexpr (Tag::info.kind != FieldKind::List) read_value(st, c++, value);
    });
    return a;
}

// The writer's activity outlives the step that reads its strings, so SQLite need not copy
// them (about 1.8 GB per 1M rows).
void bind_static_text(sqlite3_stmt* st, int index, std::string_view text) {
    sqlite3_bind_text(st, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

// sl_raw(rowid): the virtual column `activities.raw` (store/raw_records.h).
void raw_record_function(sqlite3_context* context, int, sqlite3_value** argv) {
    const auto* records = static_cast<const RawRecords*>(sqlite3_user_data(context));
    std::string scratch;
    std::string_view raw = records->find(sqlite3_value_int64(argv[0]), scratch);
    // The records' own memory stays put while the statement runs; a kept record read into
    // `scratch` is copied.
    sqlite3_result_text(context, raw.data() ? raw.data() : "", static_cast<int>(raw.size()),
                        raw.data() == scratch.data() ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

void bind_value(sqlite3_stmt* st, int index, std::string_view text) { bind_static_text(st, index, text); }
void bind_value(sqlite3_stmt* st, int index, int64_t number) { sqlite3_bind_int64(st, index, number); }
void bind_value(sqlite3_stmt* st, int index, bool flag) { sqlite3_bind_int(st, index, flag ? 1 : 0); }

std::string placeholders(size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
    return s;
}

// The writer's INSERT: the fields it binds (writer_binds, in the table's order), then the store's
// own columns ip_bin and origin (store/schema.cpp), bound in the same order by insert().
std::string insert_activity_sql() {
    std::string columns;
    size_t count = 2;
    for (const FieldInfo& field : canonical_fields()) {
        if (!writer_binds(field)) continue;
        columns.append(field.name).append(", ");
        ++count;
    }
    return "INSERT INTO activities (" + columns + "ip_bin, origin) VALUES (" + placeholders(count) + ")";
}

} // namespace

ActivityStore::ActivityStore(size_t max_distinct_values)
    : db_(open_memory_database()), columns_(max_distinct_values) {
    // The database lives only in this page's memory: durability costs time and buys nothing.
    exec(db(), "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;");
    // Deterministic as SQLite means it: the same rowid gives the same record while a statement runs.
    if (sqlite3_create_function(db(), "sl_raw", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, &raw_,
                                raw_record_function, nullptr, nullptr) != SQLITE_OK)
        throw SqliteError(std::string("cannot register sl_raw: ") + sqlite3_errmsg(db()));
    origins_.register_functions(db()); // before the schema, whose virtual columns call them
    create_schema(db());
    register_sql_functions(db());
    sqlite3_rollback_hook(db(), &ActivityStore::on_rollback, this);
    sqlite3_commit_hook(db(), &ActivityStore::on_commit, this);
    id_at_rowid_ = prepare(db(), "SELECT id FROM activities WHERE rowid = ?");
}

int64_t ActivityStore::count() const {
    Statement st = prepare(db(), "SELECT count(*) FROM activities");
    step_row(db(), st.get());
    return sqlite3_column_int64(st.get(), 0);
}

std::optional<int64_t> ActivityStore::newest_time_ms() const {
    Statement st = prepare(db(), "SELECT max(time) FROM activities");
    step_row(db(), st.get());
    if (sqlite3_column_type(st.get(), 0) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int64(st.get(), 0);
}

std::vector<Activity> ActivityStore::read(std::span<const int64_t> rowids, bool with_raw) const {
    std::vector<Activity> out(rowids.size());
    if (rowids.empty()) return out;
    std::unordered_map<int64_t, size_t> slot;
    for (size_t i = 0; i < rowids.size(); ++i) slot.emplace(rowids[i], i);
    std::vector<SqlValue> ids(rowids.begin(), rowids.end());

    std::string sql = "SELECT " + activity_columns_sql() + ", computed" + (with_raw ? ", raw" : "") +
                      " FROM activities WHERE rowid IN (" + placeholders(rowids.size()) + ")";
    Statement st = prepare(db(), sql);
    bind_all(st.get(), ids);
    while (step_row(db(), st.get())) {
        int64_t rowid = sqlite3_column_int64(st.get(), 0);
        Activity a = read_row(st.get());
        a.computed = static_cast<uint64_t>(sqlite3_column_int64(st.get(), kComputedColumn));
        if (with_raw) a.raw = column_text(st.get(), kRawColumn);
        auto it = slot.find(rowid);
        if (it != slot.end()) out[it->second] = std::move(a);
    }
    visit_field_tags([&]<typename Tag>(Tag) {
        if constexpr (Tag::info.kind == FieldKind::List) {
            Statement lists = prepare(db(), "SELECT activity, value FROM " + list_table_name(Tag::info.name) +
                                                " WHERE activity IN (" + placeholders(rowids.size()) + ") ORDER BY rowid");
            bind_all(lists.get(), ids);
            while (step_row(db(), lists.get())) {
                auto it = slot.find(sqlite3_column_int64(lists.get(), 0));
                if (it != slot.end()) field_member<Tag::id>(out[it->second]).push_back(column_text(lists.get(), 1));
            }
        }
    });
    return out;
}

std::optional<Activity> ActivityStore::find_by_id(std::string_view id, bool with_raw) const {
    std::optional<int64_t> rowid = rowid_of(id, ActivityIdSet::hash_id(id));
    if (!rowid) return std::nullopt;
    return read(std::span<const int64_t>(&*rowid, 1), with_raw).front();
}

ActivityIdSet& ActivityStore::ids() const {
    if (!ids_stale_) return ids_;
    ids_.clear();
    Statement st = prepare(db(), "SELECT rowid, id FROM activities");
    while (step_row(db(), st.get())) {
        auto text = reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 1));
        std::string_view id(text ? text : "", static_cast<size_t>(sqlite3_column_bytes(st.get(), 1)));
        ids_.add(ActivityIdSet::hash_id(id), sqlite3_column_int64(st.get(), 0));
    }
    ids_stale_ = false;
    return ids_;
}

std::optional<int64_t> ActivityStore::rowid_of(std::string_view id, uint64_t hash) const {
    std::optional<int64_t> found;
    sqlite3_stmt* st = id_at_rowid_.get();
    // A hash match is only a candidate: the stored id decides.
    ids().any_of(hash, [&](int64_t rowid) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, rowid);
        if (step_row(db(), st) && std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                                                   static_cast<size_t>(sqlite3_column_bytes(st, 0))) == id)
            found = rowid;
        sqlite3_reset(st);
        return found.has_value();
    });
    return found;
}

void ActivityStore::ensure_indexes() { create_filter_indexes(db()); }

// A rollback can undo inserts and deletes alike: the id set and the column copy are rebuilt.
// (Only flags here: SQLite is inside the rollback.)
void ActivityStore::on_rollback(void* store) {
    auto* self = static_cast<ActivityStore*>(store);
    self->ids_stale_ = true;
    self->columns_state_ = ColumnsState::Stale;
    self->raw_.rollback();
    ++self->data_generation_;
}

std::optional<uint64_t> ActivityStore::answers_generation() const {
    if (!sqlite3_get_autocommit(db())) return std::nullopt;
    return data_generation_;
}

int ActivityStore::on_commit(void* store) {
    auto* self = static_cast<ActivityStore*>(store);
    self->raw_.commit();
    if (!self->writes_keep_answers_) ++self->data_generation_;
    return 0; // go on with the commit
}

void ActivityStore::invalidate_columns() {
    columns_builder_.reset();
    columns_.clear(); // an import should not hold the old copy's memory while the store grows
    columns_state_ = ColumnsState::Stale;
}

bool ActivityStore::build_columns(double budget_ms) {
    if (columns_state_ == ColumnsState::Ready) return false;
    if (columns_state_ == ColumnsState::Stale) { // start over: a half-built copy is stale too
        invalidate_columns();
        columns_builder_.emplace(db());
        columns_state_ = ColumnsState::Building;
    }
    if (columns_builder_->step(budget_ms, columns_)) return true;
    columns_builder_.reset();
    columns_.finish();
    columns_state_ = ColumnsState::Ready;
    return false;
}

void ActivityStore::rewrite_coded_fields(std::span<const std::string_view> fields,
                                         const std::function<void(sqlite3*)>& write) {
    const bool copy_ready = columns_state_ == ColumnsState::Ready;
    if (!copy_ready) invalidate_columns(); // the builder's reading statement must not stay open
    try {
        write(db());
    } catch (...) {
        invalidate_columns();
        throw;
    }
    if (copy_ready) reread_coded_fields(fields);
}

void ActivityStore::reread_coded_fields(std::span<const std::string_view> fields) {
    std::string sql = "SELECT ";
    for (size_t i = 0; i < fields.size(); ++i) sql.append(i ? ", " : "").append(fields[i]);
    // The copy's order (store/columns_builder.cpp), so that position p is the same row.
    Statement st = prepare(db(), sql + " FROM activities ORDER BY time DESC, rowid DESC");
    std::vector<CodedColumn> columns(fields.size(), columns_.empty_coded_column());
    for (CodedColumn& column : columns) column.reserve(columns_.size());
    size_t rows = 0;
    while (step_row(db(), st.get())) {
        for (size_t i = 0; i < fields.size(); ++i) columns[i].append(column_text_view(st.get(), static_cast<int>(i)));
        ++rows;
    }
    if (rows != columns_.size()) { // not a rewrite of the same rows after all: build anew
        invalidate_columns();
        return;
    }
    for (size_t i = 0; i < fields.size(); ++i) {
        columns[i].finish_appending();
        columns_.replace_coded(fields[i], std::move(columns[i]));
    }
}

void ActivityStore::clear() {
    exec(db(), "BEGIN");
    delete_all_activities();
    exec(db(), "COMMIT");
}

void ActivityStore::delete_activities_through(int64_t rowid) {
    invalidate_columns();
    for (const FieldInfo& field : canonical_fields()) {
        if (field.kind != FieldKind::List) continue;
        Statement st = prepare(db(), "DELETE FROM " + list_table_name(field.name) + " WHERE activity <= ?");
        sqlite3_bind_int64(st.get(), 1, rowid);
        step_row(db(), st.get());
    }
    for (const char* table : {"exported_ip_values", "exported_ip_tags"}) {
        Statement kept = prepare(db(), std::string("DELETE FROM ") + table + " WHERE activity <= ?");
        sqlite3_bind_int64(kept.get(), 1, rowid);
        step_row(db(), kept.get());
    }
    Statement st = prepare(db(), "DELETE FROM activities WHERE rowid <= ?");
    sqlite3_bind_int64(st.get(), 1, rowid);
    step_row(db(), st.get());
    raw_.delete_through(rowid);
    mark_ids_stale();
}

int64_t ActivityStore::last_rowid() const {
    Statement st = prepare(db(), "SELECT coalesce(max(rowid), 0) FROM activities");
    step_row(db(), st.get());
    return sqlite3_column_int64(st.get(), 0);
}

void ActivityStore::delete_all_activities() {
    invalidate_columns();
    for (const FieldInfo& field : canonical_fields())
        if (field.kind == FieldKind::List) exec(db(), "DELETE FROM " + list_table_name(field.name));
    exec(db(), "DELETE FROM exported_ip_values; DELETE FROM exported_ip_tags");
    exec(db(), "DELETE FROM activities");
    raw_.delete_all();
    ids_.clear();
}

// Filter indexes that already exist (built over the demo data, or over an earlier import) would
// be updated by every insert: ~22 random B-tree inserts a row, which made a 100k-row import into
// the page 4x slower in wasm (memmove of 64 KB index pages). Past a size a batch drops them instead,
// inside its own transaction (a rollback restores them) and IndexBuilder builds them again after,
// by sorting, at about half the cost. Small batches into a large store keep them.
namespace {

constexpr int64_t kDropIndexesAfterRows = 10000;

} // namespace

void ActivityWriter::drop_filter_indexes_if_large() {
    ++inserted_;
    if (indexes_dropped_ || inserted_ % kDropIndexesAfterRows != 0) return;
    if (inserted_ * 2 < rows_before_) return; // rebuilding over the whole store would cost more
    // Best effort: should a drop fail (a read statement still open), the index is merely kept.
    for (const FilterIndex& index : filter_indexes())
        sqlite3_exec(store_.db(), ("DROP INDEX IF EXISTS " + index.name).c_str(), nullptr, nullptr, nullptr);
    indexes_dropped_ = true;
}

ActivityWriter::ActivityWriter(ActivityStore& store) : store_(store) {
    store.invalidate_columns();
    sqlite3* db = store.db();
    rows_before_ = static_cast<int64_t>(store.ids().size());
    exec(db, "BEGIN");
    insert_activity_ = prepare(db, insert_activity_sql());
    visit_field_tags([&]<typename Tag>(Tag) {
        if constexpr (Tag::info.owner == FieldOwner::Import && Tag::info.kind == FieldKind::List)
            insert_list_[Tag::imported_list_index] =
                prepare(db, "INSERT INTO " + list_table_name(Tag::info.name) + " (activity, value) VALUES (?, ?)");
    });
}

ActivityWriter::~ActivityWriter() {
    if (!open_) return;
    sqlite3_exec(store_.db(), "ROLLBACK", nullptr, nullptr, nullptr);
    store_.raw_.release_unused_sources();
}

void ActivityWriter::hold_source(uint32_t source) { store_.raw_.hold_source(source); }

bool ActivityWriter::insert(const Activity& a, std::string_view raw, std::optional<KeptAt> raw_kept) {
    const TextsBesideRecord beside = texts_beside_record(a, raw);
    return insert(fields_of(a), RawRecordIn::of(raw, raw_kept, beside.span()));
}

bool ActivityWriter::insert(const ActivityFields& a, const RawRecordIn& raw) {
    const uint64_t id_hash = ActivityIdSet::hash_id(a.id);
    if (store_.rowid_of(a.id, id_hash)) return false;
    drop_filter_indexes_if_large();
    sqlite3_stmt* st = insert_activity_.get();
    int c = 1;
    // Unrolled at compile time, in insert_activity_sql()'s order: no per-row lookups.
    visit_imported_fields(a, [&]<typename Tag>(Tag, const auto& value) {
        if constexpr (writer_binds(Tag::info)) bind_value(st, c++, value);
    });
    const auto ip_bytes = parse_ip(a.ip);
    if (ip_bytes) sqlite3_bind_blob(st, c++, ip_bytes->data(), 16, SQLITE_STATIC);
    else sqlite3_bind_null(st, c++);
    sqlite3_bind_int64(st, c++, store_.origins_.code_of(a.source, a.file));
    step_row(store_.db(), st);
    sqlite3_reset(st); // SQLite must not hold on to the bound strings past this call
    const int64_t rowid = sqlite3_last_insert_rowid(store_.db());
    store_.raw_.append(rowid, raw);
    store_.ids().add(id_hash, rowid);
    visit_imported_fields(a, [&]<typename Tag>(Tag, const auto& values) {
        if constexpr (Tag::info.kind == FieldKind::List)
            insert_list(insert_list_[Tag::imported_list_index].get(), rowid, values);
    });
    return true;
}

void ActivityWriter::insert_list(sqlite3_stmt* st, int64_t rowid, TextList values) {
    for (size_t i = 0; i < values.size(); ++i) {
        const std::string_view v = values[i];
        sqlite3_bind_int64(st, 1, rowid);
        bind_static_text(st, 2, v);
        step_row(store_.db(), st);
        sqlite3_reset(st);
    }
}

// After the transaction, sources that no row came to lie in go: SQLite calls no commit or
// rollback hook for a transaction that wrote nothing (a file of duplicates only).
void ActivityWriter::commit() {
    if (!open_) return;
    exec(store_.db(), "COMMIT");
    open_ = false;
    store_.raw_.release_unused_sources();
}

void ActivityWriter::rollback() {
    if (!open_) return;
    exec(store_.db(), "ROLLBACK");
    open_ = false;
    store_.raw_.release_unused_sources();
}

} // namespace sightline
