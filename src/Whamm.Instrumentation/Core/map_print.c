/* Map dumps, sorted by key: `k->v;k->v` (report values) and the per-map CSV of `print_map_as_csv`. */
#include "map.h"

static const map *sort_map;

static int slot_less_or_equal(const u8 *a, const u8 *b)
{
    return compare_values(sort_map->key_desc, sort_map->key_desc_len, a, b) <= 0;
}

/* Stable top-down merge sort of a[0..n) using tmp[0..n). */
static void merge_sort(u8 **a, u8 **tmp, u32 n)
{
    if (n < 2) return;
    u32 half = n / 2;
    merge_sort(a, tmp, half);
    merge_sort(a + half, tmp, n - half);
    u32 i = 0, j = half, k = 0;
    while (i < half && j < n) tmp[k++] = slot_less_or_equal(a[i], a[j]) ? a[i++] : a[j++];
    while (i < half) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    __builtin_memcpy(a, tmp, n * sizeof(u8 *));
}

/* Stable LSD radix sort of keys[0..n) with their payloads, a byte per pass, skipping bytes where all keys agree;
 * tmp_keys and tmp_payloads are scratch of n each. The result ends up in keys and payloads. */
static void radix_sort(u64 *keys, u64 *payloads, u64 *tmp_keys, u64 *tmp_payloads, u32 n)
{
    u64 any = 0, all = ~0ull;
    for (u32 i = 0; i < n; i++) {
        any |= keys[i];
        all &= keys[i];
    }
    u64 *kfrom = keys, *kto = tmp_keys, *pfrom = payloads, *pto = tmp_payloads;
    for (u32 shift = 0; shift < 64; shift += 8) {
        if (!(((any ^ all) >> shift) & 0xff)) continue;
        u32 start[256];
        __builtin_memset(start, 0, sizeof start);
        for (u32 i = 0; i < n; i++) start[(kfrom[i] >> shift) & 0xff]++;
        for (u32 b = 0, sum = 0; b < 256; b++) {
            u32 c = start[b];
            start[b] = sum;
            sum += c;
        }
        for (u32 i = 0; i < n; i++) {
            u32 j = start[(kfrom[i] >> shift) & 0xff]++;
            kto[j] = kfrom[i];
            pto[j] = pfrom[i];
        }
        u64 *t = kfrom; kfrom = kto; kto = t;
        t = pfrom; pfrom = pto; pto = t;
    }
    if (kfrom != keys) {
        __builtin_memcpy(keys, kfrom, n * sizeof(u64));
        __builtin_memcpy(payloads, pfrom, n * sizeof(u64));
    }
}

/* The entries of a map in key order. Keys of integers and bools (order_key) are radix sorted with their values when
 * those fit 8 bytes (else with their slots' addresses), so printing reads both in sequence instead of visiting the
 * hash table at random; other keys are sorted as slot pointers by comparing descriptors. */
typedef struct {
    const map *m;
    u32 n;      /* entries */
    u32 fields; /* of the order key; 0: slots */
    u8 plan[8];
    int by_value;
    int direct;           /* entries print from the order key and the value bits: flat key, integer fields and value */
    int tuple;            /* the key is a tuple */
    u64 *keys, *payloads; /* fields: n each, plus scratch */
    int borrowed;         /* keys and payloads are the map's deferred additions (sorted in place), not ours to free */
    u8 **slots;           /* no fields: 2n, the second half scratch */
    u8 key[8];            /* the current key, unpacked */
    digit_cache first;    /* direct: the digits of the last key's first field */
} sorted;

/* The most sorted runs merge_runs takes; more and a radix sort is cheaper. */
#define MAX_RUNS 16

/* Where the ascending runs of keys[0..n) start (at most MAX_RUNS, then starts[runs] = n), or 0 runs when there are more. */
static u32 find_runs(const u64 *keys, u32 n, u32 *starts)
{
    u32 runs = 1;
    starts[0] = 0;
    for (u32 i = 1; i < n; i++) {
        if (keys[i] >= keys[i - 1]) continue;
        if (runs == MAX_RUNS) return 0;
        starts[runs++] = i;
    }
    starts[runs] = n;
    return runs;
}

/* Merges adjacent sorted runs pairwise (stably) until one is left: log2(runs) passes instead of a radix sort's one per
 * key byte. The dense counters' flush defers each variant's counters in key order: a memory trace is two runs. */
static void merge_runs(u64 *keys, u64 *payloads, u64 *tmp_keys, u64 *tmp_payloads, u32 *starts, u32 runs)
{
    u64 *kfrom = keys, *kto = tmp_keys, *pfrom = payloads, *pto = tmp_payloads;
    while (runs > 1) {
        u32 merged = 0;
        for (u32 r = 0; r < runs; r += 2) {
            u32 i = starts[r], mid = starts[r + 1], end = r + 1 < runs ? starts[r + 2] : mid, j = mid, k = i;
            while (i < mid && j < end) {
                int left = kfrom[i] <= kfrom[j];
                u32 from = left ? i++ : j++;
                kto[k] = kfrom[from];
                pto[k++] = pfrom[from];
            }
            for (; i < mid; i++, k++) kto[k] = kfrom[i], pto[k] = pfrom[i];
            for (; j < end; j++, k++) kto[k] = kfrom[j], pto[k] = pfrom[j];
            starts[merged++] = starts[r];
        }
        starts[merged] = starts[runs];
        runs = merged;
        u64 *t = kfrom; kfrom = kto; kto = t;
        t = pfrom; pfrom = pto; pto = t;
    }
    if (kfrom != keys) {
        __builtin_memcpy(keys, kfrom, starts[1] * sizeof(u64));
        __builtin_memcpy(payloads, pfrom, starts[1] * sizeof(u64));
    }
}

/* Sums the amounts of equal keys (a deferred addition to an entry of the table, or several to one key), in place. */
static u32 combine_equal_keys(u64 *keys, u64 *payloads, u32 n)
{
    u32 j = 0;
    for (u32 i = 0; i < n; i++) {
        if (j && keys[j - 1] == keys[i]) {
            payloads[j - 1] += payloads[i];
        } else {
            keys[j] = keys[i];
            payloads[j++] = payloads[i];
        }
    }
    return j;
}

/* Sorts keys[0..n) with their payloads: a merge of a few sorted runs, else a radix sort; tmp: scratch of 2n. */
static void sort_keys(u64 *keys, u64 *payloads, u64 *tmp, u32 n)
{
    u32 starts[MAX_RUNS + 1];
    u32 runs = find_runs(keys, n, starts);
    if (runs) merge_runs(keys, payloads, tmp, tmp + n, starts, runs);
    else radix_sort(keys, payloads, tmp, tmp + n, n);
}

static void sort_entries(map *m, sorted *s)
{
    u32 n = m->len + m->deferred_len;
    s->m = m;
    s->n = n;
    s->fields = m->fields;
    s->direct = 0;
    s->borrowed = 0;
    s->first.len = 0;
    __builtin_memcpy(s->plan, m->plan, sizeof s->plan);
    if (s->fields && m->len == 0) {
        /* only deferred additions (a memory trace's): sorted and combined where they are, and left so for the next dump */
        s->by_value = 1;
        s->borrowed = 1;
        s->keys = m->deferred_keys;
        s->payloads = m->deferred_amounts;
        sort_keys(s->keys, s->payloads, m->deferred_keys + 2 * m->deferred_cap, n);
        s->n = m->deferred_len = combine_equal_keys(s->keys, s->payloads, n);
    } else if (s->fields) {
        s->by_value = m->value_size <= 8;
        s->keys = (u64 *)mem_alloc(n * 4 * sizeof(u64));
        s->payloads = s->keys + n;
        u32 j = 0;
        for (u32 i = 0; i <= m->mask; i++) {
            if (!m->ctrl[i]) continue;
            const u8 *slot = m->slots + i * m->stride;
            s->keys[j] = order_key(s->plan, s->fields, slot);
            u64 payload = 0;
            if (s->by_value) __builtin_memcpy(&payload, slot + m->value_offset, m->value_size);
            else payload = (u32)slot;
            s->payloads[j++] = payload;
        }
        /* the table's entries sorted first, so that deferred additions in key order leave a few runs to merge */
        radix_sort(s->keys, s->payloads, s->payloads + n, s->payloads + 2 * n, j);
        __builtin_memcpy(s->keys + j, m->deferred_keys, m->deferred_len * sizeof(u64));
        __builtin_memcpy(s->payloads + j, m->deferred_amounts, m->deferred_len * sizeof(u64));
        if (m->deferred_len) {
            sort_keys(s->keys, s->payloads, s->payloads + n, n);
            s->n = combine_equal_keys(s->keys, s->payloads, n);
        }
    } else {
        s->slots = (u8 **)mem_alloc(n * 2 * sizeof(u8 *));
        for (u32 i = 0, j = 0; i <= m->mask; i++)
            if (m->ctrl[i]) s->slots[j++] = m->slots + i * m->stride;
        sort_map = m;
        merge_sort(s->slots, s->slots + n, n);
    }
    if (s->fields) {
        s->tuple = m->key_desc[0] == '(';
        s->direct = s->by_value && m->value_desc_len == 1 && desc_integer(m->value_desc[0])
            && m->key_desc_len == s->fields + (s->tuple ? 2 : 0);
        for (u32 i = 0; i < s->fields; i++) s->direct &= desc_integer(s->plan[i]);
    }
}

static void free_entries(sorted *s)
{
    if (!s->borrowed) mem_free(s->fields ? (u8 *)s->keys : (u8 *)s->slots);
}

/* The most bytes of a direct entry: 8 fields of 20 digits and a sign, commas, parentheses, a separator, a value. */
#define DIRECT_ENTRY_MAX 256

static void print_entry(sorted *s, u32 i, const char *between, u32 between_len)
{
    const map *m = s->m;
    if (s->direct) {
        u8 *q = put_order_key(out_reserve(DIRECT_ENTRY_MAX), s->plan, s->fields, s->tuple, s->keys[i], &s->first);
        q = put_bytes(q, (const u8 *)between, between_len);
        out_commit(put_scalar_bits(q, m->value_desc[0], s->payloads[i]));
        return;
    }
    const u8 *key, *value;
    if (s->fields) {
        order_unpack(s->plan, s->fields, s->keys[i], s->key);
        key = s->key;
        value = s->by_value ? (const u8 *)&s->payloads[i] : (const u8 *)(u32)s->payloads[i] + m->value_offset;
    } else {
        key = s->slots[i];
        value = key + m->value_offset;
    }
    print_value(m->key_desc, m->key_desc_len, key, TUPLE_MAP);
    out_bytes((const u8 *)between, between_len);
    print_value(m->value_desc, m->value_desc_len, value, TUPLE_MAP);
}

EXPORT("print_map")
void print_map(u32 id)
{
    map *m = map_lookup(id);
    if (!m || m->len + m->deferred_len == 0) {
        OUT_LIT("empty map");
        return;
    }
    sorted s;
    sort_entries(m, &s);
    for (u32 i = 0; i < s.n; i++) {
        if (i) out_char(';');
        print_entry(&s, i, "->", 2);
    }
    free_entries(&s);
}

/* `== map<id> CSV FLUSH ==`, then `key (<K>), val (<V>)` and one `k, v` line per entry, or `empty map`;
 * flushed like the report. */
EXPORT("print_map_as_csv")
void print_map_as_csv(u32 id)
{
    map *m = map_lookup(id);
    OUT_LIT("== map");
    out_u64(id);
    OUT_LIT(" CSV FLUSH ==\n");
    if (!m || m->len + m->deferred_len == 0) {
        OUT_LIT("empty map\n");
    } else {
        OUT_LIT("key (");
        print_type_name(m->key_desc, m->key_desc_len);
        OUT_LIT("), val (");
        print_type_name(m->value_desc, m->value_desc_len);
        OUT_LIT(")\n");
        sorted s;
        sort_entries(m, &s);
        for (u32 i = 0; i < s.n; i++) {
            print_entry(&s, i, ", ", 2);
            out_char('\n');
        }
        free_entries(&s);
    }
    whamm_flush();
}
