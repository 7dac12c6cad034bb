// Hashing: FNV-1a (32 and 64 bit), table-driven CRC32, and an open-addressing hash table
// with insert / lookup / delete (tombstones) and resizing.
// usage: hash [KEYS]   (default 20000)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static uint32_t crc_table[256];
static void crc_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}
static uint32_t crc32(const uint8_t *p, size_t n) {
    uint32_t c = 0xFFFFFFFFu;
    while (n--) c = crc_table[(c ^ *p++) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}
static uint32_t fnv32(const uint8_t *p, size_t n) {
    uint32_t h = 2166136261u;
    while (n--) { h ^= *p++; h *= 16777619u; }
    return h;
}
static uint64_t fnv64(const uint8_t *p, size_t n) {
    uint64_t h = 14695981039346656037ull;
    while (n--) { h ^= *p++; h *= 1099511628211ull; }
    return h;
}

typedef struct { uint64_t key; int64_t value; uint8_t state; } Slot; /* 0 empty 1 used 2 deleted */
typedef struct { Slot *slots; size_t cap, used, tomb; } Map;

static uint64_t mix(uint64_t x) { x ^= x >> 33; x *= 0xff51afd7ed558ccdull; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53ull; x ^= x >> 33; return x; }
static void map_put(Map *m, uint64_t k, int64_t v);
static void map_grow(Map *m) {
    Slot *old = m->slots; size_t oc = m->cap;
    m->cap = oc ? oc * 2 : 16; m->slots = calloc(m->cap, sizeof(Slot)); m->used = m->tomb = 0;
    for (size_t i = 0; i < oc; i++) if (old[i].state == 1) map_put(m, old[i].key, old[i].value);
    free(old);
}
static void map_put(Map *m, uint64_t k, int64_t v) {
    if ((m->used + m->tomb + 1) * 4 >= m->cap * 3) map_grow(m);
    size_t i = mix(k) & (m->cap - 1), firstdel = (size_t)-1;
    for (;; i = (i + 1) & (m->cap - 1)) {
        Slot *s = &m->slots[i];
        if (s->state == 0) {
            if (firstdel != (size_t)-1) { s = &m->slots[firstdel]; m->tomb--; }
            s->key = k; s->value = v; s->state = 1; m->used++; return;
        }
        if (s->state == 2 && firstdel == (size_t)-1) firstdel = i;
        if (s->state == 1 && s->key == k) { s->value = v; return; }
    }
}
static Slot *map_find(Map *m, uint64_t k) {
    if (!m->cap) return NULL;
    for (size_t i = mix(k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        Slot *s = &m->slots[i];
        if (s->state == 0) return NULL;
        if (s->state == 1 && s->key == k) return s;
    }
}
static int map_del(Map *m, uint64_t k) {
    Slot *s = map_find(m, k);
    if (!s) return 0;
    s->state = 2; m->used--; m->tomb++;
    return 1;
}

int main(int argc, char **argv) {
    int keys = argc > 1 ? atoi(argv[1]) : 20000;
    if (keys <= 0) { fprintf(stderr, "bad size\n"); return 2; }
    crc_init();
    size_t n = 200000;
    uint8_t *buf = malloc(n);
    uint32_t x = 1;
    for (size_t i = 0; i < n; i++) { x = x * 1103515245u + 12345u; buf[i] = (uint8_t)(x >> 16); }
    printf("crc32(\"123456789\")=%08x\n", crc32((const uint8_t *)"123456789", 9));
    printf("crc32(buf)=%08x fnv32=%08x fnv64=%016llx\n", crc32(buf, n), fnv32(buf, n), (unsigned long long)fnv64(buf, n));
    Map m = {0};
    for (int i = 0; i < keys; i++) map_put(&m, fnv64((const uint8_t *)&i, sizeof i), i);
    int deleted = 0;
    for (int i = 0; i < keys; i += 3) deleted += map_del(&m, fnv64((const uint8_t *)&i, sizeof i));
    for (int i = 0; i < keys / 2; i++) map_put(&m, (uint64_t)i * 0x9E3779B97F4A7C15ull, -i);
    int64_t sum = 0; int found = 0;
    for (int i = 0; i < keys; i++) {
        Slot *s = map_find(&m, fnv64((const uint8_t *)&i, sizeof i));
        if (s) { found++; sum += s->value; }
    }
    printf("map keys=%d deleted=%d size=%zu cap=%zu found=%d sum=%lld\n", keys, deleted, m.used, m.cap, found, (long long)sum);
    free(m.slots); free(buf);
    return 0;
}
