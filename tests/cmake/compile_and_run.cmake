# Compiles one source file without CMake's help (the "bare" build a user does by hand) and
# checks the outcome. Run as
#   cmake -DCOMPILER=<c++> "-DFLAGS=<flag;flag...>" -DSOURCE=<file.cpp> -DOUTPUT=<exe>
#         -DMODE=run|fail [-DEXPECT_REGEX=<regex>] -P compile_and_run.cmake
# MODE=run:  the compile must succeed and the program must exit 0.
# MODE=fail: the compile must fail, and its diagnostics must match EXPECT_REGEX (case-insensitive).
cmake_minimum_required(VERSION 3.21)
foreach(var COMPILER SOURCE OUTPUT MODE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "compile_and_run.cmake: ${var} is not set")
  endif()
endforeach()

get_filename_component(out_dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${out_dir}")
file(REMOVE "${OUTPUT}")
set(command "${COMPILER}" ${FLAGS} "${SOURCE}" -o "${OUTPUT}")
list(JOIN command " " shown)
message(STATUS "${shown}")
execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(diagnostics "${out}${err}")

if(MODE STREQUAL "fail")
  if(rc EQUAL 0)
    message(FATAL_ERROR "${SOURCE} compiled, but it must not")
  endif()
  string(TOLOWER "${diagnostics}" lower)
  string(TOLOWER "${EXPECT_REGEX}" regex)
  if(NOT lower MATCHES "${regex}")
    message(FATAL_ERROR "${SOURCE} failed to compile as it should, but the diagnostics do not "
                        "match '${EXPECT_REGEX}':\n${diagnostics}")
  endif()
  message(STATUS "failed to compile, as required; the diagnostics match '${EXPECT_REGEX}'")
elseif(MODE STREQUAL "run")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${SOURCE} did not compile:\n${diagnostics}")
  endif()
  execute_process(COMMAND "${OUTPUT}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message(STATUS "${OUTPUT}: exit ${rc}\n${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${OUTPUT} exited with ${rc}")
  endif()
else()
  message(FATAL_ERROR "compile_and_run.cmake: MODE must be run or fail, not '${MODE}'")
endif()
