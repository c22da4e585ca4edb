"""The seed tutorial's module, compiled by pyxc through setuptools."""
