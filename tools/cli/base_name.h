// The file name the CLI's commands give an import (as the page names a dropped file): the path
// without its folders.
#pragma once

#include <string>

namespace sightline::cli {

inline std::string base_name(const std::string& path) {
    const size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace sightline::cli
