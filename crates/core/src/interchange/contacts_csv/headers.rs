//! The header vocabulary: which column names mean what, in Dutch and English.

use crate::phone::PhoneLabel;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    FullName,
    FirstName,
    MiddleName,
    LastName,
    Function,
    Organisation,
    Phone(PhoneLabel),
    Email,
    AlternativeChannel,
    Notes,
}

/// Recognises a header by its letters and digits only, lower-cased: `E-mail Address`,
/// `e-mailadres` and ` Email ` all match. Covers Excel lists in Dutch and English and the
/// exports of Outlook (Dutch and English) and Google Contacts. Outlook's `Title` (Mr., Mrs.)
/// is deliberately not a function: its job title is `Job Title`.
pub(super) fn target_for(header: &str) -> Option<Target> {
    use PhoneLabel::*;
    use Target::*;
    let key: String = header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    Some(match key.as_str() {
        "naam" | "name" | "volledigenaam" | "fullname" | "displayname" | "weergavenaam"
        | "contactpersoon" => FullName,
        "voornaam" | "roepnaam" | "firstname" | "givenname" => FirstName,
        "tussenvoegsel" | "tussenvoegsels" | "middelstenaam" | "middlename" | "additionalname" => {
            MiddleName
        }
        "achternaam" | "familienaam" | "lastname" | "surname" | "familyname" => LastName,
        "functie" | "functietitel" | "rol" | "function" | "jobtitle" | "role"
        | "organizationtitle" | "organization1title" => Function,
        "organisatie" | "bedrijf" | "bedrijfsnaam" | "instantie" | "organisation"
        | "organization" | "company" | "companyname" | "organizationname" | "organization1name" => {
            Organisation
        }
        "mobiel"
        | "mobielnummer"
        | "mobieletelefoon"
        | "mobieletelefoonnummer"
        | "gsm"
        | "mobile"
        | "mobilephone"
        | "mobilenumber"
        | "cellphone"
        | "cell" => Phone(Mobile),
        "telefoonopwerk"
        | "telefoonopwerk2"
        | "telefoonwerk"
        | "werktelefoon"
        | "zakelijketelefoon"
        | "hoofdtelefoonbedrijf"
        | "businessphone"
        | "businessphone2"
        | "workphone"
        | "companymainphone" => Phone(Work),
        "telefoonthuis" | "telefoonthuis2" | "thuistelefoon" | "privételefoon"
        | "privetelefoon" | "homephone" | "homephone2" => Phone(Home),
        "nachtnummer" | "nachttelefoon" | "buitenkantooruren" | "nightphone"
        | "afterhoursphone" => Phone(Night),
        "telefoon" | "telefoonnummer" | "tel" | "hoofdtelefoon" | "anderetelefoon"
        | "autotelefoon" | "phone" | "phonenumber" | "telephone" | "primaryphone"
        | "otherphone" | "carphone" | "phone1value" | "phone2value" | "phone3value" => Phone(Other),
        "email" | "emailadres" | "emailaddress" | "mail" | "mailadres" | "email1value" => Email,
        "alternatiefkanaal"
        | "noodkanaal"
        | "alternatievebereikbaarheid"
        | "alternativechannel"
        | "fallbackchannel" => AlternativeChannel,
        "notities" | "notitie" | "opmerkingen" | "opmerking" | "toelichting" | "notes" | "note" => {
            Notes
        }
        _ => return None,
    })
}
