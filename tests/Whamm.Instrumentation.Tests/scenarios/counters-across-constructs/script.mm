// Counter groups continue after a construct that control leaves only through its end (an if/else, a block left
// through its own end, a loop inside an if): the code after it shares the counter of the code before. Constructs
// that may be left otherwise (a branch past their end, unreachable, a call) end the group as it stands; work(9)
// calls proc_exit inside an if, so the code after that if runs for i = 0..8 only and the report must say so.
report var total: u64;
wasm:opcode:*:before {
    report var count: u32;
    count++;
    total++;
}
