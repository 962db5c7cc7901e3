// Case-insensitive text matching behind the filter operators contains, starts_with, ends_with
// and text. One implementation serves the SQL functions (store/sql_functions.cpp) and anything
// that matches in C++, so a filter means the same thing wherever it runs.
//
// Case folding is ASCII only, like SQLite's own lower() and LIKE: bytes >= 0x80 (the parts of
// non-ASCII UTF-8 letters) compare exactly and count as letters for word boundaries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// Letters and digits make words; every other ASCII byte separates them.
bool is_word_byte(unsigned char c);

bool equals_ci(std::string_view a, std::string_view b); // what SQLite's COLLATE NOCASE calls equal
// `text` with A-Z lower-cased: a key that equals_ci texts share.
std::string lower_ascii(std::string_view text);
bool contains_ci(std::string_view text, std::string_view needle);
bool starts_with_ci(std::string_view text, std::string_view prefix);
bool ends_with_ci(std::string_view text, std::string_view suffix);

// True when `word` occurs in `text` with no word byte directly before or after it:
// "malware" is a whole word of "virus_malware_file.exe" but not of "malwarevirus.exe".
bool has_whole_word(std::string_view text, std::string_view word);

// What one value of a `contains` condition asks for: any of these words (whole-word matches)
// or any of these phrases (double-quoted in the value, substring matches).
struct ContainsTerms {
    std::vector<std::string> words;
    std::vector<std::string> phrases;
    bool empty() const { return words.empty() && phrases.empty(); }
};

// `malware virus` -> words {malware, virus}; `"malware.exe" tool` -> phrase malware.exe, word tool.
// An unclosed quote runs to the end of the value.
ContainsTerms split_contains_value(std::string_view value);

} // namespace sightline
