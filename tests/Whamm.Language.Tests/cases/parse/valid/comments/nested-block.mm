/* a block comment /* with a nested one */ still inside */
// a line comment
wasm:opcode:call:before /* between rule and body */ {
    /* /* /* three deep */ */ */
    var x: i32 = 1; // trailing
}
