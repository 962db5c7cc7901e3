#include "import/text_decoder.h"

#include "util/byte_scan.h"

#include <algorithm>
#include <cstring>

namespace sightline {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

constexpr int kIncomplete = -1;

// Length of the valid UTF-8 sequence at p (1-4), 0 when invalid, kIncomplete when the input
// ends inside a sequence that is valid so far. Rejects overlongs, surrogates, > U+10FFFF.
int utf8_sequence_length(const uint8_t* p, size_t avail) {
    const uint8_t c = p[0];
    if (c < 0x80) return 1;
    int len = 0;
    uint8_t lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) { len = 3; lo = 0xA0; }
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) len = 3;
    else if (c == 0xED) { len = 3; hi = 0x9F; }
    else if (c == 0xF0) { len = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) { len = 4; hi = 0x8F; }
    else return 0;
    for (int i = 1; i < len; ++i) {
        if (static_cast<size_t>(i) >= avail) return kIncomplete;
        const uint8_t b = p[i];
        if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
    }
    return len;
}

// Index of the first byte >= 0x80 at or after i (8 bytes at a time: most exports are ASCII).
size_t skip_ascii(const uint8_t* p, size_t i, size_t n) {
    while (i + 8 <= n) {
        uint64_t word;
        std::memcpy(&word, p + i, 8);
        if (word & 0x8080808080808080ull) break;
        i += 8;
    }
    while (i < n && p[i] < 0x80) ++i;
    return i;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

} // namespace

std::string_view TextDecoder::decode(std::span<const uint8_t> bytes) {
    return encoding_ == TextEncoding::Utf8 ? decode_utf8(bytes, false) : decode_utf16(bytes, false);
}

std::string_view TextDecoder::finish() {
    return encoding_ == TextEncoding::Utf8 ? decode_utf8({}, true) : decode_utf16({}, true);
}

void TextDecoder::note_invalid(int64_t input_offset, std::string_view output_before) {
    if (saw_invalid()) return;
    first_invalid_offset_ = input_offset;
    first_invalid_line_ = lines_seen_ + std::count(output_before.begin(), output_before.end(), '\n') + 1;
}

void TextDecoder::count_lines(std::string_view text) {
    if (!saw_invalid()) lines_seen_ += static_cast<int64_t>(byte_scan::count(text.data(), text.size(), '\n'));
}

std::string_view TextDecoder::decode_utf8(std::span<const uint8_t> bytes, bool at_end) {
    std::span<const uint8_t> data = bytes;
    if (!carry_.empty()) { // finish the cut sequence first: join it with this chunk
        carry_.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        out_.swap(carry_);
        carry_.clear();
        data = {reinterpret_cast<const uint8_t*>(out_.data()), out_.size()};
    }
    const uint8_t* p = data.data();
    const char* text = reinterpret_cast<const char*>(p);
    const size_t n = data.size();
    size_t i = 0, copied = 0, clean_end = n;
    bool rewriting = false;
    std::string rewritten;
    while (true) {
        i = skip_ascii(p, i, n);
        if (i >= n) break;
        const int len = utf8_sequence_length(p + i, n - i);
        if (len > 0) { i += static_cast<size_t>(len); continue; }
        if (len == kIncomplete && !at_end) { // hold the cut sequence back for the next chunk
            clean_end = i;
            break;
        }
        rewriting = true;
        rewritten.append(text + copied, i - copied);
        note_invalid(consumed_ + static_cast<int64_t>(i), rewritten);
        const size_t replaced = len == kIncomplete ? n - i : 1;
        note_replacement(text_emitted_ + static_cast<int64_t>(rewritten.size()), replaced);
        rewritten += kReplacement;
        i += replaced;
        copied = i;
    }
    if (rewriting && clean_end > copied) rewritten.append(text + copied, clean_end - copied);
    std::string held(text + clean_end, n - clean_end);
    consumed_ += static_cast<int64_t>(clean_end);
    std::string_view result(text, clean_end);
    if (rewriting) {
        out_ = std::move(rewritten);
        result = out_;
    }
    carry_ = std::move(held);
    count_lines(result);
    text_emitted_ += static_cast<int64_t>(result.size());
    return result;
}

void TextDecoder::note_replacement(int64_t text_offset, size_t bytes_replaced) {
    if (replacements_.size() >= kMaxReplacementsKept) return;
    const int64_t before = replacements_.empty() ? 0 : replacements_.back().extra_through;
    replacements_.push_back({text_offset, before + static_cast<int64_t>(kReplacement.size() - bytes_replaced)});
}

int64_t TextDecoder::extra_text_bytes_before(int64_t text_offset) const {
    // The last replacement that starts before text_offset, and all before it.
    auto after = std::upper_bound(replacements_.begin(), replacements_.end(), text_offset,
                                  [](int64_t offset, const Replacement& r) { return offset <= r.text_offset; });
    return after == replacements_.begin() ? 0 : std::prev(after)->extra_through;
}

std::string_view TextDecoder::decode_utf16(std::span<const uint8_t> bytes, bool at_end) {
    std::string data = carry_;
    data.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    carry_.clear();
    out_.clear();
    out_.reserve(data.size());
    const bool little = encoding_ == TextEncoding::Utf16LE;
    size_t i = 0;
    for (; i + 1 < data.size(); i += 2) {
        const auto b0 = static_cast<uint8_t>(data[i]), b1 = static_cast<uint8_t>(data[i + 1]);
        const uint16_t unit = little ? static_cast<uint16_t>(b0 | (b1 << 8)) : static_cast<uint16_t>((b0 << 8) | b1);
        const int64_t offset = consumed_ + static_cast<int64_t>(i);
        if (high_surrogate_) {
            if (unit >= 0xDC00 && unit <= 0xDFFF) {
                append_utf8(out_, 0x10000 + ((high_surrogate_ - 0xD800u) << 10) + (unit - 0xDC00u));
                high_surrogate_ = 0;
                continue;
            }
            note_invalid(offset - 2, out_);
            out_ += kReplacement;
            high_surrogate_ = 0;
        }
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            high_surrogate_ = unit;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            note_invalid(offset, out_);
            out_ += kReplacement;
        } else {
            append_utf8(out_, unit);
        }
    }
    consumed_ += static_cast<int64_t>(i);
    carry_.assign(data, i, std::string::npos);
    if (at_end && (high_surrogate_ || !carry_.empty())) {
        note_invalid(consumed_, out_);
        out_ += kReplacement;
        high_surrogate_ = 0;
        carry_.clear();
    }
    count_lines(out_);
    return out_;
}

} // namespace sightline
