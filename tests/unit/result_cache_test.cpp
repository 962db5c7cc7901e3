// ResultCache keeps a few answers per data generation and forgets the oldest first.
#include "store/result_cache.h"

#include <doctest/doctest.h>

#include <string>

using namespace sightline;

TEST_CASE("RowidCache finds a list only under its key and generation") {
    RowidCache cache(4);
    cache.put("falcon", 3, {1, 2, 3});
    REQUIRE(cache.find("falcon", 3));
    CHECK(*cache.find("falcon", 3) == std::vector<int64_t>{1, 2, 3});
    CHECK_FALSE(cache.find("falcon", 4));
    CHECK_FALSE(cache.find("heron", 3));

    cache.put("falcon", 3, {7}); // replaces, not duplicates
    CHECK(*cache.find("falcon", 3) == std::vector<int64_t>{7});

    cache.put("heron", 4, {9}); // a new generation drops the old lists
    CHECK_FALSE(cache.find("falcon", 3));
    CHECK(cache.find("heron", 4));
    cache.clear();
    CHECK_FALSE(cache.find("heron", 4));
}

// (Built with +=: GCC 12 warns falsely about "k" + std::to_string(i), its bug 105651.)
namespace {
std::string key(size_t i) {
    std::string k = "k";
    k += std::to_string(i);
    return k;
}
} // namespace

TEST_CASE("RowidCache keeps the latest lists and forgets the oldest") {
    RowidCache cache(4);
    for (size_t i = 0; i <= cache.max_entries(); ++i) cache.put(key(i), 1, {static_cast<int64_t>(i)});
    CHECK_FALSE(cache.find("k0", 1));
    for (size_t i = 1; i <= cache.max_entries(); ++i) CHECK(cache.find(key(i), 1));
}
