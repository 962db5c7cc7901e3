#include "import/input_sniffing.h"

#include <cstring>

namespace sightline {
namespace {

bool starts_with(std::span<const uint8_t> head, std::string_view magic) {
    return head.size() >= magic.size() && std::memcmp(head.data(), magic.data(), magic.size()) == 0;
}

// Which byte of each pair is zero in the sample: ASCII text in UTF-16 without a BOM.
int zero_bytes_at(std::span<const uint8_t> head, size_t parity) {
    int zeros = 0;
    for (size_t i = parity; i < head.size(); i += 2) zeros += head[i] == 0;
    return zeros;
}

} // namespace

SniffResult sniff_input(std::span<const uint8_t> head) {
    SniffResult r;
    if (starts_with(head, "\x1f\x8b")) {
        r.refusal = "gzip-compressed data: decompress first";
        return r;
    }
    if (starts_with(head, "PK\x03\x04")) {
        r.refusal = "ZIP archive (or .xlsx workbook): extract it, or save the sheet as CSV";
        return r;
    }
    if (starts_with(head, "%PDF")) {
        r.refusal = "PDF document, not an activity export";
        return r;
    }
    if (starts_with(head, "\xEF\xBB\xBF")) {
        r.bom_length = 3;
        r.encoding_note = "UTF-8 with BOM";
    } else if (starts_with(head, "\xFF\xFE")) {
        r.bom_length = 2;
        r.encoding = TextEncoding::Utf16LE;
        r.encoding_note = "UTF-16 LE with BOM: converted to UTF-8";
        return r;
    } else if (starts_with(head, "\xFE\xFF")) {
        r.bom_length = 2;
        r.encoding = TextEncoding::Utf16BE;
        r.encoding_note = "UTF-16 BE with BOM: converted to UTF-8";
        return r;
    }
    std::span<const uint8_t> body = head.subspan(r.bom_length);
    const void* nul = std::memchr(body.data(), 0, body.size());
    if (nul) {
        const int even = zero_bytes_at(body, 0), odd = zero_bytes_at(body, 1);
        const int pairs = static_cast<int>(body.size() / 2);
        if (pairs >= 4 && odd * 10 >= pairs * 9 && even == 0) {
            r.encoding = TextEncoding::Utf16LE;
            r.encoding_note = "UTF-16 LE without BOM: converted to UTF-8";
            return r;
        }
        if (pairs >= 4 && even * 10 >= pairs * 9 && odd == 0) {
            r.encoding = TextEncoding::Utf16BE;
            r.encoding_note = "UTF-16 BE without BOM: converted to UTF-8";
            return r;
        }
        const size_t at = static_cast<size_t>(static_cast<const uint8_t*>(nul) - body.data()) + r.bom_length;
        r.refusal = "binary data, not a text export (NUL byte at byte offset " + std::to_string(at) + ")";
        return r;
    }
    size_t control = 0;
    for (uint8_t b : body) control += (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f;
    if (body.size() >= 16 && control * 10 > body.size()) {
        r.refusal = "binary data, not a text export (" + std::to_string(control) + " control bytes in the first " +
                    std::to_string(body.size()) + ")";
    }
    return r;
}

} // namespace sightline
