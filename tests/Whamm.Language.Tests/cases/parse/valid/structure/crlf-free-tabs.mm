wasm:opcode:call:before	{
	var x: i32 = 1;
	if (x > 0)	{
		x--;
	}
}
