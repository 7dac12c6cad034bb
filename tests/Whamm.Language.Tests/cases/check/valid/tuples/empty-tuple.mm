var nothing: ();
wasm:begin { nothing = (); }
