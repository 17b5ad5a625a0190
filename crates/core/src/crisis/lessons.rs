//! The lessons register across crises and exercises: a lesson that an earlier crisis or
//! exercise already taught is "learned again", a sign that the improvement did not land.

use std::collections::BTreeSet;

/// The words that carry a lesson's meaning: lower-cased, four letters or more (short words are
/// mostly articles and prepositions in Dutch and English alike).
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// Whether two lessons say much the same: at least half of the smaller one's meaningful words
/// occur in the other, and at least three of them.
pub fn same_lesson(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    let shared = a.intersection(&b).count();
    let smaller = a.len().min(b.len());
    shared >= 3 && shared * 2 >= smaller
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lesson_said_again_in_other_words_is_recognised_and_a_different_one_is_not() {
        let before =
            "Piketnummers van CISO en adviseur crisisbeheersing op de werkplek van de servicedesk.";
        let again = "De servicedesk moet de piketnummers van de CISO en de adviseur crisisbeheersing kennen.";
        let other = "Een eerste bericht aan inwoners binnen een uur na opschaling.";
        assert!(same_lesson(before, again));
        assert!(!same_lesson(before, other));
        assert!(!same_lesson("", before), "an empty lesson is no lesson");
    }
}
