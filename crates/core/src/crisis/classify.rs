//! The classification assistant: six questions drawn from the VNG guidance "(voorbereiding op)
//! digitale ontwrichting" lead to a proposal (cyber incident or cyber crisis, the teams to
//! activate, the parties to inform and a GRIP level), each part with its reason. The advisor
//! accepts or overrides it; both are recorded.

use super::{Classification, Grip};
use serde::{Deserialize, Serialize};

/// The answers, each yes or no.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// Is the municipality's own organisation hit?
    pub own_organisation: bool,
    /// Are there effects for society outside it: in the physical domain or on public order
    /// and safety?
    pub societal_effects: bool,
    /// Is intent or a crime suspected?
    pub crime_suspected: bool,
    /// Is it of more than local significance (or is that seriously feared)?
    pub beyond_local: bool,
    /// Is vital infrastructure involved (drinking water, electricity, networks, payments)?
    pub vital_infrastructure: bool,
    /// Is it (supra)regional or national?
    pub national: bool,
}

impl Answers {
    /// The question codes, in the order they are asked.
    pub const QUESTIONS: [&'static str; 6] = [
        "own_organisation",
        "societal_effects",
        "crime_suspected",
        "beyond_local",
        "vital_infrastructure",
        "national",
    ];

    pub fn get(&self, question: &str) -> bool {
        match question {
            "own_organisation" => self.own_organisation,
            "societal_effects" => self.societal_effects,
            "crime_suspected" => self.crime_suspected,
            "beyond_local" => self.beyond_local,
            "vital_infrastructure" => self.vital_infrastructure,
            "national" => self.national,
            _ => false,
        }
    }

    pub fn set(&mut self, question: &str, yes: bool) {
        match question {
            "own_organisation" => self.own_organisation = yes,
            "societal_effects" => self.societal_effects = yes,
            "crime_suspected" => self.crime_suspected = yes,
            "beyond_local" => self.beyond_local = yes,
            "vital_infrastructure" => self.vital_infrastructure = yes,
            "national" => self.national = yes,
            _ => {}
        }
    }
}

/// One part of a proposal with the code of its reason (`reason.{code}` in the translations).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reasoned<T> {
    pub value: T,
    pub reason: String,
}

fn because<T>(value: T, reason: &str) -> Reasoned<T> {
    Reasoned {
        value,
        reason: reason.to_owned(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub classification: Reasoned<Classification>,
    /// Team standard codes (`calamity_team`, `local_triangle`, `policy_team`).
    pub teams: Vec<Reasoned<String>>,
    /// Party codes (see `PARTIES`).
    pub inform: Vec<Reasoned<String>>,
    pub grip: Reasoned<Grip>,
}

/// What the answers suggest. Every team and party is named once, with the first reason that
/// calls for it.
pub fn propose(a: &Answers) -> Proposal {
    let crisis = a.societal_effects || a.vital_infrastructure || a.beyond_local || a.national;
    let classification = if crisis {
        let reason = if a.societal_effects {
            "crisis_societal"
        } else if a.vital_infrastructure {
            "crisis_vital"
        } else {
            "crisis_scale"
        };
        because(Classification::CyberCrisis, reason)
    } else {
        because(Classification::CyberIncident, "incident_own_systems")
    };

    let mut teams: Vec<Reasoned<String>> = vec![];
    let mut add_team = |code: &str, reason: &str| {
        if !teams.iter().any(|t| t.value == code) {
            teams.push(because(code.to_owned(), reason));
        }
    };
    if a.own_organisation || !crisis {
        add_team("calamity_team", "team_calamity");
    }
    if a.crime_suspected {
        add_team("local_triangle", "team_triangle");
    }
    if crisis {
        add_team("policy_team", "team_policy");
    }

    let mut inform: Vec<Reasoned<String>> = vec![];
    let mut add = |code: &str, reason: &str| {
        if !inform.iter().any(|p| p.value == code) {
            inform.push(because(code.to_owned(), reason));
        }
    };
    if a.own_organisation {
        add("ibd", "inform_ibd");
        add("municipal_secretary", "inform_secretary");
        add("alderman_ict", "inform_alderman");
    }
    if crisis {
        add("mayor", "inform_mayor_public_order");
        add("municipal_secretary", "inform_secretary");
        add("safety_region", "inform_safety_region");
    }
    if a.crime_suspected {
        add("police", "inform_police");
        add("prosecutor", "inform_prosecutor");
        add("mayor", "inform_mayor_triangle");
    }
    if a.vital_infrastructure || a.national {
        add("ncsc", "inform_ncsc");
    }
    if !a.own_organisation && !crisis {
        add("ibd", "inform_ibd_advice");
    }

    let grip = if a.national {
        because(Grip::Grip5, "grip_national")
    } else if a.beyond_local {
        because(Grip::Grip4, "grip_beyond_local")
    } else if a.societal_effects || a.vital_infrastructure {
        because(Grip::Grip3, "grip_local_population")
    } else {
        because(Grip::Routine, "grip_routine")
    };

    Proposal {
        classification,
        teams,
        inform,
        grip,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_hack_of_our_own_systems_alone_is_an_incident_for_the_calamity_team() {
        let p = propose(&Answers {
            own_organisation: true,
            ..Answers::default()
        });
        assert_eq!(p.classification.value, Classification::CyberIncident);
        assert_eq!(p.grip.value, Grip::Routine);
        let teams: Vec<_> = p.teams.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(teams, ["calamity_team"]);
        let parties: Vec<_> = p.inform.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(parties, ["ibd", "municipal_secretary", "alderman_ict"]);
    }

    #[test]
    fn ransomware_with_locks_failing_and_extortion_is_a_crisis_with_triangle_and_gbt() {
        let p = propose(&Answers {
            own_organisation: true,
            societal_effects: true,
            crime_suspected: true,
            ..Answers::default()
        });
        assert_eq!(p.classification.value, Classification::CyberCrisis);
        assert_eq!(p.grip.value, Grip::Grip3);
        let teams: Vec<_> = p.teams.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(teams, ["calamity_team", "local_triangle", "policy_team"]);
        for party in ["police", "prosecutor", "safety_region", "mayor", "ibd"] {
            assert!(p.inform.iter().any(|i| i.value == party), "{party} missing");
        }
        assert!(!p.inform.iter().any(|i| i.value == "ncsc"));
    }

    #[test]
    fn vital_infrastructure_brings_in_the_ncsc_and_scale_raises_grip() {
        let p = propose(&Answers {
            vital_infrastructure: true,
            beyond_local: true,
            ..Answers::default()
        });
        assert_eq!(p.classification.value, Classification::CyberCrisis);
        assert_eq!(p.grip.value, Grip::Grip4);
        assert!(p.inform.iter().any(|i| i.value == "ncsc"));
        let national = propose(&Answers {
            national: true,
            ..Answers::default()
        });
        assert_eq!(national.grip.value, Grip::Grip5);
    }

    fn answers() -> impl Strategy<Value = Answers> {
        proptest::array::uniform6(any::<bool>()).prop_map(|b| Answers {
            own_organisation: b[0],
            societal_effects: b[1],
            crime_suspected: b[2],
            beyond_local: b[3],
            vital_infrastructure: b[4],
            national: b[5],
        })
    }

    proptest! {
        #[test]
        fn every_proposal_names_each_party_and_team_once_with_a_reason(a in answers()) {
            let p = propose(&a);
            let mut seen = std::collections::HashSet::new();
            for i in &p.inform {
                prop_assert!(seen.insert(i.value.clone()));
                prop_assert!(!i.reason.is_empty());
                prop_assert!(super::super::PARTIES.contains(&i.value.as_str()));
            }
            prop_assert!(!p.teams.is_empty());
            // A crisis always has the policy team and the safety region.
            if p.classification.value == Classification::CyberCrisis {
                prop_assert!(p.teams.iter().any(|t| t.value == "policy_team"));
                prop_assert!(p.inform.iter().any(|t| t.value == "safety_region"));
            }
        }
    }
}
