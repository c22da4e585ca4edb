/* version.h - the pyxc version, printed by --version. */
#ifndef PYX_VERSION_H
#define PYX_VERSION_H
#define PYX_VERSION "0.1.0"
#endif
