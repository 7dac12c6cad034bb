// Mandelbrot set: escape-time iteration counts with doubles, and a small ASCII rendering.
// usage: mandel [SIZE] [MAXITER]   (default 160 200)
#include <stdio.h>
#include <stdlib.h>

static int escape(double cr, double ci, int maxiter) {
    double zr = 0, zi = 0;
    int i = 0;
    while (i < maxiter && zr * zr + zi * zi <= 4.0) {
        double t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        i++;
    }
    return i;
}

int main(int argc, char **argv) {
    int size = argc > 1 ? atoi(argv[1]) : 160;
    int maxiter = argc > 2 ? atoi(argv[2]) : 200;
    if (size < 8 || maxiter < 1) { fprintf(stderr, "bad args\n"); return 2; }
    long long total = 0; int inside = 0; unsigned h = 0;
    for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++) {
            double cr = -2.0 + 2.6 * x / size, ci = -1.3 + 2.6 * y / size;
            int it = escape(cr, ci, maxiter);
            total += it;
            inside += it == maxiter;
            h = h * 131 + (unsigned)it;
        }
    printf("mandel size=%d maxiter=%d\n", size, maxiter);
    printf("total_iters=%lld inside=%d hash=%08x\n", total, inside, h);
    const char *shades = " .:-=+*#%@";
    for (int y = 0; y < 12; y++) {
        char line[41];
        for (int x = 0; x < 40; x++) {
            int it = escape(-2.0 + 2.6 * x / 40, -1.3 + 2.6 * y / 12, 60);
            line[x] = shades[it == 60 ? 9 : it % 9];
        }
        line[40] = 0;
        printf("|%s|\n", line);
    }
    return 0;
}
