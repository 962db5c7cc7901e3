// Turns the bytes of a file, fed in arbitrary chunks, into valid UTF-8 text: passes UTF-8
// through (without copying when a chunk is clean), converts UTF-16, and replaces invalid
// sequences with U+FFFD, remembering where the first one was so the import can say so once.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

enum class TextEncoding { Utf8, Utf16LE, Utf16BE };

class TextDecoder {
public:
    explicit TextDecoder(TextEncoding encoding) : encoding_(encoding) {}

    // The decoded text of `bytes`; a sequence cut by the chunk boundary is held back until the
    // next call. The view stays valid until the next call.
    std::string_view decode(std::span<const uint8_t> bytes);
    // End of input: a held-back partial sequence becomes U+FFFD.
    std::string_view finish();

    TextEncoding encoding() const { return encoding_; }
    bool saw_invalid() const { return first_invalid_offset_ >= 0; }
    int64_t first_invalid_offset() const { return first_invalid_offset_; } // in the decoder's input
    int64_t first_invalid_line() const { return first_invalid_line_; }
    // UTF-8 input: how many bytes more than the input the text before `text_offset` holds, as
    // each invalid byte became the three bytes of U+FFFD (exact for the first 100,000).
    int64_t extra_text_bytes_before(int64_t text_offset) const;

private:
    std::string_view decode_utf8(std::span<const uint8_t> bytes, bool at_end);
    std::string_view decode_utf16(std::span<const uint8_t> bytes, bool at_end);
    void note_invalid(int64_t input_offset, std::string_view output_before);
    void count_lines(std::string_view text);
    void note_replacement(int64_t text_offset, size_t bytes_replaced);

    // Where U+FFFD was written for invalid UTF-8, with the text's surplus over the input up to
    // and including it.
    struct Replacement {
        int64_t text_offset;
        int64_t extra_through;
    };
    static constexpr size_t kMaxReplacementsKept = 100000;

    TextEncoding encoding_;
    std::string carry_;     // bytes of an unfinished sequence from the previous chunk
    std::string out_;       // decoded text when it could not be a view of the input
    int64_t consumed_ = 0;  // input bytes before the current chunk (carry included)
    int64_t text_emitted_ = 0; // text bytes returned so far
    std::vector<Replacement> replacements_;
    int64_t lines_seen_ = 0; // newlines decoded so far, counted until the first invalid sequence
    int64_t first_invalid_offset_ = -1;
    int64_t first_invalid_line_ = 0;
    uint16_t high_surrogate_ = 0;
};

} // namespace sightline
