//! The classification assistant: six questions drawn from the VNG guidance "(voorbereiding op)
//! digitale ontwrichting" lead to a proposal (cyber incident or cyber crisis, the teams to
//! activate, the parties to inform and a GRIP level), each part with its reason. The advisor
//! accepts or overrides it; both are recorded.

use super::{Classification, Grip};
use serde::{Deserialize, Serialize};

/// The answers, each yes or no.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

    /// The answer to the question with this code; false for an unknown code.
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

    /// Sets the answer to the question with this code; an unknown code changes nothing.
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
    /// What is proposed.
    pub value: T,
    /// Why, as a reason code (`reason.{code}` in the translations).
    pub reason: String,
}

fn because<T>(value: T, reason: &str) -> Reasoned<T> {
    Reasoned {
        value,
        reason: reason.to_owned(),
    }
}

/// The assistant's proposal: what the answers suggest, each part with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// Cyber incident or cyber crisis.
    pub classification: Reasoned<Classification>,
    /// Team standard codes (`calamity_team`, `local_triangle`, `policy_team`).
    pub teams: Vec<Reasoned<String>>,
    /// Party codes (see `PARTIES`).
    pub inform: Vec<Reasoned<String>>,
    /// The GRIP level to scale up to.
    pub grip: Reasoned<Grip>,
    /// The parties the answers do not call for, each with why not (absent in proposals
    /// recorded before it was added).
    #[serde(default)]
    pub not_inform: Vec<Reasoned<String>>,
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
    // The IBD in every municipal cyber incident or crisis, also when it starts at a
    // supplier or another organisation rather than in the municipality's own network. The
    // guidance names the IBD as the CERT/CSIRT of the municipalities that the CISO and the
    // calamity team keep close contact with, as the sparring partner that gives a second
    // opinion on advice and proposals of third parties, and as technical knowledge at the
    // crisis table. A supplier's outage is exactly where that second opinion is needed, and
    // the IBD is the one who knows which other municipalities depend on the same supplier.
    if !a.own_organisation {
        add("ibd", "inform_ibd_supplier");
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

    let not_inform = super::PARTIES
        .iter()
        .filter(|p| **p != "other" && !inform.iter().any(|i| i.value == **p))
        .map(|p| because((*p).to_owned(), not_called_for(p)))
        .collect();

    Proposal {
        classification,
        teams,
        inform,
        grip,
        not_inform,
    }
}

/// Why the answers do not call for informing a party (`reason.{code}`).
fn not_called_for(party: &str) -> &'static str {
    match party {
        "municipal_secretary" => "not_secretary",
        "mayor" => "not_mayor",
        "alderman_ict" => "not_alderman",
        "safety_region" => "not_safety_region",
        "ncsc" => "not_ncsc",
        "police" => "not_police",
        "prosecutor" => "not_prosecutor",
        "council" => "not_council",
        _ => "not_called_for",
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
    fn a_supplier_outage_with_effects_outside_brings_in_the_ibd_too() {
        let p = propose(&Answers {
            societal_effects: true,
            ..Answers::default()
        });
        assert_eq!(p.classification.value, Classification::CyberCrisis);
        let ibd = p.inform.iter().find(|i| i.value == "ibd").expect("ibd");
        assert_eq!(ibd.reason, "inform_ibd_supplier");
        let police = p
            .not_inform
            .iter()
            .find(|i| i.value == "police")
            .expect("police");
        assert_eq!(police.reason, "not_police");
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
            // The municipalities' own CERT is in every proposal, whoever is hit first.
            prop_assert!(p.inform.iter().any(|t| t.value == "ibd"));
            // Every party is either informed or not, with a reason, never both.
            for party in super::super::PARTIES.iter().filter(|p| **p != "other") {
                let yes = p.inform.iter().filter(|i| i.value == *party).count();
                let no = p.not_inform.iter().filter(|i| i.value == *party).count();
                prop_assert_eq!(yes + no, 1, "{}", party);
            }
            for n in &p.not_inform {
                prop_assert!(n.reason.starts_with("not_"));
            }
            // Police and prosecutor follow a suspected crime, both ways.
            prop_assert_eq!(p.inform.iter().any(|i| i.value == "police"), a.crime_suspected);
        }
    }
}
