// `*if` matches if and br_if: both bind a u32 arg0.
wasm::*if:before / arg0 == 0 / { }
