// Groups that run on every entry to a function (only blocks around them, no branch to their ends, no exit and no
// call before them) read one counter; the code after a call that may end the program (x = 7 calls proc_exit) has its
// own, so the report stays exact after the exit.
wasm:block:end { report var runs: u32; runs++; }
wasm:opcode:local.set:before { report var sets: u32; sets++; }
