// Value counts of fields that compare without case (FieldCase::Nocase in model/field_table.h:
// user, user_domain, ip): `DebraB@contoso.com` and `debrab@contoso.com` are one user, as the
// eq filter already says, so their counts are added and the spelling seen most often names them.
#pragma once

#include "query/value_tally.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// The fold the eq filter's COLLATE NOCASE uses: ASCII letters only (text/word_match.h).
std::string fold_ascii_case(std::string_view text);

// `counts` holds exact spellings (each once); the answer holds one entry per spelling without
// case, its count the sum and its value the most frequent spelling (ties: the first in byte
// order), most frequent first, at most `limit` (-1: all).
std::vector<ValueCount> merge_case_variants(const std::vector<ValueCount>& counts, int64_t limit);

} // namespace sightline
