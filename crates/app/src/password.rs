//! Password hashing with argon2id, and random secrets (one-time passwords, tokens, session ids).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};

/// How expensive hashing is. `Default` follows the OWASP recommendation for argon2id
/// (19 MiB, 2 passes); `Fast` exists only so that test suites that log in hundreds of times
/// stay quick. The verification path is the same for both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordCost {
    /// The OWASP recommendation: 19 MiB of memory, 2 passes.
    Default,
    /// Cheap hashing, for test suites only.
    Fast,
}

fn argon(cost: PasswordCost) -> Argon2<'static> {
    let params = match cost {
        PasswordCost::Default => Params::new(19 * 1024, 2, 1, None),
        PasswordCost::Fast => Params::new(1024, 1, 1, None),
    }
    .unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// An argon2id hash of a password with a fresh salt, in PHC string form (empty if hashing fails).
pub fn hash_password(password: &str, cost: PasswordCost) -> String {
    let salt = SaltString::generate(&mut OsRng);
    argon(cost)
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .unwrap_or_default()
}

/// Verifies against the parameters stored in the hash itself.
pub fn verify_password(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash of a password nobody knows, verified when the account does not exist so that
/// the answer takes as long as for a real account.
pub fn dummy_hash(cost: PasswordCost) -> String {
    // Made once per cost and kept: hashing anew for every unknown account would make the
    // answer for an unknown account take twice as long as for a known one.
    static DEFAULT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    static FAST: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let cell = match cost {
        PasswordCost::Default => &DEFAULT,
        PasswordCost::Fast => &FAST,
    };
    cell.get_or_init(|| hash_password(&random_token(), cost))
        .clone()
}

/// A random secret of 256 bits, hex-encoded.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A one-time password that is easy to read aloud over a phone: 4 groups of 4 characters
/// without look-alikes (about 80 bits).
pub fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut out = String::with_capacity(19);
    for group in 0..4 {
        if group > 0 {
            out.push('-');
        }
        for _ in 0..4 {
            let i = (OsRng.next_u32() as usize) % ALPHABET.len();
            out.push(ALPHABET[i] as char);
        }
    }
    out
}

/// Secrets are stored only as their SHA-256.
pub fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Compares two secrets without revealing where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The rules for a new password: long enough to resist guessing, not absurdly long.
pub fn check_new_password(password: &str) -> Result<(), &'static str> {
    let n = password.chars().count();
    if n < 12 {
        return Err("password-too_short");
    }
    if n > 256 {
        return Err("password-too_long");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_only_against_its_own_hash() {
        let h = hash_password("correct horse battery", PasswordCost::Fast);
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("correct horse batterY", &h));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn one_time_passwords_are_readable_and_differ() {
        let a = random_password();
        assert_eq!(a.len(), 19);
        assert!(!a.contains(['0', 'o', '1', 'l', 'i']));
        assert_ne!(a, random_password());
        assert!(check_new_password(&a).is_ok());
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }
}
