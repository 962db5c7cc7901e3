# Header-only libraries from Debian packages. emcc must never see -I/usr/include (glibc headers
# would leak into the wasm build), so each library is reached through a folder of symlinks.
set(_shim "${CMAKE_BINARY_DIR}/header-shims")
file(MAKE_DIRECTORY "${_shim}")
foreach(_lib rapidjson fast_float glm doctest)
  if(EXISTS "/usr/include/${_lib}" AND NOT EXISTS "${_shim}/${_lib}")
    file(CREATE_LINK "/usr/include/${_lib}" "${_shim}/${_lib}" SYMBOLIC)
  endif()
endforeach()
add_library(sightline_header_libs INTERFACE)
target_include_directories(sightline_header_libs SYSTEM INTERFACE "${_shim}")
# rapidjson: std::string overloads, and no SIMD paths that emcc cannot compile.
target_compile_definitions(sightline_header_libs INTERFACE RAPIDJSON_HAS_STDSTRING=1)
