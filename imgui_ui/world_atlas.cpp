#include "world_atlas.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace sightline {
namespace {

constexpr const char* kAssetPath = "/assets/world_outlines.bin";

// Little-endian reads with bounds checks: a short or damaged asset is an error, not a crash.
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    std::string_view take(size_t n) {
        if (bytes_.size() - at_ < n) throw std::runtime_error("the map asset ends early");
        std::string_view out = bytes_.substr(at_, n);
        at_ += n;
        return out;
    }
    uint16_t u16() {
        std::string_view b = take(2);
        return static_cast<uint16_t>(static_cast<uint8_t>(b[0]) | static_cast<uint8_t>(b[1]) << 8);
    }
    float degrees() { return static_cast<float>(static_cast<int16_t>(u16())) / 100.0f; }
    uint8_t u8() { return static_cast<uint8_t>(take(1)[0]); }

private:
    std::string_view bytes_;
    size_t at_ = 0;
};

} // namespace

WorldAtlas WorldAtlas::parse(std::string_view bytes) {
    WorldAtlas atlas;
    try {
        Reader r(bytes);
        if (r.take(4) != "SLWO" || r.u16() != 1) throw std::runtime_error("not a version 1 map asset");
        for (uint16_t n = r.u16(); n > 0; --n) {
            MapPlace p;
            p.code = std::string(r.take(2));
            const float lat = r.degrees();
            const float lon = r.degrees();
            p.lon_lat = {lon, lat};
            p.name = std::string(r.take(r.u8()));
            atlas.places_.push_back(std::move(p));
        }
        for (uint16_t n = r.u16(); n > 0; --n) {
            MapOutline o;
            o.code = std::string(r.take(2));
            for (uint16_t rings = r.u16(); rings > 0; --rings) {
                std::vector<glm::vec2>& ring = o.rings.emplace_back();
                for (uint16_t points = r.u16(); points > 0; --points) {
                    const float lon = r.degrees();
                    const float lat = r.degrees();
                    ring.push_back({lon, lat});
                }
            }
            atlas.outlines_.push_back(std::move(o));
        }
    } catch (const std::exception& e) {
        atlas = {};
        atlas.error_ = e.what();
    }
    std::sort(atlas.places_.begin(), atlas.places_.end(),
              [](const MapPlace& a, const MapPlace& b) { return a.code < b.code; });
    return atlas;
}

const WorldAtlas& WorldAtlas::get() {
    static const WorldAtlas atlas = [] {
        std::ifstream in(kAssetPath, std::ios::binary);
        if (!in) {
            WorldAtlas missing;
            missing.error_ = std::string(kAssetPath) + " is missing from the build";
            return missing;
        }
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return parse(bytes);
    }();
    return atlas;
}

const MapPlace* WorldAtlas::place(std::string_view code) const {
    auto it = std::lower_bound(places_.begin(), places_.end(), code,
                               [](const MapPlace& p, std::string_view c) { return p.code < c; });
    return it != places_.end() && it->code == code ? &*it : nullptr;
}

} // namespace sightline
