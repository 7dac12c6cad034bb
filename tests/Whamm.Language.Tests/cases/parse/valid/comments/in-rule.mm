wasm /* provider */ : opcode : /* event */ call // mode next line
    : before {
}
