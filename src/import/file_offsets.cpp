#include "import/file_offsets.h"

namespace sightline {

int64_t FileOffsets::encoded_size(std::string_view text) const {
    if (!utf16()) return static_cast<int64_t>(text.size());
    // Each UTF-8 lead byte is one character: two UTF-16 bytes, four for those beyond U+FFFF
    // (a four-byte sequence); continuation bytes add nothing.
    int64_t size = 0;
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80 || (b >= 0xC0 && b < 0xF0)) size += 2;
        else if (b >= 0xF0) size += 4;
    }
    return size;
}

int64_t FileOffsets::utf8_file_offset(int64_t text_offset) const {
    return text_offset + bom_length_ - (decoder_ ? decoder_->extra_text_bytes_before(text_offset) : 0);
}

int64_t FileOffsets::at(int64_t text_offset) const {
    if (!utf16()) return utf8_file_offset(text_offset);
    return mark_file_ + 2 * (text_offset - mark_text_) + bom_length_;
}

int64_t FileOffsets::record(int64_t text_offset, std::string_view text) {
    record_text_ = text_offset;
    if (!utf16()) return utf8_file_offset(text_offset);
    record_file_ = mark_file_ + 2 * (text_offset - mark_text_);
    mark_text_ = text_offset + static_cast<int64_t>(text.size());
    mark_file_ = record_file_ + encoded_size(text);
    return record_file_ + bom_length_;
}

int64_t FileOffsets::in_record(std::string_view text_before) const {
    if (!utf16()) return utf8_file_offset(record_text_ + static_cast<int64_t>(text_before.size()));
    return record_file_ + encoded_size(text_before) + bom_length_;
}

} // namespace sightline
