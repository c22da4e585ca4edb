# pyxc.mk - build Python extension modules from .pyx files with GNU make.
#
#   include /path/to/pyxc.mk            # after 'make install': PREFIX/share/pyxc/pyxc.mk
#   all: my_module$(PYXC_EXT_SUFFIX)
#
# The pattern rule runs pyxc for $(PYTHON), which also reads the module's
# '# distutils:' lines (libraries = z ...).  PYXC_FLAGS adds options
# (-I, -L, -l, -g, -q).  PYXC_MODULES lists the modules of a project for
# 'pyxc-clean'.
# (the including Makefile's first target stays the default goal)
_pyxc_goal := $(.DEFAULT_GOAL)
PYXC ?= pyxc
PYTHON ?= python3
PYXC_FLAGS ?=
PYXC_EXT_SUFFIX := $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')

%$(PYXC_EXT_SUFFIX): %.pyx
	$(PYXC) --python $(PYTHON) $(PYXC_FLAGS) -o $@ $<

%$(PYXC_EXT_SUFFIX): %.py
	$(PYXC) --python $(PYTHON) $(PYXC_FLAGS) -o $@ $<

.PHONY: pyxc-clean
pyxc-clean:
	rm -f $(addsuffix $(PYXC_EXT_SUFFIX),$(PYXC_MODULES))

.DEFAULT_GOAL := $(_pyxc_goal)
