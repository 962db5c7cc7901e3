#include "import/timestamp_parsing.h"

#include "import/field_text.h"
#include "util/time_format.h"

#include <array>
#include <cctype>

namespace sightline {
namespace {

struct Cursor {
    std::string_view s;
    size_t pos = 0;

    bool done() const { return pos >= s.size(); }
    void skip_spaces() { while (!done() && s[pos] == ' ') ++pos; }
    bool eat(char c) {
        if (done() || s[pos] != c) return false;
        ++pos;
        return true;
    }
    // 1..max_digits digits.
    std::optional<int> number(size_t max_digits) {
        size_t start = pos;
        int value = 0;
        while (!done() && pos - start < max_digits && std::isdigit(static_cast<unsigned char>(s[pos])))
            value = value * 10 + (s[pos++] - '0');
        if (pos == start) return std::nullopt;
        return value;
    }
};

std::optional<int> month_from_name(std::string_view word) {
    static constexpr std::array<std::string_view, 12> names = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
    if (word.size() < 3) return std::nullopt;
    for (size_t i = 0; i < names.size(); ++i)
        if (istarts_with(word, names[i])) return static_cast<int>(i) + 1;
    return std::nullopt;
}

// `h:mm[:ss[.fff]] [AM|PM]` after a date; the time may be missing entirely.
std::optional<int64_t> time_of_day_ms(Cursor& c) {
    c.skip_spaces();
    if (c.done()) return 0;
    auto hour = c.number(2);
    if (!hour || !c.eat(':')) return std::nullopt;
    auto minute = c.number(2);
    if (!minute) return std::nullopt;
    int second = 0, ms = 0;
    if (c.eat(':')) {
        auto sec = c.number(2);
        if (!sec) return std::nullopt;
        second = *sec;
        if (c.eat('.')) {
            int scale = 100;
            while (!c.done() && std::isdigit(static_cast<unsigned char>(c.s[c.pos]))) {
                ms += (c.s[c.pos++] - '0') * scale;
                scale /= 10;
            }
        }
    }
    c.skip_spaces();
    int h = *hour;
    std::string_view rest = c.s.substr(c.pos);
    if (istarts_with(rest, "AM") || istarts_with(rest, "PM")) {
        if (h < 1 || h > 12) return std::nullopt;
        const bool pm = rest[0] == 'P' || rest[0] == 'p';
        h = h % 12 + (pm ? 12 : 0);
        c.pos += 2;
        c.skip_spaces();
    }
    if (c.eat('Z') || istarts_with(c.s.substr(c.pos), "UTC")) c.pos = c.s.size();
    if (!c.done() || h > 23 || *minute > 59 || second > 60) return std::nullopt;
    return ((h * 60LL + *minute) * 60 + second) * 1000 + ms;
}

std::optional<int64_t> civil_ms(int year, int month, int day, Cursor& c) {
    if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return std::nullopt;
    auto tod = time_of_day_ms(c);
    if (!tod) return std::nullopt;
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400000 + *tod;
}

// 9/20/2023 4:05:03 AM (month first, as US-locale exports write it, unless the first number
// cannot be a month), 20.09.2023 16:05:03 (European dotted form, day first).
std::optional<int64_t> parse_numeric_date(std::string_view s) {
    Cursor c{s};
    auto a = c.number(2);
    if (!a || c.done()) return std::nullopt;
    const char sep = c.s[c.pos];
    if (sep != '/' && sep != '.') return std::nullopt;
    ++c.pos;
    auto b = c.number(2);
    if (!b || !c.eat(sep)) return std::nullopt;
    auto year = c.number(4);
    if (!year) return std::nullopt;
    c.eat(',');
    int month = *a, day = *b;
    if (sep == '.' || month > 12) std::swap(month, day);
    return civil_ms(*year, month, day, c);
}

// Sep 20, 2023 4:05:03 AM
std::optional<int64_t> parse_month_name_date(std::string_view s) {
    size_t space = s.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    auto month = month_from_name(s.substr(0, space));
    if (!month) return std::nullopt;
    Cursor c{s, space};
    c.skip_spaces();
    auto day = c.number(2);
    if (!day) return std::nullopt;
    c.eat(',');
    c.skip_spaces();
    auto year = c.number(4);
    if (!year) return std::nullopt;
    c.eat(',');
    return civil_ms(*year, *month, *day, c);
}

std::optional<int64_t> parse_epoch(std::string_view s) {
    if (s.size() < 9 || s.size() > 13) return std::nullopt;
    int64_t value = 0;
    for (char ch : s) {
        if (!std::isdigit(static_cast<unsigned char>(ch))) return std::nullopt;
        value = value * 10 + (ch - '0');
    }
    return s.size() >= 12 ? value : value * 1000; // milliseconds, else seconds
}

} // namespace

std::optional<int64_t> parse_timestamp(std::string_view text) {
    text = trim(text);
    if (text.size() < 6) return std::nullopt;
    if (text.size() >= 10 && text[4] == '-') {
        if (auto iso = parse_iso8601(text)) return iso;
        // "2023-09-20 04:05:03 UTC" and similar trailers
        if (text.size() > 4 && iequals(text.substr(text.size() - 4), " UTC")) return parse_iso8601(text.substr(0, text.size() - 4));
        return std::nullopt;
    }
    if (std::isdigit(static_cast<unsigned char>(text[0]))) {
        if (auto epoch = parse_epoch(text)) return epoch;
        return parse_numeric_date(text);
    }
    return parse_month_name_date(text);
}

} // namespace sightline
