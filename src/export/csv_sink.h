// Where an export's bytes go, a chunk at a time: the page's download (Blob parts, in
// wasm/), a string (the automation API, tests), a file (the CLI). The export never holds the
// whole CSV; each chunk is handed over and forgotten.
#pragma once

#include <string>
#include <string_view>

namespace sightline {

class CsvSink {
public:
    virtual ~CsvSink() = default;
    virtual void write(std::string_view bytes) = 0;
    // Every chunk was written: the file is complete (the page starts the download).
    virtual void finish() = 0;
    // The export stopped (cancelled, or failed): drop what was written, nothing is saved.
    virtual void abort() = 0;
};

// Collects the chunks into one string (for the automation API, which answers the CSV text).
class StringCsvSink final : public CsvSink {
public:
    void write(std::string_view bytes) override { text_ += bytes; }
    void finish() override { finished_ = true; }
    void abort() override { text_.clear(); }
    const std::string& text() const { return text_; }
    bool finished() const { return finished_; }

private:
    std::string text_;
    bool finished_ = false;
};

} // namespace sightline
