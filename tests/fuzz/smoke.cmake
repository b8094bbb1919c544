# cmake -DFUZZER=<wikirel_fuzz> -DSEEDS=<tests/fuzz/corpus> -DDICT=<wikitext.dict> -DWORK=<dir>
#       -DSECONDS=60 -P smoke.cmake
# The ctest fuzz_smoke: copies the seed corpus into WORK (the source tree stays clean) and
# runs the fuzzer over it for SECONDS; any crash, leak, timeout or failed check fails.
foreach(var FUZZER SEEDS DICT WORK SECONDS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "smoke.cmake: ${var} is not set")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/artifacts")
file(GLOB seeds "${SEEDS}/*")
file(COPY ${seeds} DESTINATION "${WORK}/corpus")
execute_process(
  COMMAND "${FUZZER}" -max_total_time=${SECONDS} -max_len=8192 -timeout=25 -rss_limit_mb=2048
          "-dict=${DICT}" "-artifact_prefix=${WORK}/artifacts/" -print_final_stats=1 "${WORK}/corpus"
  WORKING_DIRECTORY "${WORK}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(GLOB found "${WORK}/artifacts/*")
  message(FATAL_ERROR "wikirel_fuzz failed (exit ${rc}); reproducer: ${found}\n"
                      "Rerun it with: ${FUZZER} <file>")
endif()
