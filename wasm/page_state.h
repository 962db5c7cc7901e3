// What the page keeps outside the wasm memory: the analyst's settings in localStorage (only
// settings, never activities) and the current view in the URL fragment, so that a link
// reopens the same filter.
#pragma once

#include <optional>
#include <string>

namespace sightline {

std::optional<std::string> read_local_storage(const char* key);
// False when the browser refuses (storage disabled, quota full).
bool write_local_storage(const char* key, const std::string& value);

std::string read_url_fragment();                    // location.hash, with its '#'
void replace_url_fragment(const std::string& fragment); // history.replaceState: no reload, no history entry

} // namespace sightline
