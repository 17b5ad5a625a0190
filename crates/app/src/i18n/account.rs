//! Words of two-step verification: the code at login, the user's own setup, and the
//! administrator's policy and reset.

/// (key, Dutch, English)
pub const ENTRIES: &[(&str, &str, &str)] = &[
    ("mfa.title", "Tweestapsverificatie", "Two-step verification"),
    (
        "mfa.lead",
        "Met tweestapsverificatie is uw wachtwoord alleen niet genoeg om in te loggen: u geeft daarna ook een code van zes cijfers uit een authenticator-app op uw telefoon (bijvoorbeeld FreeOTP, Microsoft Authenticator of Google Authenticator). De BIO vraagt dit voor accounts die vanaf internet bereikbaar zijn.",
        "With two-step verification your password alone is not enough to log in: you also give a six-digit code from an authenticator app on your phone (for example FreeOTP, Microsoft Authenticator or Google Authenticator). The Dutch government baseline (BIO) asks this of accounts reachable from the internet.",
    ),
    (
        "mfa.required.admin",
        "Voor beheerders is tweestapsverificatie verplicht. Stel het in om verder te gaan.",
        "Two-step verification is required for administrators. Set it up to continue.",
    ),
    (
        "mfa.required.workspace",
        "Uw werkruimte vraagt tweestapsverificatie van alle gebruikers. Stel het in om verder te gaan.",
        "Your workspace requires two-step verification of every user. Set it up to continue.",
    ),
    (
        "mfa.flash.required_first",
        "Stel eerst tweestapsverificatie in; daarna kunt u verder.",
        "Set up two-step verification first; then you can continue.",
    ),
    ("mfa.status.heading", "Status", "Status"),
    ("mfa.status.on", "Aan", "On"),
    ("mfa.status.off", "Uit", "Off"),
    (
        "mfa.enrol.start",
        "Tweestapsverificatie instellen",
        "Set up two-step verification",
    ),
    (
        "mfa.enrol.heading",
        "Instellen in drie stappen",
        "Set up in three steps",
    ),
    (
        "mfa.enrol.step_app",
        "Open de authenticator-app op uw telefoon en kies ‘account toevoegen’.",
        "Open the authenticator app on your phone and choose ‘add account’.",
    ),
    (
        "mfa.enrol.step_scan",
        "Scan deze QR-code met de app.",
        "Scan this QR code with the app.",
    ),
    (
        "mfa.enrol.manual",
        "Kunt u niet scannen? Typ dan deze sleutel in de app (tijdgebaseerd, zes cijfers):",
        "Cannot scan? Type this key into the app instead (time-based, six digits):",
    ),
    (
        "mfa.enrol.uri",
        "Het volledige adres voor de app",
        "The full address for the app",
    ),
    (
        "mfa.enrol.step_code",
        "Vul de code van zes cijfers in die de app nu toont.",
        "Enter the six-digit code the app shows now.",
    ),
    ("mfa.enrol.submit", "Bevestigen", "Confirm"),
    (
        "mfa.qr.label",
        "QR-code voor de authenticator-app; de sleutel staat ook als tekst op deze pagina",
        "QR code for the authenticator app; the key is also on this page as text",
    ),
    ("mfa.code.first", "Code uit de app", "Code from the app"),
    (
        "mfa.code.current",
        "Huidige code uit de app (of een herstelcode)",
        "Current code from the app (or a recovery code)",
    ),
    ("mfa.code.title", "Code invullen", "Enter code"),
    (
        "mfa.code.heading",
        "Tweede stap: uw code",
        "Second step: your code",
    ),
    (
        "mfa.code.lead",
        "Uw wachtwoord klopt. Vul nu de code in die uw authenticator-app toont.",
        "Your password is right. Now enter the code your authenticator app shows.",
    ),
    ("mfa.code.label", "Code", "Code"),
    (
        "mfa.code.hint",
        "Zes cijfers uit de app. Telefoon kwijt? Gebruik een van uw herstelcodes (tien tekens).",
        "Six digits from the app. Lost your phone? Use one of your recovery codes (ten characters).",
    ),
    ("mfa.code.submit", "Inloggen", "Log in"),
    (
        "mfa.code.cancel",
        "Annuleren en opnieuw beginnen",
        "Cancel and start again",
    ),
    (
        "mfa.code.wrong",
        "Deze code klopt niet of is al gebruikt. Wacht op de volgende code in de app en probeer het opnieuw.",
        "This code is wrong or was already used. Wait for the next code in the app and try again.",
    ),
    (
        "mfa.demo_hint",
        "Demo: zonder app is de code nu",
        "Demo: without an app the code now is",
    ),
    (
        "mfa.codes.heading",
        "Uw herstelcodes",
        "Your recovery codes",
    ),
    (
        "mfa.codes.once",
        "Bewaar deze codes op papier, bij uw crisismap. Elke code werkt één keer, als u uw telefoon niet bij de hand hebt. Ze worden maar één keer getoond.",
        "Keep these codes on paper, with your crisis folder. Each code works once, when you do not have your phone. They are shown only once.",
    ),
    ("mfa.codes.print", "Afdrukken", "Print"),
    (
        "mfa.codes.left",
        "Ongebruikte herstelcodes",
        "Unused recovery codes",
    ),
    ("mfa.codes.new", "Nieuwe herstelcodes", "New recovery codes"),
    (
        "mfa.codes.new.submit",
        "Nieuwe herstelcodes maken (de oude vervallen)",
        "Make new recovery codes (the old ones stop working)",
    ),
    ("mfa.off.heading", "Uitzetten", "Switch off"),
    (
        "mfa.off.not_allowed",
        "Uitzetten kan niet: uw rol of uw werkruimte vraagt tweestapsverificatie. Nieuwe telefoon? Vraag een beheerder de tweestapsverificatie te herstellen; daarna stelt u die opnieuw in.",
        "You cannot switch it off: your role or your workspace requires two-step verification. New phone? Ask an administrator to reset two-step verification; then set it up again.",
    ),
    (
        "mfa.off.refused",
        "Tweestapsverificatie blijft aan: uw rol of werkruimte vraagt erom.",
        "Two-step verification stays on: your role or workspace requires it.",
    ),
    (
        "mfa.off.submit",
        "Tweestapsverificatie uitzetten",
        "Switch off two-step verification",
    ),
    (
        "mfa.back_to_account",
        "Terug naar uw account",
        "Back to your account",
    ),
    (
        "mfa.flash.enrolled",
        "Tweestapsverificatie staat aan. Bij de volgende keer inloggen vraagt crisismap om een code.",
        "Two-step verification is on. At your next login crisismap asks for a code.",
    ),
    (
        "mfa.flash.new_codes",
        "Nieuwe herstelcodes gemaakt; de oude werken niet meer.",
        "New recovery codes made; the old ones no longer work.",
    ),
    (
        "flash.mfa_off",
        "Tweestapsverificatie staat uit.",
        "Two-step verification is off.",
    ),
    (
        "flash.mfa_started",
        "Scan de QR-code en bevestig met een code uit de app.",
        "Scan the QR code and confirm with a code from the app.",
    ),
    (
        "flash.recovery_code_used",
        "U bent ingelogd met een herstelcode; die werkt nu niet meer. Maak zo nodig nieuwe herstelcodes, of stel de app opnieuw in.",
        "You logged in with a recovery code; it no longer works. Make new recovery codes if needed, or set up the app again.",
    ),
    (
        "flash.mfa_reset",
        "Tweestapsverificatie hersteld: de gebruiker is uitgelogd en stelt die bij de volgende keer inloggen opnieuw in.",
        "Two-step verification reset: the user was logged out and sets it up again at the next login.",
    ),
    (
        "flash.mfa_policy_changed",
        "De regel voor tweestapsverificatie is opgeslagen.",
        "The two-step verification rule was saved.",
    ),
    (
        "account.mfa",
        "Tweestapsverificatie",
        "Two-step verification",
    ),
    (
        "account.mfa.desc",
        "Een code uit een app op uw telefoon naast uw wachtwoord.",
        "A code from an app on your phone besides your password.",
    ),
    ("users.mfa", "Tweestaps", "Two-step"),
    ("users.mfa.on", "aan", "on"),
    ("users.mfa.off", "uit", "off"),
    ("users.mfa.reset", "Tweestaps herstellen", "Reset two-step"),
    (
        "users.mfa.reset_confirm",
        "Tweestapsverificatie van deze gebruiker herstellen? De gebruiker wordt uitgelogd en stelt die opnieuw in.",
        "Reset this user's two-step verification? The user is logged out and sets it up again.",
    ),
    (
        "users.mfa.policy",
        "Tweestapsverificatie",
        "Two-step verification",
    ),
    (
        "users.mfa.policy.lead",
        "Beheerders gebruiken altijd tweestapsverificatie. Kies of de werkruimte het ook van alle andere gebruikers (en gasten) vraagt; wie het nog niet heeft, stelt het in bij de volgende pagina die hij opent.",
        "Administrators always use two-step verification. Choose whether the workspace also requires it of every other user (and guests); whoever does not have it yet sets it up on the next page they open.",
    ),
    (
        "users.mfa.policy.admins",
        "Verplicht voor beheerders",
        "Required for administrators",
    ),
    (
        "users.mfa.policy.all",
        "Verplicht voor alle gebruikers",
        "Required for every user",
    ),
    ("users.mfa.policy.save", "Opslaan", "Save"),
];
