//! Amounts of money in euro, held as whole cents (`i64`), never as floating point: typed the
//! Dutch way (`1.250,50`) or the English way (`1,250.50`), shown in the reader's language,
//! and added up exactly.

use crate::Lang;

/// Reads an amount in euro as typed: an optional `€`, digits with `.` or `,` as thousands
/// separators, and at most two decimals after the last separator that is followed by one or
/// two digits. `1.250` and `1,250` are a thousand two hundred and fifty; `12,5` is twelve
/// euro fifty. Negative amounts are refused (`out_of_range`), and so is anything above
/// `max_cents`.
pub fn parse_euros(text: &str, max_cents: i64) -> Result<i64, &'static str> {
    let t: String = text
        .trim()
        .trim_start_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if t.starts_with('-') {
        return Err("out_of_range");
    }
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err("not_an_amount");
    }
    // The decimal separator is the last separator when one or two digits follow it.
    let (whole, decimals) = match t.rfind(['.', ',']) {
        Some(i) if (1..=2).contains(&(t.len() - i - 1)) => (&t[..i], &t[i + 1..]),
        _ => (t.as_str(), ""),
    };
    // Thousands separators stand between groups of three digits.
    let mut groups = whole.split(['.', ',']);
    let first = groups.next().unwrap_or("");
    if first.is_empty() && !whole.is_empty() {
        return Err("not_an_amount");
    }
    let mut digits = first.to_owned();
    for g in groups {
        if g.len() != 3 {
            return Err("not_an_amount");
        }
        digits.push_str(g);
    }
    if digits.is_empty() {
        digits.push('0');
    }
    if digits.len() > 15 {
        return Err("out_of_range");
    }
    let euros: i64 = digits.parse().map_err(|_| "not_an_amount")?;
    let cents: i64 = match decimals.len() {
        0 => 0,
        1 => decimals.parse::<i64>().map_err(|_| "not_an_amount")? * 10,
        _ => decimals.parse().map_err(|_| "not_an_amount")?,
    };
    let total = euros
        .checked_mul(100)
        .and_then(|e| e.checked_add(cents))
        .ok_or("out_of_range")?;
    if total > max_cents {
        return Err("out_of_range");
    }
    Ok(total)
}

/// An amount as typed back into a form: `1250,50` (no thousands separators).
pub fn input_text(cents: i64) -> String {
    format!("{},{:02}", cents / 100, (cents % 100).abs())
}

/// An amount as a reader sees it: `€ 1.250,50` in Dutch, `€1,250.50` in English.
pub fn display(cents: i64, lang: Lang) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (euros, rest) = (abs / 100, abs % 100);
    let (thousands, decimal) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let digits = euros.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(c);
    }
    match lang {
        Lang::Nl => format!("{sign}€ {grouped}{decimal}{rest:02}"),
        Lang::En => format!("{sign}€{grouped}{decimal}{rest:02}"),
    }
}

/// Adds amounts exactly; `None` when the sum would not fit (it never does for real costs).
pub fn sum(amounts: impl IntoIterator<Item = i64>) -> Option<i64> {
    amounts
        .into_iter()
        .try_fold(0i64, |acc, a| acc.checked_add(a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MAX: i64 = 100_000_000_000;

    #[test]
    fn amounts_are_read_the_dutch_and_the_english_way() {
        for (typed, cents) in [
            ("1250", 125_000),
            ("1.250", 125_000),
            ("1,250", 125_000),
            ("1.250,50", 125_050),
            ("1,250.50", 125_050),
            ("€ 12,5", 1_250),
            ("0,07", 7),
            ("1.000.000", 100_000_000),
            ("€\u{a0}3 400,00", 340_000),
        ] {
            assert_eq!(parse_euros(typed, MAX), Ok(cents), "{typed}");
        }
        for typed in ["", "abc", "1,2345", "12.34.5", "1e5", ",5.", "=1+1"] {
            assert!(parse_euros(typed, MAX).is_err(), "{typed}");
        }
        assert_eq!(parse_euros("-5", MAX), Err("out_of_range"));
        assert_eq!(parse_euros("2.000.000.000", MAX), Err("out_of_range"));
    }

    #[test]
    fn amounts_show_in_the_readers_language() {
        assert_eq!(display(125_050, Lang::Nl), "€ 1.250,50");
        assert_eq!(display(125_050, Lang::En), "€1,250.50");
        assert_eq!(display(7, Lang::Nl), "€ 0,07");
        assert_eq!(display(100_000_000, Lang::Nl), "€ 1.000.000,00");
        assert_eq!(input_text(125_050), "1250,50");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Ten thousand amounts, typed as a person types them and shown back, add up to the
        /// cent: nothing is lost to rounding on the way in, out or in the total.
        #[test]
        fn ten_thousand_amounts_add_up_to_the_cent(
            amounts in proptest::collection::vec(0i64..10_000_000, 10_000),
        ) {
            let exact: i128 = amounts.iter().map(|a| i128::from(*a)).sum();
            let typed: Vec<i64> = amounts
                .iter()
                .map(|a| {
                    let shown = display(*a, Lang::Nl);
                    let back = parse_euros(&shown, MAX).expect("reads back");
                    prop_assert_eq!(parse_euros(&input_text(*a), MAX), Ok(*a));
                    Ok(back)
                })
                .collect::<Result<_, TestCaseError>>()?;
            prop_assert_eq!(typed, amounts.clone());
            prop_assert_eq!(sum(amounts).map(i128::from), Some(exact));
        }
    }
}
