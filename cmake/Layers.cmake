# The core's layers, lowest first: one static library each (sightline_<layer>, from
# src/<layer>/*.cpp), linking only the one under it. This list is the one place the order is
# written: the README's layout repeats it for readers, and tools/check_layers.py reads it
# from here at build time, so an #include that runs upward fails the build. A call that runs
# upward fails to link too: a static library is searched once, in this order.
set(SIGHTLINE_LAYERS util model text enrich store filter query import demo export app api)

set(_below "")
foreach(_layer IN LISTS SIGHTLINE_LAYERS)
  file(GLOB _sources CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/${_layer}/*.cpp")
  add_library(sightline_${_layer} STATIC ${_sources})
  target_include_directories(sightline_${_layer} PUBLIC "${CMAKE_SOURCE_DIR}/src")
  sightline_warnings(sightline_${_layer})
  if(_below)
    target_link_libraries(sightline_${_layer} PUBLIC sightline_${_below})
  else()
    target_link_libraries(sightline_${_layer} PUBLIC sightline_header_libs)
  endif()
  add_dependencies(sightline_${_layer} sightline_layer_check)
  set(_below "${_layer}")
endforeach()
target_link_libraries(sightline_store PUBLIC sqlite3_amalgamation)
target_link_libraries(sightline_enrich PUBLIC re2_engine)

# The whole core, for the programs over it (sightline-cli, the tests, the browser app).
add_library(sightline_core INTERFACE)
target_link_libraries(sightline_core INTERFACE sightline_${_below})
