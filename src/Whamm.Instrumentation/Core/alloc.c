/* Allocation: a bump pointer over [static_end, end of memory) plus one free list per power-of-two size class.
 * Each block is an 8-byte header (its class) followed by the payload, so payloads stay 8-aligned and a freed
 * block is reused by the next request of the same class. Memory grows with memory.grow as the bump pointer
 * needs it; the only upper bound is the memory itself (failing to grow traps). */
#include "core.h"

#define HEADER 8
#define PAGE 65536u
#define CLASSES 29 /* payloads 8 << 0 .. 8 << 28 (2 GiB); larger requests cannot fit a wasm32 memory anyway */

extern u8 __heap_base; /* provided by wasm-ld: the first byte after the stack and this library's data */

static u32 bump;                 /* next unallocated byte; 0 until the first use */
static u8 *free_lists[CLASSES];  /* singly linked through the first 4 bytes of each free payload */

EXPORT("whamm_init")
void whamm_init(u32 static_end)
{
    u32 base = (u32)&__heap_base;
    bump = align_up(static_end > base ? static_end : base, 8);
}

static u32 class_of(u32 len)
{
    if (len <= 8) return 0;
    return 32 - (u32)__builtin_clz(len - 1) - 3;
}

static void ensure_memory(u32 end)
{
    u32 have = (u32)__builtin_wasm_memory_size(0) * PAGE;
    if (end <= have) return;
    u32 pages = (end - have + PAGE - 1) / PAGE;
    if (__builtin_wasm_memory_grow(0, pages) == (__SIZE_TYPE__)-1) TRAP();
}

EXPORT("mem_alloc")
u8 *mem_alloc(u32 len)
{
    if (len == 0) return 0;
    if (len > (8u << (CLASSES - 1))) TRAP();
    u32 c = class_of(len);
    u8 *p = free_lists[c];
    if (p) {
        free_lists[c] = (u8 *)load_u32(p);
        return p;
    }
    if (bump == 0) whamm_init(0);
    u32 size = HEADER + (8u << c);
    u32 start = bump;
    if (start + size < start) TRAP(); /* wrapped past 4 GiB */
    ensure_memory(start + size);
    bump = start + size;
    store_u32((u8 *)start, c);
    return (u8 *)(start + HEADER);
}

EXPORT("mem_free")
void mem_free(u8 *ptr)
{
    if (!ptr) return;
    u32 c = load_u32(ptr - HEADER);
    store_u32(ptr, (u32)free_lists[c]);
    free_lists[c] = ptr;
}
