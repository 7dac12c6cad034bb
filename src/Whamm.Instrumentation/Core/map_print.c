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

/* The slots of m in key order, in one allocation of 2 * len pointers (the second half is scratch). */
static u8 **sorted_slots(const map *m)
{
    u8 **slots = (u8 **)mem_alloc(m->len * 2 * sizeof(u8 *));
    u32 n = 0;
    for (u32 i = 0; i <= m->mask; i++)
        if (m->ctrl[i]) slots[n++] = m->slots + i * m->stride;
    sort_map = m;
    merge_sort(slots, slots + n, n);
    return slots;
}

static void print_key_value(const map *m, const u8 *slot, const char *between, u32 between_len)
{
    print_value(m->key_desc, m->key_desc_len, slot, TUPLE_MAP);
    out_bytes((const u8 *)between, between_len);
    print_value(m->value_desc, m->value_desc_len, slot + m->value_offset, TUPLE_MAP);
}

EXPORT("print_map")
void print_map(u32 id)
{
    const map *m = map_lookup(id);
    if (!m || m->len == 0) {
        OUT_LIT("empty map");
        return;
    }
    u8 **slots = sorted_slots(m);
    for (u32 i = 0; i < m->len; i++) {
        if (i) out_char(';');
        print_key_value(m, slots[i], "->", 2);
    }
    mem_free((u8 *)slots);
}

/* `== map<id> CSV FLUSH ==`, then `key (<K>), val (<V>)` and one `k, v` line per entry, or `empty map`;
 * flushed like the report. */
EXPORT("print_map_as_csv")
void print_map_as_csv(u32 id)
{
    const map *m = map_lookup(id);
    OUT_LIT("== map");
    out_u64(id);
    OUT_LIT(" CSV FLUSH ==\n");
    if (!m || m->len == 0) {
        OUT_LIT("empty map\n");
    } else {
        OUT_LIT("key (");
        print_type_name(m->key_desc, m->key_desc_len);
        OUT_LIT("), val (");
        print_type_name(m->value_desc, m->value_desc_len);
        OUT_LIT(")\n");
        u8 **slots = sorted_slots(m);
        for (u32 i = 0; i < m->len; i++) {
            print_key_value(m, slots[i], ", ", 2);
            out_char('\n');
        }
        mem_free((u8 *)slots);
    }
    whamm_flush();
}
