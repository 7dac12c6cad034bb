/* The Whamm CSV report flush. The instrumenter writes a compact table (a few bytes per row: LEB128 deltas
 * into small tables of row kinds and functions) and the rows are formatted here, at exit (see README.md). */
#include "core.h"

/* What rows of one report variable of one probe share: 24 bytes. */
typedef struct {
    const u8 *text;  /* site rows: ", memaddr, NAME, TYPE, WASM, script0, "; other rows: the whole row up to the value */
    u32 text_len;
    const u8 *probe; /* "N_RULE, "; length 0 for rows without a site */
    u32 probe_len;
    const u8 *desc;  /* the value's descriptor */
    u32 desc_len;
} row_kind;

/* A function as site rows name it, "NAME, FID, " (formatted by the instrumenter, once per function): 8 bytes. */
typedef struct {
    const u8 *text;
    u32 text_len;
} function_entry;

/* The argument of whamm_report: 16 bytes. */
typedef struct {
    const u8 *rows;
    u32 count;
    const row_kind *kinds;
    const function_entry *functions;
} report_table;

/* A row's first byte: which of its numbers are as in the row before, and its pc step when that is 0 to 30 (31: a
 * signed LEB128 follows). Rows of a dense monitor advance their id by one instance size, share their group's counter
 * and stay in one function, so most take two or three bytes. */
#define ROW_SAME_FUNCTION 0x80
#define ROW_SAME_VALUE 0x40
#define ROW_SAME_STEP 0x20
#define ROW_PC_STEP 0x1f

/* Room for a site row's numbers and separators: id and pc with their ", ". */
#define ROW_NUMBERS 32
/* Room for a counter's or a flag's value and the newline. */
#define VALUE_ROOM 21
/* Room for a site row but its texts: its numbers, its value and the 15 bytes the last text's copy may run over. */
#define ROW_ROOM (ROW_NUMBERS + VALUE_ROOM + 15)

/* Copies n bytes in 16-byte steps, so up to 15 more: q has room for them, and the texts of the table are followed by at
 * least 16 bytes of it (ReportTable.Write reserves the table's header last). */
ALWAYS_INLINE u8 *copy16(u8 *q, const u8 *p, u32 n)
{
    for (u32 i = 0; i < n; i += 16) {
        store_u64(q + i, load_u64(p + i));
        store_u64(q + i + 8, load_u64(p + i + 8));
    }
    return q + n;
}

EXPORT("whamm_report")
void whamm_report(const report_table *table)
{
    OUT_LIT("\n================================= REPORT CSV FLUSH ====================================\n"
            "id, id_type, name, whamm_type, wasm_type, script_id, fname, fid, pc, probe_id, value(s)\n");
    const u8 *p = table->rows;
    u32 id = 0, step = 0, value = 0, function = 0, pc = 0;
    digit_cache ids = { 0, 0, { 0 } }; /* a kind's rows' ids step up by the instance size, mostly less than 10 */
    for (u32 i = 0; i < table->count; i++) {
        u8 head = *p++;
        const row_kind *kind = &table->kinds[read_uleb(&p)];
        if (!(head & ROW_SAME_STEP)) step = read_sleb(&p);
        id += step;
        if (!(head & ROW_SAME_VALUE)) value = id + read_sleb(&p);
        if (!(head & ROW_SAME_FUNCTION)) function += read_sleb(&p);
        u32 pc_step = head & ROW_PC_STEP;
        pc += pc_step == ROW_PC_STEP ? read_sleb(&p) : pc_step;
        u8 scalar = kind->desc_len == 1 ? kind->desc[0] : 0;
        u8 *q;
        if (kind->probe_len) {
            const function_entry *f = &table->functions[function];
            u32 texts = kind->text_len + f->text_len + kind->probe_len;
            if (texts <= OUT_CAP - ROW_ROOM) { /* one room check for the row, its texts copied 16 bytes at a time */
                q = put_cached_u64(out_reserve(ROW_ROOM + texts), id, &ids);
                q = copy16(q, kind->text, kind->text_len);
                q = copy16(q, f->text, f->text_len);
                q = put_i64(q, (i32)pc);
                q = copy16(PUT_LIT(q, ", "), kind->probe, kind->probe_len);
            } else {
                q = put_u64(out_reserve(ROW_NUMBERS), id);
                q = put_text(q, kind->text, kind->text_len, ROW_NUMBERS);
                q = put_text(q, f->text, f->text_len, ROW_NUMBERS);
                q = put_i64(q, (i32)pc);
                out_commit(put_text(PUT_LIT(q, ", "), kind->probe, kind->probe_len, 0));
                q = out_reserve(VALUE_ROOM);
            }
        } else {
            out_bytes(kind->text, kind->text_len);
            q = out_reserve(VALUE_ROOM);
        }
        if (scalar == 'I' || scalar == 'Q' || scalar == 'z') { /* a counter or a flag, most rows: no descriptor walk */
            const u8 *v = (const u8 *)value;
            if (scalar == 'z') q = put_bool(q, v[0]);
            else q = put_u64(q, scalar == 'I' ? load_u32(v) : load_u64(v));
            *q++ = '\n';
            out_commit(q);
        } else {
            out_commit(q);
            print_value(kind->desc, kind->desc_len, (const u8 *)value, TUPLE_REPORT);
            out_char('\n');
        }
    }
    whamm_flush();
}
