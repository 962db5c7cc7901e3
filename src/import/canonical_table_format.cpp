// Tables whose columns are the canonical field names themselves (what exportCsv and the CLI's
// --jsonl write): read back field by field, no guessing. Lists are JSON arrays or `;`-joined.
// A CSV cell's formula guard (util/formula_guard.h) comes off, so an export re-imports as it was.
#include "import/field_from_text.h"
#include "import/field_text.h"
#include "import/table_formats.h"
#include "import/timestamp_parsing.h"
#include "model/canonical_fields.h"
#include "store/computed_fields.h"
#include "util/formula_guard.h"
#include "util/ip_address.h"

namespace sightline {
namespace {

class CanonicalTableFormat final : public TableFormat {
public:
    CanonicalTableFormat(const TableColumns& columns, TableSyntax syntax)
        : syntax_(syntax), time_(columns.find({"time"})) {
        for (size_t i = 0; i < columns.size(); ++i) {
            const std::string_view name = trim(columns.names()[i]);
            fields_.push_back(name == "raw" ? Column{std::nullopt, true} : Column{find_field_id(name), false});
        }
    }

    std::string_view name() const override {
        return syntax_ == TableSyntax::Csv ? "Sightline CSV" : "Sightline JSON Lines";
    }

    void map_row(std::span<const std::string_view> row, Activity& a, RecordOutcome& outcome) override {
        const std::string_view time_text = value(row, time_);
        auto time = parse_timestamp(time_text);
        if (!time) return outcome.reject("unreadable time '" + std::string(time_text.substr(0, 60)) + "'");
        a.time_ms = *time;
        for (size_t i = 0; i < fields_.size(); ++i) {
            const std::string_view v = value(row, static_cast<int>(i));
            if (fields_[i].raw) a.raw = v;
            else if (fields_[i].field) set_field_from_text(a, *fields_[i].field, v); // time: read above
        }
    }

private:
    std::string_view value(std::span<const std::string_view> row, int column) const {
        const std::string_view text = cell(row, column);
        return syntax_ == TableSyntax::Csv ? without_formula_guard(text) : text;
    }

    // What a column holds: a field (resolved once, not per row), the raw record, or nothing.
    struct Column {
        std::optional<FieldId> field;
        bool raw = false;
    };

    TableSyntax syntax_;
    int time_;
    std::vector<Column> fields_;
};

} // namespace

std::unique_ptr<TableFormat> make_canonical_table_format(const TableColumns& columns, TableSyntax syntax) {
    if (columns.size() < 3 || columns.find({"time"}) < 0) return nullptr;
    for (const std::string& name : columns.names()) {
        const std::string_view n = trim(name);
        // The all-fields export's `computed` column is read past: a re-imported value is the file's.
        if (n != "raw" && n != kComputedColumn && !find_field(n)) return nullptr;
    }
    return std::make_unique<CanonicalTableFormat>(columns, syntax);
}

} // namespace sightline
