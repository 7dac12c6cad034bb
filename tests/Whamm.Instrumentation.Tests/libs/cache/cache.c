// A set-associative cache simulator as a Whamm user library: 64 sets of 4 ways of 64-byte lines (16 KiB),
// least-recently-used replacement. A monitor calls access(addr) for every memory access of the program.
// Built by build.sh (freestanding: no libc, no imports).

#define SETS 64u
#define WAYS 4u
#define LINE_BITS 6u

static unsigned tags[SETS][WAYS];
static unsigned valid[SETS][WAYS];
static unsigned stamp[SETS][WAYS]; // the tick of the last use: the smallest is the least recently used
static unsigned tick;
static unsigned hit_count;
static unsigned miss_count;

// Returns 1 on a hit, 0 on a miss (the line is then loaded, evicting the set's least recently used way).
__attribute__((export_name("access"))) int access(unsigned addr) {
    unsigned line = addr >> LINE_BITS;
    unsigned set = line % SETS;
    unsigned tag = line / SETS;
    tick++;
    unsigned victim = 0;
    for (unsigned w = 0; w < WAYS; w++) {
        if (valid[set][w] && tags[set][w] == tag) {
            stamp[set][w] = tick;
            hit_count++;
            return 1;
        }
        if (!valid[set][w] || (valid[set][victim] && stamp[set][w] < stamp[set][victim])) victim = w;
    }
    valid[set][victim] = 1;
    tags[set][victim] = tag;
    stamp[set][victim] = tick;
    miss_count++;
    return 0;
}

__attribute__((export_name("hits"))) unsigned hits(void) { return hit_count; }

__attribute__((export_name("misses"))) unsigned misses(void) { return miss_count; }
