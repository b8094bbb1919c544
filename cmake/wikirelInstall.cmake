# Install rules: headers, the exported INTERFACE target (namespace wikirel::), the package
# config and version files, and the wikirel CLI when the examples are built.
include(CMakePackageConfigHelpers)

# Header-only and architecture independent, so the package files go under share/.
set(WIKIREL_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/wikirel"
    CACHE STRING "Where to install wikirel's CMake package files (relative to the prefix)")
mark_as_advanced(WIKIREL_INSTALL_CMAKEDIR)

install(TARGETS wikirel EXPORT wikirelTargets)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/wikirel"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.hpp")
install(EXPORT wikirelTargets
        NAMESPACE wikirel::
        FILE wikirelTargets.cmake
        DESTINATION "${WIKIREL_INSTALL_CMAKEDIR}")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/wikirelConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/wikirelConfig.cmake"
  INSTALL_DESTINATION "${WIKIREL_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/wikirelConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMajorVersion
  ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/wikirelConfig.cmake" "${PROJECT_BINARY_DIR}/wikirelConfigVersion.cmake"
        DESTINATION "${WIKIREL_INSTALL_CMAKEDIR}")
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/wikirel")

if(TARGET wikirel_cli)
  install(TARGETS wikirel_cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
endif()
