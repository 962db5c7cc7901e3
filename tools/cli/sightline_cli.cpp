// sightline-cli: the core without a UI, for golden-file tests and benchmarks.
// Commands: import FILE... [--jsonl OUT] [--stats] [--via-worker-protocol]
//           api FILE... --calls CALLS.jsonl [--columns]
//           locate [--ip-location ASSET] [IP...]
#include "api_command.h"
#include "import_command.h"
#include "locate_command.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "import")
        return sightline::cli::run_import_command(std::vector<std::string>(args.begin() + 1, args.end()));
    if (!args.empty() && args[0] == "api")
        return sightline::cli::run_api_command(std::vector<std::string>(args.begin() + 1, args.end()));
    if (!args.empty() && args[0] == "locate")
        return sightline::cli::run_locate_command(std::vector<std::string>(args.begin() + 1, args.end()));
    std::cerr << "usage: sightline-cli import FILE... [--jsonl OUT] [--stats] [--via-worker-protocol]\n"
                 "       sightline-cli api FILE... --calls CALLS.jsonl [--columns]\n"
                 "       sightline-cli locate [--ip-location ASSET] [IP...]\n";
    return 2;
}
