#include "js_download_sink.h"

#include <emscripten.h>

namespace {

EM_JS(int, js_download_begin, (const char* name, const char* type), {
    return Module.slDownloads.begin(UTF8ToString(name), UTF8ToString(type));
});
EM_JS(void, js_download_write, (int id, const char* data, int size), {
    Module.slDownloads.write(id, HEAPU8.subarray(data, data + size));
});
EM_JS(void, js_download_finish, (int id), { Module.slDownloads.finish(id); });
EM_JS(void, js_download_abort, (int id), { Module.slDownloads.abort(id); });

} // namespace

namespace sightline {

JsDownloadSink::JsDownloadSink(const std::string& file_name, const std::string& mime_type)
    : id_(js_download_begin(file_name.c_str(), mime_type.c_str())) {}

// A sink dropped unfinished (the export was stopped without abort) leaves nothing behind.
JsDownloadSink::~JsDownloadSink() {
    if (!ended_) js_download_abort(id_);
}

void JsDownloadSink::write(std::string_view bytes) {
    js_download_write(id_, bytes.data(), static_cast<int>(bytes.size()));
}

void JsDownloadSink::finish() {
    ended_ = true;
    js_download_finish(id_);
}

void JsDownloadSink::abort() {
    ended_ = true;
    js_download_abort(id_);
}

} // namespace sightline
