// Byte-wise matching with ASCII case folding; see word_match.h for why folding stops at ASCII.
#include "text/word_match.h"

#include "text/find_ci.h"

namespace sightline {
namespace {

unsigned char fold(char c) {
    auto u = static_cast<unsigned char>(c);
    return (u >= 'A' && u <= 'Z') ? static_cast<unsigned char>(u - 'A' + 'a') : u;
}


void add_words(std::string_view text, std::vector<std::string>& words) {
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        size_t start = i;
        while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        if (i > start) words.emplace_back(text.substr(start, i - start));
    }
}

} // namespace

bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool equals_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (fold(a[i]) != fold(b[i])) return false;
    return true;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(fold(c));
    return out;
}

bool contains_ci(std::string_view text, std::string_view needle) {
    return find_ci(text, needle, 0) != std::string_view::npos;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && equals_ci(text.substr(0, prefix.size()), prefix);
}

bool ends_with_ci(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && equals_ci(text.substr(text.size() - suffix.size()), suffix);
}

bool has_whole_word(std::string_view text, std::string_view word) {
    if (word.empty()) return false;
    for (size_t at = find_ci(text, word, 0); at != std::string_view::npos; at = find_ci(text, word, at + 1)) {
        size_t end = at + word.size();
        bool starts_word = at == 0 || !is_word_byte(static_cast<unsigned char>(text[at - 1]));
        bool ends_word = end == text.size() || !is_word_byte(static_cast<unsigned char>(text[end]));
        if (starts_word && ends_word) return true;
    }
    return false;
}

ContainsTerms split_contains_value(std::string_view value) {
    ContainsTerms terms;
    size_t i = 0;
    while (i < value.size()) {
        size_t quote = value.find('"', i);
        add_words(value.substr(i, quote == std::string_view::npos ? std::string_view::npos : quote - i),
                  terms.words);
        if (quote == std::string_view::npos) break;
        size_t close = value.find('"', quote + 1);
        std::string_view phrase = value.substr(quote + 1, close == std::string_view::npos
                                                              ? std::string_view::npos
                                                              : close - quote - 1);
        if (!phrase.empty()) terms.phrases.emplace_back(phrase);
        if (close == std::string_view::npos) break;
        i = close + 1;
    }
    return terms;
}

} // namespace sightline
