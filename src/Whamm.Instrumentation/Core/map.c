/* Hash maps on packed keys and values described by descriptors: open addressing with linear probing,
 * a control byte per slot (hash tag) so most mismatches never touch the key, growth x2 at 75% load.
 * Slots are zero-filled when a table is allocated and never reused, so an inserted value starts zeroed.
 * Maps live in a registry indexed by small dense ids chosen by the instrumenter (or the next free one). */
#include "map.h"

#define INITIAL_CAPACITY 8

static map **maps;
static u32 maps_capacity; /* entries in maps */
static u32 next_id;       /* one past the largest id created */

map *map_lookup(u32 id) { return id < maps_capacity ? maps[id] : 0; }

static void map_settle(map *m);
static void map_reserve_entries(map *m, u32 extra);

/* The map for a lookup or an update: its deferred additions in the table. */
static map *map_live(u32 id)
{
    map *m = map_lookup(id);
    if (m && m->deferred_len) map_settle(m);
    return m;
}

static map *map_get(u32 id)
{
    map *m = map_live(id);
    if (!m) TRAP();
    return m;
}

static u8 *zalloc(u64 size)
{
    if (size > 0xFFFFFFFFull) TRAP();
    u8 *p = mem_alloc((u32)size);
    if (p) __builtin_memset(p, 0, (u32)size);
    return p;
}

static u8 *copy_bytes(const u8 *p, u32 n)
{
    u8 *q = mem_alloc(n);
    if (n) __builtin_memcpy(q, p, n);
    return q;
}

static int bytes_equal(const u8 *a, const u8 *b, u32 n)
{
    for (; n >= 4; n -= 4, a += 4, b += 4)
        if (load_u32(a) != load_u32(b)) return 0;
    for (; n; n--)
        if (*a++ != *b++) return 0;
    return 1;
}

/* ---- hashing: murmur3's body and finaliser; 4- and 8-byte keys only need the finaliser ---- */

static u32 rotl(u32 x, u32 r) { return (x << r) | (x >> (32 - r)); }

static u32 fmix32(u32 h)
{
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    return h ^ (h >> 16);
}

static u32 fmix64(u64 k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ull;
    k ^= k >> 33;
    return (u32)k;
}

/* A key of 1-7 bytes, zero-extended. */
static u64 load_small(const u8 *p, u32 n)
{
    u64 v = 0;
    for (u32 i = 0; i < n; i++) v |= (u64)p[i] << (8 * i);
    return v;
}

static u32 absorb_word(u32 h, u32 w)
{
    w *= 0xcc9e2d51u;
    w = rotl(w, 15);
    w *= 0x1b873593u;
    h = rotl(h ^ w, 13);
    return h * 5 + 0xe6546b64u;
}

static u32 absorb(u32 h, const u8 *p, u32 n)
{
    for (; n >= 4; n -= 4, p += 4) h = absorb_word(h, load_u32(p));
    if (n) {
        u32 w = 0;
        for (u32 i = 0; i < n; i++) w |= (u32)p[i] << (8 * i);
        h = absorb_word(h, w);
    }
    return h;
}

/* Strings hash by content and length; the raw bytes between them as they are. */
static u32 hash_with_strings(const map *m, const u8 *key)
{
    u32 h = 0, pos = 0;
    for (u32 i = 0; i < m->strings; i++) {
        u32 at = m->string_offsets[i];
        u32 len = load_u32(key + at + 4);
        h = absorb(h, key + pos, at - pos);
        h = absorb_word(absorb(h, (const u8 *)load_u32(key + at), len), len);
        pos = at + 8;
    }
    return fmix32(absorb(h, key + pos, m->key_size - pos));
}

static inline __attribute__((always_inline)) u32 hash_key(const map *m, const u8 *key, u32 kind)
{
    switch (kind) {
    case KEY_4: return fmix32(load_u32(key));
    case KEY_8: return fmix64(load_u64(key));
    case KEY_SMALL: return fmix64(load_small(key, m->key_size));
    case KEY_BYTES: return fmix32(absorb(0, key, m->key_size));
    default: return hash_with_strings(m, key);
    }
}

static u32 hash_any(const map *m, const u8 *key) { return hash_key(m, key, m->kind); }

static int equal_with_strings(const map *m, const u8 *a, const u8 *b)
{
    u32 pos = 0;
    for (u32 i = 0; i < m->strings; i++) {
        u32 at = m->string_offsets[i];
        u32 len = load_u32(a + at + 4);
        if (!bytes_equal(a + pos, b + pos, at - pos) || len != load_u32(b + at + 4) ||
            !bytes_equal((const u8 *)load_u32(a + at), (const u8 *)load_u32(b + at), len))
            return 0;
        pos = at + 8;
    }
    return bytes_equal(a + pos, b + pos, m->key_size - pos);
}

static inline __attribute__((always_inline)) int keys_equal(const map *m, const u8 *a, const u8 *b, u32 kind)
{
    switch (kind) {
    case KEY_4: return load_u32(a) == load_u32(b);
    case KEY_8: return load_u64(a) == load_u64(b);
    case KEY_SMALL: return load_small(a, m->key_size) == load_small(b, m->key_size);
    case KEY_BYTES: return bytes_equal(a, b, m->key_size);
    default: return equal_with_strings(m, a, b);
    }
}

/* ---- tables ---- */

static void allocate_table(map *m, u32 capacity)
{
    u8 *block = zalloc((u64)capacity * (1 + m->stride));
    m->ctrl = block;
    m->slots = block + capacity; /* capacity >= 8 keeps slots 8-aligned */
    m->mask = capacity - 1;
}

static u8 tag_of(u32 h) { return (u8)(0x80 | (h >> 25)); }

/* Rehashes into a table of the given capacity (a power of two, above len / 0.75). */
static __attribute__((noinline)) void resize(map *m, u32 capacity)
{
    u8 *old_ctrl = m->ctrl, *old_slots = m->slots;
    u32 old_capacity = m->mask + 1;
    allocate_table(m, capacity);
    for (u32 j = 0; j < old_capacity; j++) {
        if (!old_ctrl[j]) continue;
        const u8 *slot = old_slots + j * m->stride;
        u32 h = hash_any(m, slot);
        u32 i = h & m->mask;
        while (m->ctrl[i]) i = (i + 1) & m->mask;
        m->ctrl[i] = tag_of(h);
        __builtin_memcpy(m->slots + i * m->stride, slot, m->stride);
    }
    mem_free(old_ctrl);
}

/* Whether the table is full for len entries (75% load). */
static int full_for(const map *m, u64 len) { return len * 4 > (u64)(m->mask + 1) * 3; }

/* Cold (once per doubling), so kept out of the inlined probes. */
static void grow(map *m) { resize(m, (m->mask + 1) * 2); }

/* The map keeps its own copy of key strings: the caller's key buffer may be reused at once. */
static void store_key(map *m, u8 *slot, const u8 *key, u32 kind)
{
    switch (kind) {
    case KEY_4: store_u32(slot, load_u32(key)); return;
    case KEY_8: store_u64(slot, load_u64(key)); return;
    default: __builtin_memcpy(slot, key, m->key_size);
    }
    for (u32 i = 0; i < m->strings; i++) {
        u8 *s = slot + m->string_offsets[i];
        store_u32(s, (u32)copy_bytes((const u8 *)load_u32(s), load_u32(s + 4)));
    }
}

/* The value of key, inserted zeroed when missing and insert is set (else 0). Inlined per key kind. */
static inline __attribute__((always_inline)) u8 *probe(map *m, const u8 *key, u32 kind, int insert)
{
    u32 h = hash_key(m, key, kind);
    u8 tag = tag_of(h);
    for (;;) {
        u32 i = h & m->mask;
        for (u8 c; (c = m->ctrl[i]) != 0; i = (i + 1) & m->mask) {
            u8 *slot = m->slots + i * m->stride;
            if (c == tag && keys_equal(m, slot, key, kind)) return slot + m->value_offset;
        }
        if (!insert) return 0;
        if (full_for(m, m->len + 1)) {
            grow(m);
            continue; /* the free slot moved */
        }
        u8 *slot = m->slots + i * m->stride;
        m->ctrl[i] = tag;
        m->len++;
        store_key(m, slot, key, kind);
        return slot + m->value_offset;
    }
}

/* The 4- and 8-byte kinds get their own copies; the others dispatch per key. */
static u8 *probe_any(map *m, const u8 *key, int insert)
{
    switch (m->kind) {
    case KEY_4: return probe(m, key, KEY_4, insert);
    case KEY_8: return probe(m, key, KEY_8, insert);
    case KEY_SMALL: return probe(m, key, KEY_SMALL, insert);
    default: return probe(m, key, m->kind, insert);
    }
}

/* ---- registry and exports ---- */

static void register_map(u32 id, map *m)
{
    if (id >= maps_capacity) {
        u32 capacity = maps_capacity ? maps_capacity : 8;
        while (capacity <= id) {
            if (capacity >= 0x10000000u) TRAP();
            capacity *= 2;
        }
        map **grown = (map **)zalloc((u64)capacity * sizeof(map *));
        if (maps_capacity) __builtin_memcpy(grown, maps, maps_capacity * sizeof(map *));
        mem_free((u8 *)maps);
        maps = grown;
        maps_capacity = capacity;
    }
    maps[id] = m;
    if (id >= next_id) next_id = id + 1;
}

EXPORT("map_create_with_id")
void map_create_with_id(u32 id, const u8 *key_desc, u32 key_desc_len, const u8 *value_desc, u32 value_desc_len)
{
    if (map_lookup(id)) TRAP();
    map *m = (map *)zalloc(sizeof(map));
    m->key_size = desc_size(key_desc, key_desc_len);
    m->value_size = desc_size(value_desc, value_desc_len);
    m->key_desc = copy_bytes(key_desc, key_desc_len);
    m->key_desc_len = key_desc_len;
    m->value_desc = copy_bytes(value_desc, value_desc_len);
    m->value_desc_len = value_desc_len;
    m->strings = desc_string_offsets(key_desc, key_desc_len, 0);
    if (m->strings) {
        m->string_offsets = (u32 *)mem_alloc(m->strings * 4);
        desc_string_offsets(key_desc, key_desc_len, m->string_offsets);
        m->kind = KEY_STRINGS;
    } else {
        m->kind = m->key_size == 4 ? KEY_4 : m->key_size == 8 ? KEY_8 : m->key_size < 8 ? KEY_SMALL : KEY_BYTES;
    }
    m->fields = m->strings ? 0 : desc_order_plan(key_desc, key_desc_len, m->plan);
    m->value_offset = align_up(m->key_size, 4);
    m->stride = align_up(m->value_offset + m->value_size, 4);
    if (m->stride == 0) m->stride = 4; /* unit keys and values still need distinct slots */
    allocate_table(m, INITIAL_CAPACITY);
    register_map(id, m);
}

EXPORT("map_create")
u32 map_create(const u8 *key_desc, u32 key_desc_len, const u8 *value_desc, u32 value_desc_len)
{
    u32 id = next_id;
    map_create_with_id(id, key_desc, key_desc_len, value_desc, value_desc_len);
    return id;
}

EXPORT("map_slot") u8 *map_slot(u32 id, const u8 *key) { return probe_any(map_get(id), key, 1); }

EXPORT("map_find")
u8 *map_find(u32 id, const u8 *key)
{
    map *m = map_live(id);
    return m ? probe_any(m, key, 0) : 0;
}

static map *map_of_kind(map *m, u32 kind)
{
    if (m && m->kind != kind) TRAP();
    return m;
}

EXPORT("map_slot_i32")
u8 *map_slot_i32(u32 id, u32 key) { return probe(map_of_kind(map_get(id), KEY_4), (const u8 *)&key, KEY_4, 1); }

EXPORT("map_find_i32")
u8 *map_find_i32(u32 id, u32 key)
{
    map *m = map_of_kind(map_live(id), KEY_4);
    return m ? probe(m, (const u8 *)&key, KEY_4, 0) : 0;
}

EXPORT("map_slot_i64")
u8 *map_slot_i64(u32 id, u64 key) { return probe(map_of_kind(map_get(id), KEY_8), (const u8 *)&key, KEY_8, 1); }

EXPORT("map_find_i64")
u8 *map_find_i64(u32 id, u64 key)
{
    map *m = map_of_kind(map_live(id), KEY_8);
    return m ? probe(m, (const u8 *)&key, KEY_8, 0) : 0;
}

/* Makes room for extra more entries at once (one rehash instead of a doubling at a time). */
EXPORT("map_reserve") void map_reserve(u32 id, u32 extra) { map_reserve_entries(map_get(id), extra); }

static void map_reserve_entries(map *m, u32 extra)
{
    u64 len = (u64)m->len + extra;
    u32 capacity = m->mask + 1;
    while (len * 4 > (u64)capacity * 3) {
        if (capacity >= 0x80000000u) TRAP();
        capacity *= 2;
    }
    if (capacity != m->mask + 1) resize(m, capacity);
}

EXPORT("map_len")
u32 map_len(u32 id)
{
    map *m = map_live(id);
    return m ? m->len : 0;
}

/* ---- deferred additions: a flush of millions of counters appends instead of hashing ---- */

/* Adds amount to the integer value at p (wrapping like the value's own arithmetic). */
static void add_amount(u8 *p, u32 size, u64 amount)
{
    switch (size) {
    case 1: p[0] = (u8)(p[0] + amount); return;
    case 2: store_u16(p, (u16)(load_u16(p) + amount)); return;
    case 4: store_u32(p, (u32)(load_u32(p) + amount)); return;
    case 8: store_u64(p, load_u64(p) + amount); return;
    default: TRAP();
    }
}

/* Whether the values are integers (not bools), which additions need. */
static int integer_values(const map *m) { return m->value_desc_len == 1 && m->value_desc[0] != 'z' && desc_integer(m->value_desc[0]); }

/* Whether additions to m can wait in order-key form: its keys sort as one u64. */
static int deferrable(const map *m) { return m->fields != 0; }

static void map_settle(map *m)
{
    u64 *keys = m->deferred_keys, *amounts = m->deferred_amounts;
    u32 n = m->deferred_len;
    m->deferred_len = 0; /* first: the inserts below go through the table only */
    u8 key[8];
    map_reserve_entries(m, n);
    for (u32 i = 0; i < n; i++) {
        order_unpack(m->plan, m->fields, keys[i], key);
        add_amount(probe_any(m, key, 1), m->value_size, amounts[i]);
    }
    mem_free((u8 *)keys);
    m->deferred_keys = m->deferred_amounts = 0;
    m->deferred_cap = 0;
}

/* Makes room for extra more deferred additions (or table entries, when the map cannot defer). */
EXPORT("map_defer_reserve")
void map_defer_reserve(u32 id, u32 extra)
{
    map *m = map_lookup(id);
    if (!m) TRAP();
    if (!deferrable(m)) {
        map_reserve_entries(map_get(id), extra);
        return;
    }
    u64 cap = (u64)m->deferred_len + extra;
    if (cap <= m->deferred_cap) return;
    if (cap > 0x07FFFFFFu) TRAP();
    u64 *keys = (u64 *)mem_alloc((u32)cap * 4 * sizeof(u64)); /* keys, amounts, then the dump's scratch for both */
    if (m->deferred_len) {
        __builtin_memcpy(keys, m->deferred_keys, m->deferred_len * sizeof(u64));
        __builtin_memcpy(keys + cap, m->deferred_amounts, m->deferred_len * sizeof(u64));
        mem_free((u8 *)m->deferred_keys);
    }
    m->deferred_keys = keys;
    m->deferred_amounts = keys + cap;
    m->deferred_cap = (u32)cap;
}

/* map[key] += amount, now or at the next use of the map (the key is read at once); traps unless the values are integers. */
EXPORT("map_defer")
void map_defer(u32 id, const u8 *key, u64 amount)
{
    map *m = map_lookup(id);
    if (!m || !integer_values(m)) TRAP();
    if (!deferrable(m)) {
        add_amount(probe_any(map_get(id), key, 1), m->value_size, amount);
        return;
    }
    if (m->deferred_len == m->deferred_cap) map_defer_reserve(id, m->deferred_cap ? m->deferred_cap : 64);
    m->deferred_keys[m->deferred_len] = order_key(m->plan, m->fields, key);
    m->deferred_amounts[m->deferred_len++] = amount;
}

EXPORT("map_defer_i32") void map_defer_i32(u32 id, u32 key, u64 amount) { map_defer(id, (const u8 *)&key, amount); }
