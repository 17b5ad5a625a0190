//! The classification assistant's answers: any JSON body, and every combination of yes and
//! no. Never panics; the proposal is the same for the same answers, always gives a reason
//! for each part, and the answers survive the JSON door.
#![no_main]

use crisismap_core::crisis::{Answers, propose};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut answers = Answers::default();
    if let Some(bits) = data.first() {
        for (i, q) in Answers::QUESTIONS.iter().enumerate() {
            answers.set(q, bits & (1 << i) != 0);
        }
        for (i, q) in Answers::QUESTIONS.iter().enumerate() {
            assert_eq!(answers.get(q), bits & (1 << i) != 0);
        }
    }
    let a = propose(&answers);
    let b = propose(&answers);
    assert_eq!(a, b, "deterministic");
    assert!(!a.classification.reason.is_empty() && !a.grip.reason.is_empty());
    assert!(
        a.teams
            .iter()
            .chain(&a.inform)
            .all(|r| !r.reason.is_empty())
    );
    assert!(!a.teams.is_empty(), "some team always handles it");
    let json = serde_json::to_string(&answers).expect("serialises");
    assert_eq!(serde_json::from_str::<Answers>(&json).ok(), Some(answers));
    if let Ok(from_body) = serde_json::from_slice::<Answers>(data) {
        let _ = propose(&from_body);
    }
});
