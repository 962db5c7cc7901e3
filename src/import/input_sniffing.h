// Looks at the first bytes of a file before any parsing: empty, compressed or binary files
// are refused with a clear reason, and the text encoding (BOM, UTF-16) is decided.
#pragma once

#include "import/text_decoder.h"

#include <cstdint>
#include <span>
#include <string>

namespace sightline {

struct SniffResult {
    std::string refusal;        // why the file cannot be read as text; "" when it can
    TextEncoding encoding = TextEncoding::Utf8;
    size_t bom_length = 0;      // bytes to skip before decoding
    std::string encoding_note;  // e.g. "UTF-16 LE with BOM: converted to UTF-8"
};

// `head`: the file's first bytes (a few KB, or all of a smaller file).
SniffResult sniff_input(std::span<const uint8_t> head);

} // namespace sightline
