# Our own code compiles warning-free at this level; third-party targets are not held to it.
function(sightline_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
endfunction()
