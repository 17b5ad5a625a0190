//! What a crisis costs: its cost items added up by category, exactly, in cents.

use super::{Entry, EntryKind};

/// The sums of one category (or of all of them), in cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sums {
    /// Amounts excluding VAT.
    pub amount: i64,
    /// The VAT on them.
    pub vat: i64,
    /// Amounts excluding VAT of the items marked insured.
    pub insured: i64,
    /// How many items.
    pub items: usize,
}

impl Sums {
    /// Amount and VAT together.
    pub fn total(&self) -> i64 {
        self.amount.saturating_add(self.vat)
    }

    fn add(&mut self, amount: i64, vat: i64, insured: bool) {
        // Amounts are at most ten million euro each; the sum of any real crisis fits an i64
        // by many orders of magnitude, and saturating keeps an absurd one from wrapping.
        self.amount = self.amount.saturating_add(amount);
        self.vat = self.vat.saturating_add(vat);
        if insured {
            self.insured = self.insured.saturating_add(amount);
        }
        self.items += 1;
    }
}

/// The costs of a crisis: per category in the catalogue's order (only those with items), and
/// the whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Each category with items, in the order of `COST_CATEGORIES`.
    pub by_category: Vec<(&'static str, Sums)>,
    /// All categories together.
    pub all: Sums,
}

/// Adds up the cost items among `entries` (other kinds are ignored).
pub fn totals<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Totals {
    let mut by: Vec<(&'static str, Sums)> = super::entries::COST_CATEGORIES
        .iter()
        .map(|c| (*c, Sums::default()))
        .collect();
    let mut all = Sums::default();
    for e in entries.into_iter().filter(|e| e.kind == EntryKind::Cost) {
        let cents = |f: &str| e.data.get(f).and_then(|v| v.as_i64()).unwrap_or(0);
        let (amount, vat) = (cents("amount"), cents("vat"));
        let insured = e.data.get("insured").and_then(|v| v.as_bool()) == Some(true);
        let category = e.text("category").unwrap_or("other");
        if let Some((_, s)) = by.iter_mut().find(|(c, _)| *c == category) {
            s.add(amount, vat, insured);
        }
        all.add(amount, vat, insured);
    }
    Totals {
        by_category: by.into_iter().filter(|(_, s)| s.items > 0).collect(),
        all,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::RecordId;
    use crate::{StreamId, money};
    use proptest::prelude::*;
    use serde_json::{Map, Value, json};

    fn cost(category: &str, amount: i64, vat: i64, insured: bool) -> Entry {
        let at: jiff::Timestamp = "2026-12-07T08:00:00Z".parse().expect("moment");
        let mut data = Map::new();
        data.insert("category".into(), Value::from(category));
        data.insert("amount".into(), json!(amount));
        data.insert("vat".into(), json!(vat));
        data.insert("insured".into(), Value::Bool(insured));
        Entry {
            id: RecordId::new(),
            crisis: StreamId::new(),
            kind: EntryKind::Cost,
            title: "Kosten".into(),
            data,
            rev: 1,
            seq: 1,
            created_at: at,
            created_by: "user:x".into(),
            updated_at: at,
            updated_by: "user:x".into(),
            occurred_at: at,
            transcribed: None,
        }
    }

    #[test]
    fn costs_add_up_per_category_in_the_catalogues_order() {
        let items = [
            cost("overtime", 125_050, 0, false),
            cost("external_expertise", 4_500_000, 945_000, true),
            cost("overtime", 99_950, 0, false),
        ];
        let t = totals(&items);
        assert_eq!(t.by_category[0].0, "external_expertise");
        assert_eq!(t.by_category[1].1.amount, 225_000);
        assert_eq!(t.by_category[1].1.items, 2);
        assert_eq!(t.all.amount, 4_725_000);
        assert_eq!(t.all.total(), 5_670_000);
        assert_eq!(t.all.insured, 4_500_000);
        assert_eq!(
            money::display(t.all.total(), crate::Lang::Nl),
            "€ 56.700,00"
        );
    }

    /// A random cost item: category index, amount, VAT, insured.
    type Item = (usize, i64, i64, bool);

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]
        /// Ten thousand random cost items: every category's sums and the whole are exact to
        /// the cent, compared with a sum in 128 bits.
        #[test]
        fn ten_thousand_costs_total_exactly(
            items in proptest::collection::vec(
                (0usize..7, 0i64..1_000_000_000, 0i64..210_000_000, any::<bool>()),
                10_000,
            ),
        ) {
            let cats = super::super::entries::COST_CATEGORIES;
            let entries: Vec<Entry> = items
                .iter()
                .map(|(c, a, v, i)| cost(cats[*c], *a, *v, *i))
                .collect();
            let t = totals(&entries);
            let exact = |f: &dyn Fn(&Item) -> i64| -> i128 {
                items.iter().map(|x| i128::from(f(x))).sum()
            };
            prop_assert_eq!(i128::from(t.all.amount), exact(&|x| x.1));
            prop_assert_eq!(i128::from(t.all.vat), exact(&|x| x.2));
            prop_assert_eq!(i128::from(t.all.insured), exact(&|x| if x.3 { x.1 } else { 0 }));
            for (code, sums) in &t.by_category {
                let c = cats.iter().position(|x| x == code).expect("a category");
                let mine: i128 = items.iter().filter(|x| x.0 == c).map(|x| i128::from(x.1)).sum();
                prop_assert_eq!(i128::from(sums.amount), mine);
            }
            let per_category: i128 = t.by_category.iter().map(|(_, s)| i128::from(s.total())).sum();
            prop_assert_eq!(per_category, i128::from(t.all.total()));
            // What the reader sees reads back to the same cents.
            prop_assert_eq!(
                money::parse_euros(&money::display(t.all.amount, crate::Lang::Nl), i64::MAX),
                Ok(t.all.amount)
            );
        }
    }
}
