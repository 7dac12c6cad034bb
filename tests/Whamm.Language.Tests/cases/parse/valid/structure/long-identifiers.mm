var a_very_long_identifier_name_used_for_counting_calls_to_functions_in_the_module: u64;
wasm:opcode:call:before {
    a_very_long_identifier_name_used_for_counting_calls_to_functions_in_the_module++;
}
