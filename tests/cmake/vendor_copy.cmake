# Builds a consumer tree that vendors wikirel, as a user does: DESTINATION gets a copy of the
# CONSUMER project and, in its third_party/wikirel, a copy of the wikirel tree at SOURCE without
# .git and build trees (any directory holding a CMakeCache.txt, any top-level build*/, EXCLUDE).
#   cmake -DCONSUMER=<dir> -DSOURCE=<wikirel dir> -DDESTINATION=<dir> ["-DEXCLUDE=<dir;...>"]
#         -P vendor_copy.cmake
# DESTINATION is emptied first.
cmake_minimum_required(VERSION 3.21)
foreach(var CONSUMER SOURCE DESTINATION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "vendor_copy.cmake: ${var} is not set")
  endif()
endforeach()

function(copy_dir from to depth)
  file(GLOB entries LIST_DIRECTORIES true RELATIVE "${from}" "${from}/*")
  foreach(name IN LISTS entries)
    set(path "${from}/${name}")
    if(name STREQUAL ".git" OR path IN_LIST EXCLUDE)
      continue()
    endif()
    if(IS_DIRECTORY "${path}")
      if(EXISTS "${path}/CMakeCache.txt" OR (depth EQUAL 0 AND name MATCHES "^build"))
        continue()
      endif()
      file(MAKE_DIRECTORY "${to}/${name}")
      math(EXPR next "${depth} + 1")
      copy_dir("${path}" "${to}/${name}" ${next})
    else()
      file(COPY "${path}" DESTINATION "${to}")
    endif()
  endforeach()
endfunction()

get_filename_component(SOURCE "${SOURCE}" REALPATH)
set(real_exclude "")
foreach(path IN LISTS EXCLUDE)
  get_filename_component(path "${path}" REALPATH)
  list(APPEND real_exclude "${path}")
endforeach()
set(EXCLUDE "${real_exclude}")

file(REMOVE_RECURSE "${DESTINATION}")
file(COPY "${CONSUMER}/" DESTINATION "${DESTINATION}")
# The shared consumer is read-only; its copy must not be, or the next run cannot remove it.
file(CHMOD_RECURSE "${DESTINATION}" DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
     FILE_PERMISSIONS OWNER_READ OWNER_WRITE)
set(vendored "${DESTINATION}/third_party/wikirel")
file(MAKE_DIRECTORY "${vendored}")
copy_dir("${SOURCE}" "${vendored}" 0)
message(STATUS "${DESTINATION}: ${CONSUMER} with ${SOURCE} in third_party/wikirel")
