// The string methods on a run-time string (a global set at each call): prefixes, suffixes, needles longer
// than the string, the empty needle, and len/addr (a copy of a literal keeps its address: literals are stored once).
var name: str;
var starts_read: u32;
var ends_file: u32;
var contains_e_f: u32;
var longer_needle: u32;
var empty_needle: u32;
var total_len: u32;
var same_addr: u32;
wasm:opcode:call:before {
    name = target_fn_name;
    if (name.starts_with("read")) { starts_read++; }
    if (name.ends_with("_file")) { ends_file++; }
    if (name.contains("e_f")) { contains_e_f++; }
    if (name.contains("read_file_more") || name.starts_with("read_file_") || name.ends_with("xread")) { longer_needle++; }
    if (name.contains("") && name.starts_with("") && name.ends_with("")) { empty_needle++; }
    total_len = total_len + name.len();
}
wasm:opcode:call:before / target_fn_name == "read_file" / {
    if (name.addr() == target_fn_name.addr() && name.addr() != "write_file".addr()) { same_addr++; }
}
