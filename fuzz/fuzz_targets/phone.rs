//! Phone numbers as typed: any text. Never panics; an accepted number reads back as itself
//! from its E.164 and its display form, and E.164 is `+` and digits.
#![no_main]

use crisismap_core::phone::PhoneNumber;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(number) = PhoneNumber::parse(text) else {
        return;
    };
    let e164 = number.e164();
    assert!(
        e164.starts_with('+') && e164[1..].bytes().all(|b| b.is_ascii_digit()),
        "{e164}"
    );
    assert!(e164.len() <= 16, "{e164}");
    for form in [number.e164(), number.display()] {
        let again = PhoneNumber::parse(form).expect("a stored number reads back");
        assert_eq!(again.e164(), e164, "from {form:?}");
        assert_eq!(again.display(), number.display());
    }
    assert_eq!(number.tel_uri(), format!("tel:{e164}"));
});
