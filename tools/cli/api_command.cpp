// A calls line is {"call": "values", "args": ["app", {"limit": 3}]}: the method and its
// arguments as window.sightline takes them ("args" may be left out for none). Other keys are
// ignored, so a line can say what it checks ("why"). Blank lines are skipped and print nothing.
// --columns builds the column copy (store/activity_columns.h) before the first call, so the
// same calls can be answered once from SQL and once from the copy against one expected file.
#include "api_command.h"

#include "base_name.h"

#include "api/automation_api.h"
#include "app/app_model.h"

#include <rapidjson/document.h>
#include <rapidjson/writer.h>

#include <fstream>
#include <iostream>

namespace sightline::cli {
namespace {

constexpr size_t kChunkBytes = 1 << 20; // what the page reads per File.slice()

struct ApiArgs {
    std::vector<std::string> files;
    std::string calls_path;
    bool columns = false;
};

bool parse_args(const std::vector<std::string>& args, ApiArgs& out) {
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--calls") {
            if (i + 1 >= args.size()) return false;
            out.calls_path = args[++i];
        } else if (args[i] == "--columns") {
            out.columns = true;
        } else if (args[i].rfind("--", 0) == 0) {
            return false;
        } else {
            out.files.push_back(args[i]);
        }
    }
    return !out.calls_path.empty();
}

// One batch, as the page imports the files of one drop; false when a file cannot be opened.
bool import_files(AppModel& model, const std::vector<std::string>& paths) {
    model.import_session().begin(static_cast<int>(paths.size()), 0);
    std::vector<uint8_t> chunk(kChunkBytes);
    for (const std::string& path : paths) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::cerr << "sightline-cli api: cannot open " << path << '\n';
            model.import_session().cancel();
            return false;
        }
        model.import_session().begin_file(base_name(path));
        while (in) {
            in.read(reinterpret_cast<char*>(chunk.data()), static_cast<std::streamsize>(chunk.size()));
            const auto got = static_cast<size_t>(in.gcount());
            if (got == 0) break;
            model.import_session().feed(std::span<const uint8_t>(chunk.data(), got));
        }
        model.import_session().end_file();
    }
    model.import_session().finish();
    return true;
}

std::string to_json(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return std::string(buffer.GetString(), buffer.GetSize());
}

// The call's method and JSON arguments, or an error message naming the line.
bool parse_call(const std::string& line, size_t number, std::string& method, std::string& args, std::string& error) {
    rapidjson::Document doc;
    doc.Parse(line.c_str(), line.size());
    const std::string where = "calls line " + std::to_string(number) + ": ";
    if (doc.HasParseError() || !doc.IsObject()) return error = where + "not a JSON object", false;
    auto call = doc.FindMember("call");
    if (call == doc.MemberEnd() || !call->value.IsString()) return error = where + "needs \"call\": NAME", false;
    method = call->value.GetString();
    auto found = doc.FindMember("args");
    if (found == doc.MemberEnd()) args = "[]";
    else if (!found->value.IsArray()) return error = where + "\"args\" must be an array", false;
    else args = to_json(found->value);
    return true;
}

} // namespace

int run_api_command(const std::vector<std::string>& args) {
    ApiArgs parsed;
    if (!parse_args(args, parsed)) {
        std::cerr << "usage: sightline-cli api FILE... --calls CALLS.jsonl [--columns]\n";
        return 2;
    }
    std::ifstream calls(parsed.calls_path, std::ios::binary);
    if (!calls) {
        std::cerr << "sightline-cli api: cannot open " << parsed.calls_path << '\n';
        return 2;
    }
    AppModel model;
    if (!parsed.files.empty() && !import_files(model, parsed.files)) return 1;
    model.complete_enrichment(); // the page runs it between frames after an import
    model.complete_indexes();
    if (parsed.columns) {
        while (model.store().build_columns(1e9)) {
        }
    }
    AutomationApi api(model);
    std::string line, method, arguments, error;
    for (size_t number = 1; std::getline(calls, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (!parse_call(line, number, method, arguments, error)) {
            std::cerr << "sightline-cli api: " << error << '\n';
            return 2;
        }
        std::cout << api.call(method, arguments) << '\n';
    }
    return 0;
}

} // namespace sightline::cli
