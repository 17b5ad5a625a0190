//! What the VNG guidance on digital disruption gives every new crisis: the strategic
//! dilemmas and key decisions of the warm phase, in our own words, in Dutch and English.

use crate::Lang;
use crate::crisis::EntryKind;
use crate::register::{RawRecord, RecordId, RecordKind, RefLookup, Validated};

/// The strategic dilemmas and key decisions the guidance names for the warm phase, in our
/// own words: (title, question, options), Dutch and English.
const DILEMMAS: &[[(&str, &str, &str); 2]] = &[
    [
        (
            "Wat communiceren we wel en niet?",
            "Wat vertellen we inwoners, medewerkers, raad en pers, ook als de crisis nog dreigt? Aanvallers lezen mee.",
            "Vroeg en open communiceren met de onzekerheden erbij; of terughoudend tot de feiten vaststaan.",
        ),
        (
            "What do we communicate and what not?",
            "What do we tell residents, staff, the council and the press, also while the crisis is only a threat? Attackers read along.",
            "Communicate early and openly including the uncertainties; or hold back until the facts are established.",
        ),
    ],
    [
        (
            "Hoe gaan we om met een losgeldeis?",
            "Bij ransomware: betalen we, onderhandelen we, of niet? Wie beslist en op basis waarvan?",
            "Niet betalen en herstellen uit back-ups; onderhandelen om tijd te winnen; advies van politie, OM en IBD vragen.",
        ),
        (
            "How do we handle a ransom demand?",
            "With ransomware: do we pay, negotiate, or not? Who decides, and on what grounds?",
            "Do not pay and restore from backups; negotiate to gain time; ask the police, prosecutor and IBD for advice.",
        ),
    ],
    [
        (
            "Welke classificatie geven we het incident of de crisis?",
            "Is dit een cyberincident of een cybercrisis, en past de GRIP-structuur erbij?",
            "Cyberincident in de eigen organisatie; cybercrisis met gevolgen voor openbare orde en veiligheid.",
        ),
        (
            "How do we classify the incident or crisis?",
            "Is this a cyber incident or a cyber crisis, and does the GRIP structure apply?",
            "Cyber incident within our own organisation; cyber crisis with effects on public order and safety.",
        ),
    ],
    [
        (
            "Welke rol(len) heeft de burgemeester?",
            "Als gezag voor openbare orde, als bestuurder van een getroffen organisatie, als boegbeeld naar de samenleving: welke rol speelt de burgemeester, en welke wethouder (ICT) staat ernaast?",
            "De burgemeester voert het woord naar buiten; de portefeuillehouder ICT voor de eigen bedrijfsvoering.",
        ),
        (
            "What role(s) does the mayor play?",
            "As authority for public order, as head of a hit organisation, as the face towards society: which role does the mayor take, and which alderman (ICT) stands beside?",
            "The mayor speaks to the public; the alderman for ICT covers the municipality's own operations.",
        ),
    ],
    [
        (
            "Hoe verdelen we schaarse middelen?",
            "Mensen, systemen en externe hulp zijn beperkt: wat heeft voorrang bij het bestrijden van de digitale ontwrichting en het herstel?",
            "Eerst vitale processen voor inwoners (uitkeringen, zorg, burgerzaken); eerst de eigen infrastructuur; eerst externe partijen.",
        ),
        (
            "How do we prioritise scarce means?",
            "People, systems and outside help are limited: what comes first in fighting the disruption and in recovery?",
            "Vital processes for residents first (benefits, care, civil affairs); our own infrastructure first; outside parties first.",
        ),
    ],
    [
        (
            "Schakelen we systemen of diensten (vroegtijdig) uit of in?",
            "Halen we systemen of dienstverlening uit de lucht om verdere schade te voorkomen, en wanneer zetten we ze weer aan?",
            "Preventief loskoppelen van het netwerk; gedeeltelijk doordraaien met handmatige terugvalprocedures; pas na forensisch onderzoek weer aan.",
        ),
        (
            "Do we switch systems or services off (early), or back on?",
            "Do we take systems or services offline to prevent further harm, and when do we switch them back on?",
            "Disconnect from the network as a precaution; keep running partly with manual fallbacks; switch back on only after forensic investigation.",
        ),
    ],
    [
        (
            "Huren we externe forensische en digitale experts in?",
            "Welke expertise hebben we nodig die we zelf niet hebben, wie huurt die in en wie betaalt?",
            "Via de IBD of de verzekeraar; een eigen raamcontract; hulp van de veiligheidsregio voor het crisisproces.",
        ),
        (
            "Do we hire outside forensic and digital experts?",
            "Which expertise do we need that we lack, who hires it and who pays?",
            "Through the IBD or the insurer; our own framework contract; the safety region's help for the crisis process.",
        ),
    ],
];

struct NoRefs;
impl RefLookup for NoRefs {
    fn exists(&self, _: RecordKind, _: RecordId) -> bool {
        false
    }
}

/// The dilemmas every new crisis starts with, validated like any entry.
pub fn dilemmas(lang: Lang) -> Vec<Validated> {
    let i = usize::from(lang == Lang::En);
    let source = if lang == Lang::En {
        "Source: VNG guidance “(voorbereiding op) digitale ontwrichting”."
    } else {
        "Bron: VNG-handreiking “(voorbereiding op) digitale ontwrichting”."
    };
    DILEMMAS
        .iter()
        .map(|d| {
            let (title, question, options) = d[i];
            let mut raw = RawRecord::default();
            raw.fields.insert("title".into(), title.into());
            raw.fields.insert("question".into(), question.into());
            raw.fields.insert("options".into(), options.into());
            raw.fields.insert("notes".into(), source.into());
            EntryKind::Dilemma
                .schema()
                .validate(&raw, &NoRefs)
                // Fixed text, checked by the test below: a failure here is a programming error.
                .unwrap_or_else(|e| panic!("guidance dilemma does not validate: {e:?}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_guidance_dilemma_validates_in_both_languages() {
        for lang in [Lang::Nl, Lang::En] {
            let dilemmas = dilemmas(lang);
            assert_eq!(dilemmas.len(), DILEMMAS.len());
            assert!(dilemmas.iter().all(|d| !d.title().is_empty()));
        }
    }
}
