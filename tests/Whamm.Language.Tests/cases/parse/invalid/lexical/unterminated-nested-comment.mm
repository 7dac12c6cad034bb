wasm:begin { }
/* outer /* inner */ still open
