// The parse worker's protocol, included by both ends: the worker (wasm/parse_worker/, through
// import/parse_worker_file.h) and the page (app/import_session.h, through ParsedFileReplay).
//
// Messages (JavaScript's postMessage; wasm/js/parse_worker.js and parse_worker_client.js read
// these names from import_protocol_json(), exported by each module):
//   page -> worker  begin {session, name, kept}   chunk {session, buffer, length}   end {session}
//   worker -> page  ready {}   rows {session, rows, buffer, heapBytes}   done {session, rows, heapBytes}
//                   error {session, message}
// `rows` is the encoded output below. The worker answers each step with an ImportState:
// ReadingInWorker (go on), HandedBack (no known format: nothing was read, the page reads the
// file), or Failed.
//
// The rows' framing: entries, each a tag byte, then little-endian numbers and texts prefixed with
// their u32 length (both ends are the same build, so there is no version):
//   Row        'A'  the fields (import/parsed_rows.cpp visits them in one order), the raw record
//   Progress   'P'  i64 bytes of the file read so far
//   Report     'R'  the file's report: texts, counts, then its errors; the file's last entry
//   HandedBack 'H'  no fields: the file is in no known format and nothing of it was read
#pragma once

#include "import/import_state.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace sightline {

enum class ParsedEntryTag : uint8_t { Row = 'A', Progress = 'P', Report = 'R', HandedBack = 'H' };

// X(name): the postMessage types, spelled as the messages carry them.
#define SIGHTLINE_PARSE_WORKER_MESSAGES(X) X(begin) X(chunk) X(end) X(ready) X(rows) X(done) X(error)

inline constexpr std::string_view kParseWorkerMessages[] = {
#define SIGHTLINE_PARSE_WORKER_MESSAGE_NAME(name) #name,
    SIGHTLINE_PARSE_WORKER_MESSAGES(SIGHTLINE_PARSE_WORKER_MESSAGE_NAME)
#undef SIGHTLINE_PARSE_WORKER_MESSAGE_NAME
};

// {"states": {"Idle": 0, ...}, "messages": {"begin": "begin", ...}}: what both modules export for
// their JavaScript (sl_import_protocol, slp_protocol), so no number or name is retyped there.
inline std::string import_protocol_json() {
    std::string out = R"({"states":{)";
    bool first = true;
    for (const ImportStateName& entry : kImportStateNames) {
        if (!first) out += ',';
        first = false;
        out += '"';
        out += entry.name;
        out += "\":" + std::to_string(static_cast<int>(entry.state));
    }
    out += R"(},"messages":{)";
    first = true;
    for (std::string_view name : kParseWorkerMessages) {
        if (!first) out += ',';
        first = false;
        out += '"';
        out += name;
        out += "\":\"";
        out += name;
        out += '"';
    }
    out += "}}";
    return out;
}

} // namespace sightline
