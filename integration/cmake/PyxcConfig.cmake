# PyxcConfig.cmake - pyxc for CMake projects:
#
#   find_package(Python3 COMPONENTS Interpreter Development.Module REQUIRED)
#   find_package(Pyxc REQUIRED)
#   pyxc_add_module(my_module my_module.pyx [LIBRARIES z ...]
#                   [INCLUDE_DIRS dir ...] [LIBRARY_DIRS dir ...])
#
# pyxc_add_module turns the .pyx into C with `pyxc --emit-c` at build time
# (again whenever the source or the pyxc binary changes) and builds it with
# CMake's own C compiler as a Python extension module (Python3_add_library,
# named with the interpreter's EXT_SUFFIX), linked with pyxc's runtime for
# that interpreter.  '# distutils:' lines in the source are pyxc's and
# setuptools' business: in CMake, give libraries with LIBRARIES.
#
# Sets PYXC_EXECUTABLE (override with -DPYXC_EXECUTABLE=...), Pyxc_VERSION
# and PYXC_RUNTIME_DIR (pyx_rt.h and libpyxrt.a for Python3_EXECUTABLE).
include_guard(GLOBAL)

find_program(PYXC_EXECUTABLE pyxc
  HINTS "${CMAKE_CURRENT_LIST_DIR}/../../build"      # the source tree (integration/cmake)
        "${CMAKE_CURRENT_LIST_DIR}/../../../bin"     # installed: PREFIX/lib/cmake/Pyxc
  DOC "the pyxc compiler")
if(NOT PYXC_EXECUTABLE)
  set(Pyxc_FOUND FALSE)
  set(Pyxc_NOT_FOUND_MESSAGE "pyxc not found: build it with 'make', or set -DPYXC_EXECUTABLE=/path/to/pyxc")
  return()
endif()

execute_process(COMMAND "${PYXC_EXECUTABLE}" --version OUTPUT_VARIABLE _pyxc_version
                OUTPUT_STRIP_TRAILING_WHITESPACE)
string(REGEX REPLACE "^pyxc " "" Pyxc_VERSION "${_pyxc_version}")

if(NOT Python3_EXECUTABLE OR NOT COMMAND Python3_add_library)
  find_package(Python3 COMPONENTS Interpreter Development.Module REQUIRED)
endif()

# The runtime library for this interpreter, built once into pyxc's cache.
execute_process(COMMAND "${PYXC_EXECUTABLE}" --runtime-dir --python "${Python3_EXECUTABLE}"
                OUTPUT_VARIABLE PYXC_RUNTIME_DIR ERROR_VARIABLE _pyxc_err
                RESULT_VARIABLE _pyxc_rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT _pyxc_rc EQUAL 0)
  set(Pyxc_FOUND FALSE)
  set(Pyxc_NOT_FOUND_MESSAGE "pyxc cannot build its runtime for ${Python3_EXECUTABLE}: ${_pyxc_err}")
  return()
endif()

function(pyxc_add_module name source)
  cmake_parse_arguments(PARSE_ARGV 2 ARG "" "" "LIBRARIES;INCLUDE_DIRS;LIBRARY_DIRS")
  get_filename_component(_src "${source}" ABSOLUTE)
  set(_c "${CMAKE_CURRENT_BINARY_DIR}/${name}.c")
  add_custom_command(
    OUTPUT "${_c}"
    COMMAND "${PYXC_EXECUTABLE}" --emit-c --python "${Python3_EXECUTABLE}" -o "${_c}" "${_src}"
    DEPENDS "${_src}" "${PYXC_EXECUTABLE}"
    COMMENT "pyxc ${source}"
    VERBATIM)
  Python3_add_library(${name} MODULE WITH_SOABI "${_c}")
  target_include_directories(${name} PRIVATE "${PYXC_RUNTIME_DIR}" ${ARG_INCLUDE_DIRS})
  target_link_directories(${name} PRIVATE ${ARG_LIBRARY_DIRS})
  # C integer arithmetic wraps as in Cython; object pointers alias
  target_compile_options(${name} PRIVATE -fwrapv -fno-strict-aliasing)
  target_link_libraries(${name} PRIVATE "${PYXC_RUNTIME_DIR}/libpyxrt.a" ${ARG_LIBRARIES} m)
endfunction()

set(Pyxc_FOUND TRUE)
