// libFuzzer target for the importers: any bytes, fed in chunks whose size comes from the
// input itself, must never crash, hang or leak, whatever format the content resembles.
#include "import/file_importer.h"
#include "store/activity_store.h"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static sightline::ActivityStore store; // one database; every run is rolled back
    if (size == 0) return 0;
    const size_t chunk = 1 + data[0] % 64; // small chunks reach every boundary case
    std::span<const uint8_t> input(data + 1, size - 1);
    sightline::ActivityWriter writer(store);
    sightline::FileImporter importer("fuzz.csv", writer);
    for (size_t i = 0; i < input.size(); i += chunk) importer.feed(input.subspan(i, std::min(chunk, input.size() - i)));
    importer.finish();
    (void)importer.report();
    return 0;
}
