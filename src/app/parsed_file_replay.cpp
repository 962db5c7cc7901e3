#include "app/parsed_file_replay.h"

#include <exception>
#include <stdexcept>

namespace sightline {

ParsedFileReplay::ParsedFileReplay(std::string name, ActivityWriter& writer, uint32_t kept_source)
    : writer_(writer) {
    report_.name = std::move(name);
    if (kept_source) writer_.hold_source(kept_source);
}

namespace {

constexpr int kRowsBetweenClockReads = 32; // a clock read costs about as much as a row

} // namespace

size_t ParsedFileReplay::add(std::span<const uint8_t> bytes, Clock::time_point deadline) {
    try {
        return add_until(bytes, deadline);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(report_.name + ": " + e.what());
    }
}

size_t ParsedFileReplay::add_until(std::span<const uint8_t> bytes, Clock::time_point deadline) {
    ParsedRowsDecoder rows(bytes);
    int until_clock_read = kRowsBetweenClockReads;
    for (;;) {
        switch (rows.next()) {
        case ParsedRowsDecoder::Entry::Row:
            store_row(rows);
            if (--until_clock_read == 0) {
                until_clock_read = kRowsBetweenClockReads;
                if (Clock::now() >= deadline) return rows.position();
            }
            break;
        case ParsedRowsDecoder::Entry::Progress:
            report_.bytes = rows.bytes_read();
            break;
        case ParsedRowsDecoder::Entry::Report:
            if (ended_) throw std::runtime_error("a second report");
            end(rows.report());
            break;
        case ParsedRowsDecoder::Entry::HandedBack:
            if (report_.rows + report_.duplicates != 0) throw std::runtime_error("handed back after rows were stored");
            handed_back_ = true;
            return rows.position();
        case ParsedRowsDecoder::Entry::End:
            return rows.position();
        }
    }
}

void ParsedFileReplay::store_row(const ParsedRowsDecoder& rows) {
    if (ended_) throw std::runtime_error("rows arrived after the file's report");
    if (!store_error_.empty()) return;
    try {
        ++(writer_.insert(rows.activity(), rows.raw()) ? report_.rows : report_.duplicates);
    } catch (const std::exception& e) {
        store_error_ = std::string("could not store activities: ") + e.what();
    }
}

// The worker counted every row it read as added; only the store knows which were duplicates.
void ParsedFileReplay::end(FileImportReport worker_report) {
    worker_report.rows = report_.rows;
    worker_report.duplicates = report_.duplicates;
    if (!store_error_.empty() && worker_report.fatal_error.empty()) {
        ++worker_report.issue_count;
        worker_report.errors.push_back({0, 0, store_error_});
        worker_report.fatal_error = store_error_;
    }
    report_ = std::move(worker_report);
    ended_ = true;
}

} // namespace sightline
