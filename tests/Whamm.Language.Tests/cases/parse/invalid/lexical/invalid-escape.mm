wasm:begin {
    var s: str = "bad \q escape and \a bell";
}
