//! vCard 3.0 (RFC 2426) for carrying contacts on a phone when systems are down. 3.0 rather
//! than 4.0 because every phone and mail program imports it. Every text is escaped and lines
//! are folded (see `content_line`), so no name or note can break out of its property.

use super::content_line::{ContentLines, escape_text};
use crate::phone::{PhoneLabel, PhoneNumber};
use crate::values::Email;

/// The label that puts the alternative channel into the note, and the label of a night
/// number on phones that show custom labels (Apple's `X-ABLabel`).
pub const ALTERNATIVE_CHANNEL_LABEL: &str = "Alternatief kanaal";
/// The custom label of a night number on phones that show custom labels (Apple's `X-ABLabel`).
pub const NIGHT_LABEL: &str = "Nacht";

/// A contact as it goes onto a phone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VCardContact {
    /// The contact's full name.
    pub name: String,
    /// The organisation they work for.
    pub organisation: Option<String>,
    /// Their function, e.g. "CISO".
    pub function: Option<String>,
    /// Their phone numbers, each with its kind of line.
    pub phones: Vec<(PhoneLabel, PhoneNumber)>,
    /// Their e-mail address.
    pub email: Option<Email>,
    /// Goes into the note as "Alternatief kanaal: …", above the note itself.
    pub alternative_channel: Option<String>,
    /// Free notes.
    pub note: Option<String>,
}

/// One file with a card for each contact, CRLF line endings.
pub fn vcards(contacts: &[VCardContact]) -> String {
    contacts.iter().map(vcard).collect()
}

/// One card.
pub fn vcard(contact: &VCardContact) -> String {
    let mut out = ContentLines::default();
    out.raw("BEGIN", "VCARD");
    out.raw("VERSION", "3.0");

    let name = present(Some(&contact.name))
        .or_else(|| present(contact.organisation.as_ref()))
        .unwrap_or("-");
    out.text("FN", name);
    let (family, given) = split_name(name);
    out.raw(
        "N",
        &format!("{};{};;;", escape_text(&family), escape_text(&given)),
    );
    if let Some(org) = present(contact.organisation.as_ref()) {
        out.text("ORG", org);
    }
    if let Some(title) = present(contact.function.as_ref()) {
        out.text("TITLE", title);
    }

    let mut group = 0;
    for (label, number) in &contact.phones {
        match label {
            PhoneLabel::Mobile => out.raw("TEL;TYPE=CELL", number.e164()),
            PhoneLabel::Work => out.raw("TEL;TYPE=WORK", number.e164()),
            PhoneLabel::Home => out.raw("TEL;TYPE=HOME", number.e164()),
            PhoneLabel::Other => out.raw("TEL;TYPE=VOICE", number.e164()),
            PhoneLabel::Night => {
                // A group ties the label to its number; programs that ignore groups still
                // see a voice number.
                group += 1;
                out.raw(&format!("item{group}.TEL;TYPE=VOICE"), number.e164());
                out.text(&format!("item{group}.X-ABLabel"), NIGHT_LABEL);
            }
        }
    }
    if let Some(email) = &contact.email {
        out.text("EMAIL;TYPE=INTERNET", email.as_str());
    }

    let channel = present(contact.alternative_channel.as_ref())
        .map(|c| format!("{ALTERNATIVE_CHANNEL_LABEL}: {c}"));
    let note = match (channel, present(contact.note.as_ref())) {
        (Some(channel), Some(note)) => Some(format!("{channel}\n\n{note}")),
        (Some(channel), None) => Some(channel),
        (None, note) => note.map(str::to_owned),
    };
    if let Some(note) = note {
        out.text("NOTE", &note);
    }
    out.raw("END", "VCARD");
    out.finish()
}

fn present(value: Option<&String>) -> Option<&str> {
    value.map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// Words that start a Dutch (or Flemish, French, German) family name.
const NAME_PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "aan", "bij", "uit",
    "la", "le", "du", "da", "di", "del", "des", "von", "zu", "'s",
];

/// Best effort `(family, given)`: "Anna van der Berg" → ("van der Berg", "Anna"),
/// "Jan Pieter Jansen" → ("Jansen", "Jan Pieter"), "Berg, Anna" → ("Berg", "Anna"). Phones
/// show FN; N only matters for sorting.
fn split_name(name: &str) -> (String, String) {
    if let Some((family, given)) = name.split_once(',') {
        return (family.trim().to_owned(), given.trim().to_owned());
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.len().checked_sub(1) else {
        return (String::new(), String::new());
    };
    let start = (1..last)
        .find(|&i| NAME_PARTICLES.contains(&words[i].to_lowercase().as_str()))
        .unwrap_or(last);
    (words[start..].join(" "), words[..start].join(" "))
}

#[cfg(test)]
mod tests {
    use super::super::content_line::read_back;
    use super::*;
    use proptest::prelude::*;

    fn phone(s: &str) -> PhoneNumber {
        PhoneNumber::parse(s).expect("valid number")
    }

    fn anna() -> VCardContact {
        VCardContact {
            name: "Anna van der Berg".into(),
            organisation: Some("Gemeente Voorbeeld".into()),
            function: Some("Burgemeester".into()),
            phones: vec![
                (PhoneLabel::Mobile, phone("06-12345678")),
                (PhoneLabel::Work, phone("020-1234567")),
                (PhoneLabel::Night, phone("06-87654321")),
            ],
            email: Some(Email::parse("anna@voorbeeld.nl").expect("valid")),
            alternative_channel: Some("Portofoon, kanaal 3".into()),
            note: Some("Liever niet na 23:00".into()),
        }
    }

    /// The properties of every card: (name with parameters, unescaped value).
    fn cards(text: &str) -> Vec<Vec<(String, String)>> {
        read_back::assert_well_formed(text);
        let mut cards = Vec::new();
        let mut current: Option<Vec<(String, String)>> = None;
        for line in read_back::unfold(text) {
            let (name, value) = read_back::split(&line);
            match (name, value) {
                ("BEGIN", "VCARD") => {
                    assert!(current.is_none(), "nested card");
                    current = Some(Vec::new());
                }
                ("END", "VCARD") => cards.push(current.take().expect("card was open")),
                _ => current
                    .as_mut()
                    .expect("property inside a card")
                    .push((name.to_owned(), value.to_owned())),
            }
        }
        assert!(current.is_none(), "last card closed");
        cards
    }

    fn value<'c>(card: &'c [(String, String)], name: &str) -> Vec<&'c str> {
        card.iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    #[test]
    fn a_card_holds_every_field() {
        let text = vcard(&anna());
        assert!(text.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna van der Berg\r\n"));
        let card = &cards(&text)[0];
        assert_eq!(value(card, "N"), vec!["van der Berg;Anna;;;"]);
        assert_eq!(value(card, "ORG"), vec!["Gemeente Voorbeeld"]);
        assert_eq!(value(card, "TITLE"), vec!["Burgemeester"]);
        assert_eq!(value(card, "TEL;TYPE=CELL"), vec!["+31612345678"]);
        assert_eq!(value(card, "TEL;TYPE=WORK"), vec!["+31201234567"]);
        assert_eq!(value(card, "item1.TEL;TYPE=VOICE"), vec!["+31687654321"]);
        assert_eq!(value(card, "item1.X-ABLabel"), vec!["Nacht"]);
        assert_eq!(
            value(card, "EMAIL;TYPE=INTERNET"),
            vec!["anna@voorbeeld.nl"]
        );
        assert_eq!(
            value(card, "NOTE")
                .into_iter()
                .map(read_back::unescape)
                .collect::<Vec<_>>(),
            vec!["Alternatief kanaal: Portofoon, kanaal 3\n\nLiever niet na 23:00"]
        );
    }

    #[test]
    fn names_are_split_best_effort() {
        let split = |s: &str| split_name(s);
        assert_eq!(split("Anna de Vries"), ("de Vries".into(), "Anna".into()));
        assert_eq!(
            split("Jan Pieter van den Broek"),
            ("van den Broek".into(), "Jan Pieter".into())
        );
        assert_eq!(split("Piet Jansen"), ("Jansen".into(), "Piet".into()));
        assert_eq!(
            split("Berg, Anna van den"),
            ("Berg".into(), "Anna van den".into())
        );
        assert_eq!(split("Meldkamer"), ("Meldkamer".into(), String::new()));
        assert_eq!(split("  "), (String::new(), String::new()));
    }

    #[test]
    fn hostile_text_stays_inside_its_property() {
        let hostile = VCardContact {
            name: "Evil;Name,With\\Stuff\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Injected".into(),
            organisation: Some("Org;Unit".into()),
            function: Some("x\nTEL:+31000000000".into()),
            phones: vec![],
            email: None,
            alternative_channel: Some("\rEND:VCARD".into()),
            note: Some(format!(
                "note\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Nep 😀🇳🇱 {}",
                "é".repeat(200)
            )),
        };
        let long = VCardContact {
            name: format!("{} 👩‍👩‍👧", "Lange Naam ".repeat(40)),
            ..VCardContact::default()
        };
        let text = vcards(&[anna(), hostile.clone(), long.clone()]);
        let cards = cards(&text);
        assert_eq!(cards.len(), 3);
        // The injected "BEGIN:VCARD" stays inside escaped values; no line starts a card.
        assert_eq!(
            text.split("\r\n").filter(|l| *l == "BEGIN:VCARD").count(),
            3
        );
        assert_eq!(text.split("\r\n").filter(|l| *l == "END:VCARD").count(), 3);

        let card = &cards[1];
        assert_eq!(
            value(card, "FN")
                .into_iter()
                .map(read_back::unescape)
                .collect::<Vec<_>>(),
            vec!["Evil;Name,With\\Stuff\nEND:VCARD\nBEGIN:VCARD\nFN:Injected"]
        );
        assert_eq!(value(card, "ORG"), vec!["Org\\;Unit"]);
        assert!(value(card, "TEL;TYPE=CELL").is_empty());
        assert_eq!(
            read_back::unescape(value(card, "NOTE")[0]),
            format!(
                "Alternatief kanaal: END:VCARD\n\n{}",
                hostile.note.as_deref().unwrap_or_default()
            )
        );
        let names: Vec<&str> = card.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["VERSION", "FN", "N", "ORG", "TITLE", "NOTE"]);
        assert_eq!(
            read_back::unescape(value(&cards[2], "FN")[0]),
            long.name.trim()
        );
    }

    #[test]
    fn an_empty_name_falls_back_to_the_organisation() {
        let card = vcard(&VCardContact {
            name: " ".into(),
            organisation: Some("Meldkamer Brandweer".into()),
            ..VCardContact::default()
        });
        assert!(card.contains("\r\nFN:Meldkamer Brandweer\r\n"));
        let card = vcard(&VCardContact::default());
        assert!(card.contains("\r\nFN:-\r\n"));
    }

    proptest! {
        #[test]
        fn any_text_gives_one_card_per_contact(
            names in proptest::collection::vec("\\PC{0,120}|[;,\\\\\\r\\n:A-Z]{0,40}", 1..4),
            note in "\\PC{0,300}|(\r?\nEND:VCARD){0,3}",
        ) {
            let contacts: Vec<VCardContact> = names
                .iter()
                .map(|name| VCardContact {
                    name: name.clone(),
                    note: Some(note.clone()),
                    organisation: Some(name.clone()),
                    ..VCardContact::default()
                })
                .collect();
            let cards = cards(&vcards(&contacts));
            prop_assert_eq!(cards.len(), contacts.len());
            for card in &cards {
                prop_assert_eq!(value(card, "FN").len(), 1);
                prop_assert!(value(card, "NOTE").len() <= 1);
            }
        }
    }
}
