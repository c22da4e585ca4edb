# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# nbody.pyx - the classic 5-body (Sun, Jupiter, Saturn, Uranus, Neptune)
# simulation of the Computer Language Benchmarks Game: offset the momentum,
# advance n steps of dt = 0.01, return the total energy.
#
# Directives: every division is by a mass or a positive distance term
# (d2 * sqrt(d2) > 0 since no two bodies coincide), never by zero, so
# skipping the zero check (cdivision) cannot change a result.  The arrays
# are fixed-size C arrays indexed by 0 <= i < 5: nothing to bounds-check.
#
# Every expression keeps the same operation order as nbody_py.py, so both
# produce the same doubles (x*x style; no ** on doubles).

from libc.math cimport sqrt

BENCH_N = 70000
CHECK_N = 1000
CHECK_RESULT = -0.16908760523460614


def run(int n):
    cdef double x[5]
    cdef double y[5]
    cdef double z[5]
    cdef double vx[5]
    cdef double vy[5]
    cdef double vz[5]
    cdef double mass[5]
    cdef double pi = 3.141592653589793
    cdef double solar_mass = 4.0 * pi * pi
    cdef double days_per_year = 365.24
    cdef double dt = 0.01
    cdef double dx, dy, dz, d2, mag, mi, mj, px, py, pz, e
    cdef int step, i, j

    # Sun
    x[0] = 0.0
    y[0] = 0.0
    z[0] = 0.0
    vx[0] = 0.0
    vy[0] = 0.0
    vz[0] = 0.0
    mass[0] = solar_mass
    # Jupiter
    x[1] = 4.84143144246472090e+00
    y[1] = -1.16032004402742839e+00
    z[1] = -1.03622044471123109e-01
    vx[1] = 1.66007664274403694e-03 * days_per_year
    vy[1] = 7.69901118419740425e-03 * days_per_year
    vz[1] = -6.90460016972063023e-05 * days_per_year
    mass[1] = 9.54791938424326609e-04 * solar_mass
    # Saturn
    x[2] = 8.34336671824457987e+00
    y[2] = 4.12479856412430479e+00
    z[2] = -4.03523417114321381e-01
    vx[2] = -2.76742510726862411e-03 * days_per_year
    vy[2] = 4.99852801234917238e-03 * days_per_year
    vz[2] = 2.30417297573763929e-05 * days_per_year
    mass[2] = 2.85885980666130812e-04 * solar_mass
    # Uranus
    x[3] = 1.28943695621391310e+01
    y[3] = -1.51111514016986312e+01
    z[3] = -2.23307578892655734e-01
    vx[3] = 2.96460137564761618e-03 * days_per_year
    vy[3] = 2.37847173959480950e-03 * days_per_year
    vz[3] = -2.96589568540237556e-05 * days_per_year
    mass[3] = 4.36624404335156298e-05 * solar_mass
    # Neptune
    x[4] = 1.53796971148509165e+01
    y[4] = -2.59193146099879641e+01
    z[4] = 1.79258772950371181e-01
    vx[4] = 2.68067772490389322e-03 * days_per_year
    vy[4] = 1.62824170038242295e-03 * days_per_year
    vz[4] = -9.51592254519715870e-05 * days_per_year
    mass[4] = 5.15138902046611451e-05 * solar_mass

    # Offset the momentum so the centre of mass stays put.
    px = 0.0
    py = 0.0
    pz = 0.0
    for i in range(5):
        px += vx[i] * mass[i]
        py += vy[i] * mass[i]
        pz += vz[i] * mass[i]
    vx[0] = -px / solar_mass
    vy[0] = -py / solar_mass
    vz[0] = -pz / solar_mass

    for step in range(n):
        for i in range(5):
            for j in range(i + 1, 5):
                dx = x[i] - x[j]
                dy = y[i] - y[j]
                dz = z[i] - z[j]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * sqrt(d2))
                mi = mass[i] * mag
                mj = mass[j] * mag
                vx[i] -= dx * mj
                vy[i] -= dy * mj
                vz[i] -= dz * mj
                vx[j] += dx * mi
                vy[j] += dy * mi
                vz[j] += dz * mi
        for i in range(5):
            x[i] += dt * vx[i]
            y[i] += dt * vy[i]
            z[i] += dt * vz[i]

    # Total energy: kinetic minus pairwise potential.
    e = 0.0
    for i in range(5):
        e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i])
        for j in range(i + 1, 5):
            dx = x[i] - x[j]
            dy = y[i] - y[j]
            dz = z[i] - z[j]
            e -= (mass[i] * mass[j]) / sqrt(dx * dx + dy * dy + dz * dz)
    return e
