# pyxc - build, test and install.
#
#   make              build/pyxc (the compiler)
#   make test         every test: unit, grammar corpus, end-to-end, fuzz smoke,
#                     build-system integrations (skipped when a tool is absent)
#   make check        a fast subset of the tests (under 2 minutes)
#   make asan         the compiler under AddressSanitizer + UBSan, and its tests
#   make demo         the seed tutorial, interpreted vs compiled
#   make bench        typed kernels: CPython vs pyxc vs Cython 0.29, side by side
#   make deps         install the Debian packages the build and tests need
#                     (and the optional ones: cmake, meson, mypy, chromium...)
#   make grammar      regenerate grammar/src/parser.c with $(TREE_SITTER)
#   make install      install pyxc, its runtime, the Python package and the
#                     CMake / make integrations under $(PREFIX)
#   make clean

CC       ?= cc
CFLAGS    = -std=c11 -Wall -Wextra -Werror -O2 -g
DEPFLAGS  = -MMD -MP
CPPFLAGS  = -Icompiler -Igrammar/src
LDLIBS    = -ltree-sitter
# The generated parser is large: optimise it, but it is not our code to warn about.
PARSER_CFLAGS = -std=c11 -O2 -g0 -w
PYTHON   ?= python3
TREE_SITTER ?= tree-sitter
PREFIX   ?= /usr/local

BUILD    = build
OBJ      = $(BUILD)/obj
ASAN     = $(BUILD)/asan
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

COMPILER_SRCS = $(wildcard compiler/*.c)
LIB_SRCS      = $(filter-out compiler/main.c,$(COMPILER_SRCS))
LIB_OBJS      = $(LIB_SRCS:compiler/%.c=$(OBJ)/%.o)
GRAMMAR_OBJS  = $(OBJ)/parser.o $(OBJ)/scanner.o
UNIT_SRCS     = $(wildcard tests/unit/test_*.c)
UNIT_BINS     = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

# python3-dev brings libpython3.11-dev: Python.h, and libpython for 'pyxc --embed'.
DEB_PACKAGES = gcc make libtree-sitter-dev libcmocka-dev python3-dev python3.11-dbg cython3 zlib1g-dev
# For the integration tests, each skipped when its tool is missing: setuptools
# and pip (pyxcize, pip install .), CMake, Meson and Ninja, mypy (the .pyi
# stubs), Chromium (the annotate report, rendered headless).
DEB_OPTIONAL = python3-setuptools python3-pip python3-wheel cmake meson ninja-build mypy chromium libpython3.11-testsuite
# The installed Python package goes where $(PYTHON) looks under $(PREFIX).
PYTHON_SITE = $(shell $(PYTHON) -c 'import sys, sysconfig; \
    print("lib/python%d.%d/%s" % (sys.version_info[:2] + ("dist-packages" if "dist-packages" in sysconfig.get_path("purelib") else "site-packages",)))')

.PHONY: all test test-cpython check unit asan bench bench-quick bench-scaling demo deps check-deps build-deps grammar install clean
all: $(BUILD)/pyxc

$(BUILD)/pyxc: $(OBJ)/main.o $(LIB_OBJS) $(GRAMMAR_OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(OBJ)/%.o: compiler/%.c | $(OBJ) build-deps
	$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

# Plain 'make' on a machine without the build packages: say what to do.
build-deps:
	@command -v $(firstword $(CC)) >/dev/null 2>&1 || { \
	    echo "pyxc: no C compiler ('$(CC)'): run 'make deps' first (it installs gcc, libtree-sitter-dev, ...)"; exit 1; }
	@printf '#include <tree_sitter/api.h>\n' | $(CC) -E -x c - >/dev/null 2>&1 || { \
	    echo "pyxc: tree_sitter/api.h not found: run 'make deps' first (it installs libtree-sitter-dev and the other build packages)"; exit 1; }

$(OBJ)/parser.o: grammar/src/parser.c | $(OBJ)
	$(CC) -Igrammar/src $(PARSER_CFLAGS) -c -o $@ $<

$(OBJ)/scanner.o: grammar/src/scanner.c | $(OBJ)
	$(CC) -Igrammar/src $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(OBJ) $(ASAN) $(BUILD)/tests:
	mkdir -p $@

# ---- tests -----------------------------------------------------------------

$(BUILD)/tests/test_%: tests/unit/test_%.c $(LIB_OBJS) $(GRAMMAR_OBJS) | $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $^ $(LDLIBS) -lcmocka

$(BUILD)/tests/corpus_check: tests/grammar/corpus_check.c $(GRAMMAR_OBJS) | $(BUILD)/tests
	$(CC) -Igrammar/src $(CFLAGS) -o $@ $^ $(LDLIBS)

unit: $(UNIT_BINS)

# Every suite of tests/run.py; the fuzz suite runs the ASan/UBSan compiler.
test: check-deps all $(UNIT_BINS) $(BUILD)/tests/corpus_check $(ASAN)/pyxc
	PYXC_RUNTIME_DIR=$(CURDIR)/runtime PYXC_CACHE_DIR=$(CURDIR)/$(BUILD)/cache \
	$(PYTHON) -u tests/run.py --pyxc $(BUILD)/pyxc --unit "$(UNIT_BINS)" \
	    --corpus $(BUILD)/tests/corpus_check --fuzz-pyxc $(ASAN)/pyxc --fuzz-seconds 45

# CPython's own tests against every standard-library module that has one,
# compiled (make test runs the small modules only; this takes about 20 minutes).
test-cpython: check-deps all
	PYXC_RUNTIME_DIR=$(CURDIR)/runtime PYXC_CACHE_DIR=$(CURDIR)/$(BUILD)/cache \
	$(PYTHON) -u tests/run.py --pyxc $(BUILD)/pyxc --only cpython --cpython-all

# The fast subset: everything but the fuzz, stdlib, runtime and leak suites,
# and the integrations that drive external build tools.
check: check-deps all $(UNIT_BINS) $(BUILD)/tests/corpus_check
	PYXC_RUNTIME_DIR=$(CURDIR)/runtime PYXC_CACHE_DIR=$(CURDIR)/$(BUILD)/cache \
	$(PYTHON) -u tests/run.py --pyxc $(BUILD)/pyxc --unit "$(UNIT_BINS)" \
	    --corpus $(BUILD)/tests/corpus_check --quick

# The compiler and its tests under AddressSanitizer and UBSan.
ASAN_OBJS = $(COMPILER_SRCS:compiler/%.c=$(ASAN)/%.o) $(ASAN)/parser.o $(ASAN)/scanner.o
$(ASAN)/%.o: compiler/%.c | $(ASAN)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(SAN_FLAGS) $(DEPFLAGS) -c -o $@ $<
$(ASAN)/parser.o: grammar/src/parser.c | $(ASAN)
	$(CC) -Igrammar/src $(PARSER_CFLAGS) -c -o $@ $<
$(ASAN)/scanner.o: grammar/src/scanner.c | $(ASAN)
	$(CC) -Igrammar/src $(CFLAGS) $(SAN_FLAGS) -c -o $@ $<
$(ASAN)/pyxc: $(ASAN_OBJS)
	$(CC) $(CFLAGS) $(SAN_FLAGS) -o $@ $^ $(LDLIBS)
ASAN_UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(ASAN)/%)
$(ASAN)/test_%: tests/unit/test_%.c $(filter-out $(ASAN)/main.o,$(ASAN_OBJS))
	$(CC) $(CPPFLAGS) $(CFLAGS) $(SAN_FLAGS) -o $@ $^ $(LDLIBS) -lcmocka

asan: check-deps $(ASAN)/pyxc $(ASAN_UNIT_BINS) $(BUILD)/tests/corpus_check
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	PYXC_RUNTIME_DIR=$(CURDIR)/runtime PYXC_CACHE_DIR=$(CURDIR)/$(BUILD)/cache \
	$(PYTHON) tests/run.py --pyxc $(ASAN)/pyxc --unit "$(ASAN_UNIT_BINS)" \
	    --corpus $(BUILD)/tests/corpus_check --fuzz-seconds 60

# Interpreted vs compiled (and Cython 0.29 when installed), side by side.
bench: check-deps all
	$(PYTHON) samples/bench/bench.py --pyxc $(BUILD)/pyxc

# compile time of generated 1k/10k/50k-line modules against Cython (~20 min)
bench-scaling: check-deps all
	$(PYTHON) samples/bench/bench.py --pyxc $(BUILD)/pyxc --only scaling

bench-quick: check-deps all
	$(PYTHON) samples/bench/bench.py --pyxc $(BUILD)/pyxc --quick

# The seed tutorial: build it, run it interpreted and compiled.
demo: check-deps all
	$(PYTHON) samples/demo.py --pyxc $(BUILD)/pyxc

# ---- dependencies ----------------------------------------------------------

# Installs missing Debian packages when root; otherwise prints the command.
# The optional ones are tried after the required ones; without them the
# tests that need them are skipped.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	    dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	optional=""; for p in $(DEB_OPTIONAL); do \
	    dpkg -s $$p >/dev/null 2>&1 || optional="$$optional $$p"; done; \
	if [ -n "$$optional" ] && [ "$$(id -u)" = 0 ]; then \
	    echo "pyxc: installing the optional$$optional"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$optional >/dev/null \
	        || echo "pyxc: warning: could not install$$optional; the tests that need them will be skipped"; \
	elif [ -n "$$optional" ]; then \
	    echo "pyxc: optional packages for the integration tests:$$optional"; \
	fi; \
	if [ -z "$$missing" ]; then echo "pyxc: all build and test packages are installed"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	    echo "pyxc: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	        || { echo "pyxc: apt-get install failed"; exit 1; }; \
	else \
	    echo "pyxc: missing packages:$$missing"; \
	    echo "run:  sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; \
	fi

# 'make test' on a fresh machine: install what is missing first.
check-deps:
	@for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || { $(MAKE) --no-print-directory deps; exit $$?; }; done

# ---- grammar -----------------------------------------------------------------

grammar:
	cd grammar && npm install --no-audit --no-fund --ignore-scripts >/dev/null && $(TREE_SITTER) generate --abi 14 --no-bindings

install: $(BUILD)/pyxc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/pyxc/runtime \
	    $(DESTDIR)$(PREFIX)/$(PYTHON_SITE)/pyxc $(DESTDIR)$(PREFIX)/lib/cmake/Pyxc
	install -m 755 $(BUILD)/pyxc $(DESTDIR)$(PREFIX)/bin/pyxc
	install -m 644 runtime/pyx_rt.h runtime/*.c $(DESTDIR)$(PREFIX)/share/pyxc/runtime/
	install -m 644 integration/python/pyxc/*.py $(DESTDIR)$(PREFIX)/$(PYTHON_SITE)/pyxc/
	install -m 644 integration/cmake/*.cmake $(DESTDIR)$(PREFIX)/lib/cmake/Pyxc/
	install -m 644 integration/make/pyxc.mk $(DESTDIR)$(PREFIX)/share/pyxc/pyxc.mk

clean:
	rm -rf $(BUILD)

-include $(wildcard $(OBJ)/*.d $(ASAN)/*.d)
