# Installs a configured and built wikirel tree into a fresh prefix:
#   cmake -DBUILD_DIR=<build dir> -DPREFIX=<prefix> [-DCONFIG=<config>]
#         ["-DEXPECT=<relative path;...>"] -P install_into.cmake
# and checks that every EXPECT file is in the prefix afterwards.
cmake_minimum_required(VERSION 3.21)
file(REMOVE_RECURSE "${PREFIX}")
set(config_args "")
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${config_args}
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} failed (${rc})")
endif()
foreach(file IN LISTS EXPECT)
  if(NOT EXISTS "${PREFIX}/${file}")
    message(FATAL_ERROR "the install did not produce ${PREFIX}/${file}")
  endif()
endforeach()
