#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dpa_fuzz::agreement_json(data));
