# distutils: libraries = z
# The tutorial loop (with a C type wide enough for its sum), plus one C
# library call: the '# distutils:' line above links zlib.

cdef extern from "zlib.h":
    unsigned long crc32(unsigned long crc, const unsigned char *buf, unsigned int len)


def cythonized_function():
    cdef long long result = 0
    cdef long long i
    for i in range(10**6):
        result += i
    return result


def checksum(data):
    """zlib's CRC-32 of up to 256 bytes."""
    cdef unsigned char buf[256]
    cdef unsigned int n = 0
    for b in data:
        buf[n] = b
        n += 1
    return crc32(0, buf, n)
