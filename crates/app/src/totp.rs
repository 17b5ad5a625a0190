//! Time-based one-time passwords (RFC 6238: HMAC-SHA1, six digits, 30-second steps, one
//! step of clock skew either way), their enrolment QR code drawn on the server as SVG, and
//! recovery codes.

use rand::rngs::OsRng;
use rand::{Rng, RngCore};
use totp_rs::{Builder, Secret, Totp};

/// How many recovery codes an enrolment hands out.
pub const RECOVERY_CODES: usize = 10;

/// A fresh secret of 160 bits (the size RFC 4226 recommends), base32 without padding.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    OsRng.fill_bytes(&mut bytes);
    Secret::from(bytes).to_base32()
}

/// Colons separate issuer and account in an otpauth label; they may not appear in either.
fn label_part(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| if c == ':' || c.is_control() { ' ' } else { c })
        .collect();
    cleaned.trim().chars().take(100).collect()
}

fn totp(secret: &str, account: &str, issuer: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret).ok()?;
    let issuer = label_part(issuer);
    Builder::new()
        .with_secret(secret)
        .with_account_name(label_part(account))
        .with_issuer((!issuer.is_empty()).then_some(issuer))
        .build()
        .ok()
}

/// Sets up a confirmed second factor with `secret` (a fresh one when `None`) and these
/// recovery codes: the demo's administrator, whose code the demo shows on the page, and
/// test accounts.
pub async fn enrol_totp(
    store: &crisismap_store::Store,
    user: crisismap_core::UserId,
    secret: Option<&str>,
    recovery_codes: &[String],
) -> Result<(), crisismap_store::StoreError> {
    let secret = secret.map_or_else(new_secret, str::to_owned);
    store.begin_totp(user, &secret).await?;
    let hashes: Vec<String> = recovery_codes
        .iter()
        .map(|c| recovery_code_hash(c))
        .collect();
    store.confirm_totp(user, 0, &hashes).await
}

/// The address an authenticator app reads from the QR code.
pub fn otpauth_uri(secret: &str, account: &str, issuer: &str) -> Option<String> {
    totp(secret, account, issuer)?.to_url().ok()
}

/// The secret in groups of four, for typing it into an app by hand.
pub fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The QR code of `uri` as an SVG element (no script, no external references), labelled
/// for screen readers; the page also shows the secret as text.
pub fn qr_svg(uri: &str, label: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(uri, qrcode::EcLevel::M).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .dark_color(qrcode::render::svg::Color("#000000"))
        .light_color(qrcode::render::svg::Color("#ffffff"))
        .build();
    // Drop the XML declaration and give the picture its accessible name.
    let start = svg.find("<svg")?;
    let label = askama_escape(label);
    Some(svg[start..].replacen(
        "<svg",
        &format!("<svg role=\"img\" aria-label=\"{label}\" class=\"qr\""),
        1,
    ))
}

fn askama_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

/// Seconds per code (RFC 6238's default, what every authenticator app uses).
const STEP: i64 = 30;

/// The time step whose code `code` is, when it is valid at `now` (unix seconds) within one
/// step either way. Spaces in the typed code are ignored.
pub fn check(secret: &str, code: &str, now: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let now = u64::try_from(now).ok()?;
    let step = totp(secret, "", "")?.check(&code, now)?;
    i64::try_from(step).ok()
}

/// The code an app shows at `now` (for the demo's hint and for tests).
pub fn code_at(secret: &str, now: i64) -> Option<String> {
    let now = u64::try_from(now).ok()?;
    Some(totp(secret, "", "")?.generate(now).to_string())
}

/// The code that will be accepted at `now` when every step up to `last_step` has been used:
/// the current step's, or the next step's (one step of skew allows it) when the current one
/// was just used. `None` when both have been used; the next step then brings a new code.
/// The demo's hint shows this, so that two logins within half a minute both get in.
pub fn next_code(secret: &str, last_step: i64, now: i64) -> Option<String> {
    let current = now.div_euclid(STEP);
    let step = current.max(last_step.checked_add(1)?);
    if step > current + 1 {
        return None;
    }
    code_at(secret, step.checked_mul(STEP)?)
}

/// Ten recovery codes of ten characters (50 bits each), written `abcde-fghij`.
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    (0..RECOVERY_CODES)
        .map(|_| {
            let chars: String = (0..10)
                .map(|_| ALPHABET[OsRng.gen_range(0..ALPHABET.len())] as char)
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// A typed recovery code as it is hashed: lower case, without spaces or dashes.
pub fn normalise_recovery_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .take(64)
        .collect()
}

/// The stored form of a recovery code (SHA-256 of its normalised text; the codes carry
/// 50 bits of chance each, so a fast hash suffices).
pub fn recovery_code_hash(code: &str) -> String {
    crate::password::secret_hash(&normalise_recovery_code(code))
}

/// Whether a typed second factor looks like a recovery code rather than a TOTP code.
pub fn looks_like_recovery_code(typed: &str) -> bool {
    normalise_recovery_code(typed).len() == 10
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890", eight digits there;
    /// the last six digits are the six-digit code.
    #[test]
    fn codes_match_the_rfc_test_vectors() {
        let secret = Secret::from(b"12345678901234567890".to_vec()).to_base32();
        for (time, eight) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
        ] {
            assert_eq!(
                code_at(&secret, time).as_deref(),
                Some(&eight[2..]),
                "at {time}"
            );
            assert_eq!(check(&secret, &eight[2..], time), Some(time / 30));
        }
    }

    #[test]
    fn a_code_is_valid_one_step_either_way_and_not_beyond() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&secret, now).expect("code");
        assert_eq!(check(&secret, &code, now + 30), Some(now / 30));
        assert_eq!(check(&secret, &code, now - 30), Some(now / 30));
        assert_eq!(check(&secret, &code, now + 90), None);
        assert_eq!(check(&secret, "12 34 5", now), None, "five digits");
        assert_eq!(check(&secret, "abcdef", now), None);
        assert_eq!(check("not base32!", &code, now), None);
    }

    #[test]
    fn the_demo_hint_gives_the_next_code_that_is_not_yet_used() {
        let secret = new_secret();
        let now = 1_800_000_010;
        let step = now / 30;
        let fresh = next_code(&secret, 0, now).expect("nothing used yet");
        assert_eq!(check(&secret, &fresh, now), Some(step));
        let after_one = next_code(&secret, step, now).expect("the next step is allowed");
        assert_eq!(check(&secret, &after_one, now), Some(step + 1));
        assert_eq!(next_code(&secret, step + 1, now), None, "both used");
        assert_eq!(
            next_code(&secret, step + 1, now + 30).as_deref(),
            code_at(&secret, now + 60).as_deref(),
            "half a minute later the step after that is free"
        );
        assert_eq!(next_code(&secret, i64::MAX, now), None);
    }

    #[test]
    fn the_uri_and_qr_code_carry_the_account_without_breaking_the_label() {
        let secret = new_secret();
        let uri =
            otpauth_uri(&secret, "ada@voorbeeld.nl", "crisismap: Gemeente Voorbeeld").expect("uri");
        assert!(uri.starts_with("otpauth://totp/"), "{uri}");
        assert!(uri.contains(&format!("secret={secret}")), "{uri}");
        let svg = qr_svg(&uri, "QR-code \"tweestaps\"").expect("svg");
        assert!(svg.starts_with("<svg role=\"img\""), "{svg}");
        assert!(svg.contains("&quot;tweestaps&quot;"));
        assert!(!svg.contains("<script"));
        assert_eq!(grouped("ABCDEFGHIJ"), "ABCD EFGH IJ");
    }

    #[test]
    fn recovery_codes_are_distinct_and_typed_forgivingly() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let distinct: std::collections::BTreeSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), RECOVERY_CODES);
        let typed = format!(" {} ", codes[0].to_uppercase().replace('-', " "));
        assert_eq!(
            normalise_recovery_code(&typed),
            codes[0].replace('-', ""),
            "case, spaces and dashes do not matter"
        );
        assert!(looks_like_recovery_code(&codes[0]));
        assert!(!looks_like_recovery_code("123456"));
    }
}
