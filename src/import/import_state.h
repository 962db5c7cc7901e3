// Where an import stands: the one set of answers the import session (app/import_session.h), the
// parse worker (import/parse_worker_protocol.h), the page's exports (wasm/js_exports.cpp) and its
// JavaScript share. The numbers are not retyped anywhere: JavaScript reads this table by name
// (import_protocol_json(), exported to both wasm modules).
#pragma once

#include <cstdint>
#include <string_view>

namespace sightline {

// X(name, number, what the reader of the file does next)
#define SIGHTLINE_IMPORT_STATES(X)                                                                 \
    X(Idle, 0, "no import is running")                                                             \
    X(ReadingHere, 1, "go on: feed the file's next chunk on this thread")                          \
    X(ReadingInWorker, 2, "go on: pass the file's chunks to the parse worker and its rows back")   \
    X(WaitingForMapping, 3, "the analyst is asked for a column mapping: wait, frames running")     \
    X(HandedBack, 4, "the worker gave the file back: feed it here from its first byte")            \
    X(FileDone, 5, "the file is read (or skipped): begin the next one, or finish")                 \
    X(Finished, 6, "the batch is committed; the result holds its reports")                         \
    X(Cancelled, 7, "the batch was rolled back: the data is as it was")                            \
    X(Failed, 8, "the batch was rolled back after an error; the result says which")

enum class ImportState : int32_t {
#define SIGHTLINE_IMPORT_STATE_ENUM(name, number, what) name = number,
    SIGHTLINE_IMPORT_STATES(SIGHTLINE_IMPORT_STATE_ENUM)
#undef SIGHTLINE_IMPORT_STATE_ENUM
};

struct ImportStateName {
    ImportState state;
    std::string_view name;
    std::string_view meaning;
};

inline constexpr ImportStateName kImportStateNames[] = {
#define SIGHTLINE_IMPORT_STATE_NAME(name, number, what) {ImportState::name, #name, what},
    SIGHTLINE_IMPORT_STATES(SIGHTLINE_IMPORT_STATE_NAME)
#undef SIGHTLINE_IMPORT_STATE_NAME
};

constexpr std::string_view import_state_name(ImportState state) {
    for (const ImportStateName& entry : kImportStateNames)
        if (entry.state == state) return entry.name;
    return "?";
}

// The import has ended, one way or another: nothing of it is open.
constexpr bool import_ended(ImportState state) {
    return state == ImportState::Idle || state == ImportState::Finished || state == ImportState::Cancelled ||
           state == ImportState::Failed;
}

} // namespace sightline
