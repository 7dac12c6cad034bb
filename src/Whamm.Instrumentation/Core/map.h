/* The hash map representation shared by map.c (storage, lookup) and map_print.c (dumps). */
#ifndef WHAMM_MAP_H
#define WHAMM_MAP_H
#include "core.h"

/* How keys are hashed and compared, fixed at creation so that lookups never interpret descriptors. */
enum key_kind {
    KEY_4,       /* 4 bytes, no strings: one word */
    KEY_8,       /* 8 bytes, no strings: one i64 */
    KEY_SMALL,   /* 1-7 bytes, no strings: zero-extended to one i64 */
    KEY_BYTES,   /* any other size without strings: the packed bytes */
    KEY_STRINGS, /* contains strings: bytes between them, plus their contents */
};

typedef struct {
    u32 kind;
    u32 key_size, value_size;
    u32 value_offset;   /* within a slot: the key rounded up to 4 bytes */
    u32 stride;         /* bytes per slot */
    u32 mask;           /* capacity - 1; the capacity is a power of two */
    u32 len;
    u8 *ctrl;           /* one byte per slot: 0 free, else 0x80 | top 7 hash bits */
    u8 *slots;
    u8 *key_desc, *value_desc;
    u32 key_desc_len, value_desc_len;
    u32 *string_offsets; /* KEY_STRINGS: where the (ptr, len) pairs are in a key */
    u32 strings;
    u32 fields;          /* of the key's order plan (desc_order_plan); 0: keys do not sort as one u64 */
    u8 plan[8];
    /* Additions not yet in the table (map_defer): order keys and amounts, each deferred_len long, in one block of
     * 4 * deferred_cap words (keys, amounts, then scratch for sorting both). A dump sorts them with the table's
     * entries (in place when the table is empty); every other use of the map first adds them to the table (map_settle). */
    u64 *deferred_keys, *deferred_amounts;
    u32 deferred_len, deferred_cap;
} map;

/* The map with this id, or 0 when none was created (reads treat that as an empty map). Its deferred additions
 * may be pending: only dumps read such a map. */
map *map_lookup(u32 id);

#endif
