#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dpa_fuzz::add_months(data));
