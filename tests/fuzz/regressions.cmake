# cmake -DFUZZER=<wikirel_fuzz> -DDIR=<tests/fuzz/regressions> -P regressions.cmake
# The ctest fuzz_regressions: runs every saved reproducer through the fuzz target once, with
# a 10 s and 2 GB limit per input (the slow ones are performance bugs). Each must pass once
# its bug is fixed.
foreach(var FUZZER DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "regressions.cmake: ${var} is not set")
  endif()
endforeach()
file(GLOB inputs "${DIR}/*.bin")
list(SORT inputs)
set(failed "")
foreach(input IN LISTS inputs)
  execute_process(
    COMMAND "${FUZZER}" -timeout=10 -rss_limit_mb=2048 "${input}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  get_filename_component(name "${input}" NAME)
  if(rc EQUAL 0)
    message(STATUS "ok    ${name}")
  else()
    string(REGEX MATCH "==== wikirel_fuzz: [^\n]*|ERROR: [A-Za-z]+: [^\n]*|runtime error: [^\n]*|ALARM: [^\n]*" why "${out}")
    message(STATUS "FAIL  ${name}: ${why}")
    list(APPEND failed "${name}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "regressions that still fail: ${failed} (see tests/fuzz/regressions/README.md)")
endif()
