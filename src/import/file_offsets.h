// Byte offsets in the file for positions in its decoded text. The readers count in the UTF-8
// text the decoder hands them; the import report gives offsets in the file as it is on disk.
// A UTF-8 file's text is the file after its BOM, but for invalid bytes, each of which became
// the three bytes of U+FFFD (the decoder says where). A UTF-16 file's text is measured back into
// UTF-16 bytes record by record, as the records go by: each record's own text exactly, and the
// text between records (line breaks, commas, blanks, a `{"data": [` wrapper) as ASCII, two
// bytes a character. Nothing is kept per record, so this costs no memory on large files.
#pragma once

#include "import/text_decoder.h"

#include <cstdint>
#include <string_view>

namespace sightline {

class FileOffsets {
public:
    FileOffsets() = default;
    // `decoder` decodes the file (and outlives this).
    FileOffsets(const TextDecoder& decoder, TextEncoding encoding, int64_t bom_length)
        : decoder_(&decoder), encoding_(encoding), bom_length_(bom_length) {}

    // The file offset of a record that starts at `text_offset` with `text`; records must be
    // given in the order they come.
    int64_t record(int64_t text_offset, std::string_view text);
    // The file offset of the position `text_before.size()` bytes into the last record given,
    // `text_before` being its text up to there.
    int64_t in_record(std::string_view text_before) const;
    // The file offset of any other position, after the last record given.
    int64_t at(int64_t text_offset) const;

    // How many bytes `text` takes in the file's encoding.
    int64_t encoded_size(std::string_view text) const;

private:
    bool utf16() const { return encoding_ != TextEncoding::Utf8; }
    int64_t utf8_file_offset(int64_t text_offset) const;

    const TextDecoder* decoder_ = nullptr;
    TextEncoding encoding_ = TextEncoding::Utf8;
    int64_t bom_length_ = 0;
    // The last record's start, in the text and in the file, and where it ends in each.
    int64_t record_text_ = 0, record_file_ = 0;
    int64_t mark_text_ = 0, mark_file_ = 0;
};

} // namespace sightline
