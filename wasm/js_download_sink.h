// An export's bytes into the page's download (wasm/js/file_download.js): each chunk is copied
// out of wasm memory into a Blob part at once, and finish() makes the Blob, a Blob URL and an
// <a download> click. Nothing goes over the network; abort() drops the parts.
#pragma once

#include "export/csv_sink.h"

#include <string>

namespace sightline {

class JsDownloadSink final : public CsvSink {
public:
    JsDownloadSink(const std::string& file_name, const std::string& mime_type);
    ~JsDownloadSink() override;
    void write(std::string_view bytes) override;
    void finish() override;
    void abort() override;

private:
    int id_;
    bool ended_ = false;
};

} // namespace sightline
