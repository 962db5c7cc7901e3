#include "import/parsed_rows.h"

#include <cstring>
#include <stdexcept>

namespace sightline {
namespace {

enum Tag : uint8_t { kRow = 'A', kProgress = 'P', kReport = 'R' };

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

void put_list(std::string& out, const std::vector<std::string>& values) {
    put_int<uint32_t>(out, static_cast<uint32_t>(values.size()));
    for (const std::string& v : values) put_text(out, v);
}

// The fields an importer fills (model/activity_fields.h), in one order for both ends: of an
// Activity when encoding, of ActivityFields when decoding.
template <typename Visit, typename A>
void visit_fields(A& a, Visit&& text, auto&& list, auto&& flag, auto&& time) {
    text(a.id);
    time(a.time_ms);
    text(a.app);
    text(a.activity_type);
    text(a.action_type);
    text(a.description);
    text(a.user);
    text(a.user_domain);
    text(a.ip);
    text(a.ip_category);
    list(a.ip_tags);
    text(a.country);
    text(a.city);
    text(a.isp);
    text(a.user_agent);
    list(a.ua_tags);
    text(a.device_type);
    text(a.browser);
    text(a.os);
    list(a.objects);
    flag(a.admin);
    flag(a.impersonated);
    text(a.result);
    text(a.source);
    text(a.file);
    list(a.matched_policies);
}

} // namespace

bool ParsedRowsEncoder::insert(const Activity& a, std::string_view raw, std::optional<KeptAt> raw_kept) {
    put_u8(out_, kRow);
    visit_fields(
        a, [&](const std::string& t) { put_text(out_, t); }, [&](const std::vector<std::string>& l) { put_list(out_, l); },
        [&](bool b) { put_u8(out_, b ? 1 : 0); }, [&](int64_t t) { put_int(out_, t); });
    const bool kept = raw_kept && !raw.empty();
    put_u8(out_, kept ? 1 : 0);
    if (kept) {
        if (raw.size() > UINT32_MAX) throw std::length_error("raw record over 4 GB");
        put_int<uint32_t>(out_, raw_kept->source);
        put_int<uint64_t>(out_, raw_kept->offset);
        put_int<uint32_t>(out_, static_cast<uint32_t>(raw.size()));
    } else {
        put_text(out_, raw);
    }
    const TextsBesideRecord beside = texts_beside_record(a, raw);
    put_u8(out_, static_cast<uint8_t>(beside.count));
    for (std::string_view t : beside.span()) put_text(out_, t);
    return true;
}

void ParsedRowsEncoder::add_progress(int64_t bytes_read) {
    put_u8(out_, kProgress);
    put_int(out_, bytes_read);
}

void ParsedRowsEncoder::add_report(const FileImportReport& r) {
    put_u8(out_, kReport);
    for (const std::string* t : {&r.name, &r.format, &r.mapping_json, &r.mapping_source, &r.fatal_error})
        put_text(out_, *t);
    for (int64_t n : {r.rows, r.repaired, r.skipped, r.duplicates, r.issue_count, r.bytes}) put_int(out_, n);
    put_int<uint32_t>(out_, static_cast<uint32_t>(r.errors.size()));
    for (const ImportIssue& issue : r.errors) {
        put_int(out_, issue.line);
        put_int(out_, issue.byte_offset);
        put_text(out_, issue.message);
    }
}

ParsedRowsDecoder::Entry ParsedRowsDecoder::next() {
    if (at_ == in_.size()) return Entry::End;
    switch (u8()) {
    case kRow:
        read_row();
        return Entry::Row;
    case kProgress:
        bytes_read_ = i64();
        return Entry::Progress;
    case kReport:
        read_report();
        return Entry::Report;
    default:
        throw std::runtime_error("parsed rows: unknown entry at byte " + std::to_string(at_ - 1));
    }
}

void ParsedRowsDecoder::read_row() {
    size_t next_list = 0;
    visit_fields(
        activity_, [&](std::string_view& t) { t = text(); }, [&](TextList& l) { l = list(lists_[next_list++]); },
        [&](bool& b) { b = u8() != 0; }, [&](int64_t& t) { t = i64(); });
    raw_ = RawRecordIn{};
    if (u8()) {
        KeptAt kept;
        kept.source = u32();
        kept.offset = static_cast<uint64_t>(i64());
        raw_.kept = kept;
        raw_.kept_size = u32();
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
    for (std::string* t : {&r.name, &r.format, &r.mapping_json, &r.mapping_source, &r.fatal_error}) t->assign(text());
    for (int64_t* n : {&r.rows, &r.repaired, &r.skipped, &r.duplicates, &r.issue_count, &r.bytes}) *n = i64();
    const uint32_t errors = u32();
    if (errors > in_.size() - at_) throw std::runtime_error("parsed rows: cut short");
    r.errors.resize(errors);
    for (ImportIssue& issue : r.errors) {
        issue.line = i64();
        issue.byte_offset = i64();
        issue.message.assign(text());
    }
}

uint8_t ParsedRowsDecoder::u8() {
    if (at_ >= in_.size()) throw std::runtime_error("parsed rows: cut short");
    return in_[at_++];
}

uint32_t ParsedRowsDecoder::u32() {
    uint32_t v;
    if (in_.size() - at_ < sizeof v) throw std::runtime_error("parsed rows: cut short");
    std::memcpy(&v, in_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
}

int64_t ParsedRowsDecoder::i64() {
    int64_t v;
    if (in_.size() - at_ < sizeof v) throw std::runtime_error("parsed rows: cut short");
    std::memcpy(&v, in_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
}

std::string_view ParsedRowsDecoder::text() {
    const uint32_t size = u32();
    if (in_.size() - at_ < size) throw std::runtime_error("parsed rows: cut short");
    std::string_view t(reinterpret_cast<const char*>(in_.data() + at_), size);
    at_ += size;
    return t;
}

TextList ParsedRowsDecoder::list(std::vector<std::string_view>& storage) {
    const uint32_t count = u32();
    if (count > in_.size() - at_) throw std::runtime_error("parsed rows: cut short");
    storage.resize(count);
    for (std::string_view& v : storage) v = text();
    return TextList(std::span<const std::string_view>(storage));
}

} // namespace sightline
