//! Words about access: API keys with a scope and an expiry, logging out everywhere, failed
//! logins shown to the account's owner, and what a guest of a crisis may do.

/// (key, Dutch, English)
pub const SECURITY: &[(&str, &str, &str)] = &[
    ("tokens.scope", "Mag", "May"),
    ("tokens.scope.read", "alleen lezen", "read only"),
    ("tokens.scope.write", "lezen en schrijven", "read and write"),
    ("tokens.expires", "Verloopt", "Expires"),
    ("tokens.never", "nooit", "never"),
    ("tokens.expired", "verlopen", "expired"),
    ("tokens.days.7", "over 7 dagen", "in 7 days"),
    ("tokens.days.30", "over 30 dagen", "in 30 days"),
    ("tokens.days.90", "over 90 dagen", "in 90 days"),
    ("tokens.days.365", "over een jaar", "in a year"),
    (
        "account.everywhere",
        "Overal uitloggen",
        "Log out everywhere",
    ),
    (
        "account.everywhere_hint",
        "Beëindigt al uw sessies, ook deze, en trekt al uw API-tokens in. Gebruik dit als een apparaat kwijt is of iemand anders mogelijk heeft ingelogd.",
        "Ends all your sessions, this one too, and revokes all your API tokens. Use it when a device is lost or someone else may have logged in.",
    ),
    (
        "account.failed_logins",
        "Mislukte inlogpogingen op uw account sinds uw laatste aanmelding",
        "Failed login attempts on your account since you last logged in",
    ),
    ("account.failed_last", "laatst op", "last on"),
    (
        "account.failed_advice",
        "Was u dit niet, kies dan een nieuw wachtwoord en log overal uit.",
        "If this was not you, choose a new password and log out everywhere.",
    ),
    (
        "flash.logged_out_everywhere",
        "U bent overal uitgelogd en uw API-tokens zijn ingetrokken.",
        "You were logged out everywhere and your API tokens were revoked.",
    ),
];
