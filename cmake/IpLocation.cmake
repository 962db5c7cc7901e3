# The offline IP location asset: npm @ip-location-db/geo-whois-asn-country and @ip-location-db/asn
# (tools/geo/package.json, installed by scripts/install-deps.sh) converted at build time by
# tools/geo/make_ip_location.py into one binary file in the build folder, never committed:
#   wasm:   ${SIGHTLINE_WEB_OUT}/ip-location.bin, beside index.html, which the page fetches from
#           its own folder the first time it needs it (not embedded: it is 16 MB)
#   native: ${CMAKE_BINARY_DIR}/ip-location.bin, for the tests, the bench and sightline-cli
# SIGHTLINE_IP_LOCATION is its path and sightline_ip_location the target that writes it.
set(SIGHTLINE_IP_LOCATION_SOURCES "${CMAKE_SOURCE_DIR}/tools/geo/node_modules/@ip-location-db")
set(_geo_inputs
  "${SIGHTLINE_IP_LOCATION_SOURCES}/geo-whois-asn-country/geo-whois-asn-country-ipv4-num.csv"
  "${SIGHTLINE_IP_LOCATION_SOURCES}/geo-whois-asn-country/geo-whois-asn-country-ipv6-num.csv"
  "${SIGHTLINE_IP_LOCATION_SOURCES}/geo-whois-asn-country/package.json"
  "${SIGHTLINE_IP_LOCATION_SOURCES}/asn/asn-ipv4-num.csv"
  "${SIGHTLINE_IP_LOCATION_SOURCES}/asn/asn-ipv6-num.csv"
  "${SIGHTLINE_IP_LOCATION_SOURCES}/asn/package.json")
foreach(_input IN LISTS _geo_inputs)
  if(NOT EXISTS "${_input}")
    message(FATAL_ERROR "${_input} is missing: run scripts/install-deps.sh (npm ci in tools/geo)")
  endif()
endforeach()
if(EMSCRIPTEN)
  set(SIGHTLINE_IP_LOCATION "${SIGHTLINE_WEB_OUT}/ip-location.bin")
else()
  set(SIGHTLINE_IP_LOCATION "${CMAKE_BINARY_DIR}/ip-location.bin")
endif()
add_custom_command(OUTPUT "${SIGHTLINE_IP_LOCATION}"
  COMMAND python3 "${CMAKE_SOURCE_DIR}/tools/geo/make_ip_location.py" "${SIGHTLINE_IP_LOCATION_SOURCES}"
          "${CMAKE_SOURCE_DIR}/assets/tables/special_purpose_ip_ranges.csv" "${SIGHTLINE_IP_LOCATION}"
  DEPENDS "${CMAKE_SOURCE_DIR}/tools/geo/make_ip_location.py" ${_geo_inputs}
          "${CMAKE_SOURCE_DIR}/assets/tables/special_purpose_ip_ranges.csv"
  COMMENT "Converting the IP location data (tools/geo/make_ip_location.py)")
add_custom_target(sightline_ip_location ALL DEPENDS "${SIGHTLINE_IP_LOCATION}")
