#include "page_state.h"

#include <emscripten.h>

#include <cstdlib>

namespace {

// Returns a malloc'd UTF-8 copy of localStorage[key], or 0 when absent or unavailable.
EM_JS(char*, js_storage_get, (const char* key), {
    try {
        const value = window.localStorage.getItem(UTF8ToString(key));
        if (value === null) return 0;
        const size = lengthBytesUTF8(value) + 1;
        const ptr = _malloc(size);
        stringToUTF8(value, ptr, size);
        return ptr;
    } catch (e) {
        return 0;
    }
});

EM_JS(int, js_storage_set, (const char* key, const char* value), {
    try {
        window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
        return 1;
    } catch (e) {
        return 0;
    }
});

EM_JS(char*, js_location_hash, (), {
    const value = window.location.hash || "";
    const size = lengthBytesUTF8(value) + 1;
    const ptr = _malloc(size);
    stringToUTF8(value, ptr, size);
    return ptr;
});

EM_JS(void, js_replace_hash, (const char* fragment), {
    const hash = UTF8ToString(fragment);
    const url = window.location.pathname + window.location.search + hash;
    try {
        window.history.replaceState(null, "", url);
    } catch (e) {
        // file:// pages in some browsers refuse replaceState; the view still works.
    }
});

std::optional<std::string> take_string(char* ptr) {
    if (!ptr) return std::nullopt;
    std::string value(ptr);
    std::free(ptr);
    return value;
}

} // namespace

namespace sightline {

std::optional<std::string> read_local_storage(const char* key) { return take_string(js_storage_get(key)); }

bool write_local_storage(const char* key, const std::string& value) { return js_storage_set(key, value.c_str()) == 1; }

std::string read_url_fragment() { return take_string(js_location_hash()).value_or(""); }

void replace_url_fragment(const std::string& fragment) { js_replace_hash(fragment.c_str()); }

} // namespace sightline
