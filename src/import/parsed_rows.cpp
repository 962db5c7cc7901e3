#include "import/parsed_rows.h"

#include <cstring>
#include <stdexcept>

namespace sightline {
namespace {

void put_tag(std::string& out, ParsedEntryTag tag) { out.push_back(static_cast<char>(tag)); }

void put_u8(std::string& out, uint8_t v) { out.push_back(static_cast<char>(v)); }

template <typename Int>
void put_int(std::string& out, Int v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v); // wasm and the native builds are little-endian alike
    out.append(bytes, sizeof v);
}

void put_text(std::string& out, std::string_view text) {
    if (text.size() > UINT32_MAX) throw std::length_error("parsed rows: a text over 4 GB");
    put_int<uint32_t>(out, static_cast<uint32_t>(text.size()));
    out.append(text);
}

void put_list(std::string& out, TextList values) {
    put_int<uint32_t>(out, static_cast<uint32_t>(values.size()));
    for (size_t i = 0; i < values.size(); ++i) put_text(out, values[i]);
}

// The fields an importer fills (model/activity_fields.h), in the field table's order for both
// ends; unrolled at compile time, so each row's fields cost no lookups.
template <typename Fields>
void visit_fields(Fields& a, auto&& text, auto&& list, auto&& flag, auto&& time) {
    visit_imported_fields(a, [&]<typename Tag>(Tag, auto& value) {
        if constexpr (Tag::info.kind == FieldKind::Text) text(value);
        else if constexpr (Tag::info.kind == FieldKind::List) list(value);
        else if constexpr (Tag::info.kind == FieldKind::Bool) flag(value);
        else time(value);
    });
}

// A file's report, in one order for both ends: its texts, then its counts (the errors follow).
template <typename Report>
void visit_report(Report& r, auto&& text, auto&& count) {
    for (auto* t : {&r.name, &r.format, &r.mapping_json, &r.mapping_source, &r.fatal_error}) text(*t);
    for (auto* n : {&r.rows, &r.repaired, &r.skipped, &r.duplicates, &r.issue_count, &r.bytes}) count(*n);
}

} // namespace

bool ParsedRowsEncoder::insert(const Activity& activity, std::string_view raw, std::optional<KeptAt> raw_kept) {
    const ActivityFields a = fields_of(activity);
    put_tag(out_, ParsedEntryTag::Row);
    visit_fields(
        a, [&](std::string_view t) { put_text(out_, t); }, [&](TextList l) { put_list(out_, l); },
        [&](bool b) { put_u8(out_, b ? 1 : 0); }, [&](int64_t t) { put_int(out_, t); });
    const TextsBesideRecord beside = texts_beside_record(activity, raw);
    const RawRecordIn record = RawRecordIn::of(raw, raw_kept, beside.span());
    put_u8(out_, record.kept ? 1 : 0);
    if (record.kept) {
        put_int<uint32_t>(out_, record.kept->source);
        put_int<uint64_t>(out_, record.kept->offset);
        put_int<uint32_t>(out_, record.kept_size);
    } else {
        put_text(out_, record.text);
    }
    put_u8(out_, static_cast<uint8_t>(record.extra_texts.size()));
    for (std::string_view t : record.extra_texts) put_text(out_, t);
    return true;
}

void ParsedRowsEncoder::add_progress(int64_t bytes_read) {
    put_tag(out_, ParsedEntryTag::Progress);
    put_int(out_, bytes_read);
}

void ParsedRowsEncoder::add_report(const FileImportReport& r) {
    put_tag(out_, ParsedEntryTag::Report);
    visit_report(r, [&](const std::string& t) { put_text(out_, t); }, [&](int64_t n) { put_int(out_, n); });
    put_int<uint32_t>(out_, static_cast<uint32_t>(r.errors.size()));
    for (const ImportIssue& issue : r.errors) {
        put_int(out_, issue.line);
        put_int(out_, issue.byte_offset);
        put_text(out_, issue.message);
    }
}

void ParsedRowsEncoder::add_handed_back() { put_tag(out_, ParsedEntryTag::HandedBack); }

ParsedRowsDecoder::Entry ParsedRowsDecoder::next() {
    if (at_ == in_.size()) return Entry::End;
    switch (static_cast<ParsedEntryTag>(u8())) {
    case ParsedEntryTag::Row:
        read_row();
        return Entry::Row;
    case ParsedEntryTag::Progress:
        bytes_read_ = read_int<int64_t>();
        return Entry::Progress;
    case ParsedEntryTag::Report:
        read_report();
        return Entry::Report;
    case ParsedEntryTag::HandedBack:
        return Entry::HandedBack;
    default:
        throw std::runtime_error("parsed rows: unknown entry at byte " + std::to_string(at_ - 1));
    }
}

void ParsedRowsDecoder::read_row() {
    size_t next_list = 0;
    visit_fields(
        activity_, [&](std::string_view& t) { t = text(); }, [&](TextList& l) { l = list(lists_[next_list++]); },
        [&](bool& b) { b = u8() != 0; }, [&](int64_t& t) { t = read_int<int64_t>(); });
    raw_ = RawRecordIn{};
    if (u8()) {
        KeptAt kept;
        kept.source = read_int<uint32_t>();
        kept.offset = read_int<uint64_t>();
        raw_.kept = kept;
        raw_.kept_size = read_int<uint32_t>();
    } else {
        raw_.text = text();
    }
    const size_t extras = u8();
    if (extras > std::size(extra_texts_)) throw std::runtime_error("parsed rows: too many extra texts");
    for (size_t i = 0; i < extras; ++i) extra_texts_[i] = text();
    raw_.extra_texts = std::span<const std::string_view>(extra_texts_, extras);
}

void ParsedRowsDecoder::read_report() {
    FileImportReport& r = report_;
    visit_report(r, [&](std::string& t) { t.assign(text()); }, [&](int64_t& n) { n = read_int<int64_t>(); });
    const uint32_t errors = read_int<uint32_t>();
    if (errors > in_.size() - at_) throw std::runtime_error("parsed rows: cut short");
    r.errors.resize(errors);
    for (ImportIssue& issue : r.errors) {
        issue.line = read_int<int64_t>();
        issue.byte_offset = read_int<int64_t>();
        issue.message.assign(text());
    }
}

uint8_t ParsedRowsDecoder::u8() {
    if (at_ >= in_.size()) throw std::runtime_error("parsed rows: cut short");
    return in_[at_++];
}

template <typename Int>
Int ParsedRowsDecoder::read_int() {
    Int v;
    if (in_.size() - at_ < sizeof v) throw std::runtime_error("parsed rows: cut short");
    std::memcpy(&v, in_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
}

std::string_view ParsedRowsDecoder::text() {
    const uint32_t size = read_int<uint32_t>();
    if (in_.size() - at_ < size) throw std::runtime_error("parsed rows: cut short");
    std::string_view t(reinterpret_cast<const char*>(in_.data() + at_), size);
    at_ += size;
    return t;
}

TextList ParsedRowsDecoder::list(std::vector<std::string_view>& storage) {
    const uint32_t count = read_int<uint32_t>();
    if (count > in_.size() - at_) throw std::runtime_error("parsed rows: cut short");
    storage.resize(count);
    for (std::string_view& v : storage) v = text();
    return TextList(std::span<const std::string_view>(storage));
}

} // namespace sightline
