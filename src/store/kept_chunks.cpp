#include "store/kept_chunks.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

namespace sightline {

uint32_t KeptChunks::open() {
    sources_[next_] = Source{};
    return next_++;
}

void KeptChunks::append(uint32_t source, std::span<const uint8_t> bytes) {
    auto it = sources_.find(source);
    if (it == sources_.end()) throw std::logic_error("kept chunks: no source " + std::to_string(source));
    if (bytes.empty()) return;
    Source& s = it->second;
    s.chunks.emplace_back(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    s.starts.push_back(s.size);
    s.size += bytes.size();
}

void KeptChunks::read(uint32_t source, uint64_t offset, size_t size, char* out) const {
    auto it = sources_.find(source);
    if (it == sources_.end() || offset + size > it->second.size)
        throw std::out_of_range("kept chunks: bytes " + std::to_string(offset) + "+" + std::to_string(size) +
                                " not in source " + std::to_string(source));
    const Source& s = it->second;
    // The chunk holding `offset`: the last one starting at or before it.
    size_t c = static_cast<size_t>(std::upper_bound(s.starts.begin(), s.starts.end(), offset) - s.starts.begin()) - 1;
    while (size) {
        const size_t at = static_cast<size_t>(offset - s.starts[c]);
        const size_t n = std::min(size, s.chunks[c].size() - at);
        std::memcpy(out, s.chunks[c].data() + at, n);
        out += n;
        offset += n;
        size -= n;
        ++c;
    }
}

void KeptChunks::release(uint32_t source) { sources_.erase(source); }

uint64_t KeptChunks::bytes_kept() const {
    uint64_t bytes = 0;
    for (const auto& [id, s] : sources_) bytes += s.size;
    return bytes;
}

} // namespace sightline
