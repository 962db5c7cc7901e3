# The user-agent parser's data: npm uap-core's regexes and caniuse-lite's release dates
# (tools/user_agents/package.json, installed by scripts/install-deps.sh) and the Outdated rules'
# tables under assets/tables/, converted by tools/user_agents/make_user_agent_tables.mjs into a
# header in the build folder that src/enrich/user_agent_tables.cpp includes. Nothing is fetched
# at run time and the generated header is never committed.
set(SIGHTLINE_UA_NODE_MODULES "${CMAKE_SOURCE_DIR}/tools/user_agents/node_modules")
if(NOT EXISTS "${SIGHTLINE_UA_NODE_MODULES}/uap-core/regexes.yaml")
  message(FATAL_ERROR "${SIGHTLINE_UA_NODE_MODULES}/uap-core is missing: run scripts/install-deps.sh (npm ci in tools/user_agents)")
endif()
find_program(SIGHTLINE_NODE node REQUIRED)
set(SIGHTLINE_UA_TABLES "${CMAKE_BINARY_DIR}/generated/enrich/user_agent_tables.inc")
add_custom_command(OUTPUT "${SIGHTLINE_UA_TABLES}"
  COMMAND "${SIGHTLINE_NODE}" "${CMAKE_SOURCE_DIR}/tools/user_agents/make_user_agent_tables.mjs"
          "${CMAKE_SOURCE_DIR}/assets/tables" "${SIGHTLINE_UA_TABLES}"
  DEPENDS "${CMAKE_SOURCE_DIR}/tools/user_agents/make_user_agent_tables.mjs"
          "${SIGHTLINE_UA_NODE_MODULES}/uap-core/regexes.yaml"
          "${SIGHTLINE_UA_NODE_MODULES}/caniuse-lite/package.json"
          "${CMAKE_SOURCE_DIR}/assets/tables/browser_release_sources.csv"
          "${CMAKE_SOURCE_DIR}/assets/tables/native_clients.csv"
          "${CMAKE_SOURCE_DIR}/assets/tables/os_support_dates.csv"
  COMMENT "Converting uap-core and caniuse-lite (tools/user_agents/make_user_agent_tables.mjs)")
target_sources(sightline_enrich PRIVATE "${SIGHTLINE_UA_TABLES}")
target_include_directories(sightline_enrich PRIVATE "${CMAKE_BINARY_DIR}/generated")
