# The policy template catalogue (assets/policy_templates/*.json) is data read into the build:
# cmake/write_policy_templates.cmake turns the files into a generated header that
# app/policy_templates.cpp includes, so a template is written once, as its file, and a new file
# is picked up by the next build (CONFIGURE_DEPENDS re-runs this when the folder or a file changes).
file(GLOB SIGHTLINE_POLICY_TEMPLATES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/policy_templates/*.json")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${SIGHTLINE_POLICY_TEMPLATES})
set(TEMPLATE_DIR "${CMAKE_SOURCE_DIR}/assets/policy_templates")
set(OUT "${CMAKE_BINARY_DIR}/generated/app/policy_templates.inc")
include("${CMAKE_SOURCE_DIR}/cmake/write_policy_templates.cmake")
target_include_directories(sightline_app PRIVATE "${CMAKE_BINARY_DIR}/generated")
