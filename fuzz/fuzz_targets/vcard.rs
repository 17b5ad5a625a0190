//! vCard export of contacts with any text: every card is well-formed (CRLF, folded at 75
//! octets), begins and ends once, holds only the properties we write, and its name, title,
//! organisation and note read back as written.
#![no_main]

use arbitrary::Arbitrary;
use crisismap_core::Email;
use crisismap_core::interchange::vcard::{VCardContact, vcard};
use crisismap_core::phone::{PhoneLabel, PhoneNumber};
use crisismap_fuzz::{assert_well_formed, split, text_as_written, unescape, unfold};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    name: String,
    organisation: Option<String>,
    function: Option<String>,
    phones: Vec<(u8, String)>,
    email: Option<String>,
    alternative_channel: Option<String>,
    note: Option<String>,
}

fn present(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fuzz_target!(|input: Input| {
    let contact = VCardContact {
        name: input.name.clone(),
        organisation: input.organisation.clone(),
        function: input.function.clone(),
        phones: input
            .phones
            .iter()
            .take(8)
            .filter_map(|(l, n)| {
                let label = PhoneLabel::ALL[usize::from(*l) % PhoneLabel::ALL.len()];
                PhoneNumber::parse(n).ok().map(|p| (label, p))
            })
            .collect(),
        email: input.email.as_deref().and_then(|e| Email::parse(e).ok()),
        alternative_channel: input.alternative_channel.clone(),
        note: input.note.clone(),
    };
    let card = vcard(&contact);
    assert_well_formed(&card);
    let lines = unfold(&card);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCARD"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCARD"));
    let mut fn_value = None;
    for (i, line) in lines.iter().enumerate() {
        let (name, value) = split(line);
        let group_free = name.split_once('.').map_or(name, |(_, n)| n);
        let allowed = matches!(
            group_free,
            "BEGIN" | "END" | "VERSION" | "FN" | "N" | "ORG" | "TITLE" | "NOTE" | "X-ABLabel"
        ) || group_free.starts_with("TEL;TYPE=")
            || group_free == "EMAIL;TYPE=INTERNET";
        assert!(allowed, "an injected property {name:?} in {card:?}");
        if matches!(name, "BEGIN" | "END") {
            assert!(
                i == 0 || i == lines.len() - 1,
                "a second BEGIN or END: {card:?}"
            );
        }
        match name {
            "FN" => fn_value = Some(unescape(value)),
            "ORG" => assert_eq!(
                Some(unescape(value)),
                present(&input.organisation).map(text_as_written)
            ),
            "TITLE" => assert_eq!(
                Some(unescape(value)),
                present(&input.function).map(text_as_written)
            ),
            "NOTE" => {
                let note = unescape(value);
                if let Some(n) = present(&input.note) {
                    assert!(note.ends_with(&text_as_written(n)), "{note:?}");
                }
            }
            "N" => {
                let mut separators = 0;
                let mut chars = value.chars();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        ';' => separators += 1,
                        _ => {}
                    }
                }
                assert_eq!(separators, 4, "N keeps its five parts: {value:?}");
            }
            _ => {}
        }
    }
    let name = Some(input.name.clone());
    let expected = present(&name)
        .or(present(&input.organisation))
        .unwrap_or("-");
    assert_eq!(fn_value, Some(text_as_written(expected)), "FN reads back");
});
