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
} map;

/* The map with this id, or 0 when none was created (reads treat that as an empty map). */
map *map_lookup(u32 id);

#endif
