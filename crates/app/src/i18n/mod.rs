//! The words of the interface, in Dutch (first) and English. Keys are stable; a missing key
//! shows as `⟦?⟧` and is caught by the tests that render every page.

mod account;
mod crisis;
mod record;
mod register;
mod security;

use crisismap_core::{Lang, Role};
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub Lang);

pub const MISSING: &str = "⟦?⟧";

impl Tr {
    pub fn t(&self, key: &str) -> &'static str {
        match TABLE.get(key) {
            Some((nl, en)) => match self.0 {
                Lang::Nl => nl,
                Lang::En => en,
            },
            None => {
                tracing::warn!(key, "missing translation");
                MISSING
            }
        }
    }

    /// The message a redirect asked for (`?melding=key`), only when the page expects that key:
    /// never text from the address itself.
    pub fn flash(&self, asked: Option<&str>, allowed: &[&str]) -> Option<&'static str> {
        asked
            .filter(|m| allowed.contains(m))
            .map(|m| self.t(&format!("flash.{m}")))
    }

    /// A text that may not exist (optional hints).
    pub fn try_t(&self, key: &str) -> Option<&'static str> {
        TABLE.get(key).map(|(nl, en)| match self.0 {
            Lang::Nl => *nl,
            Lang::En => *en,
        })
    }

    pub fn role(&self, role: Role) -> &'static str {
        self.t(match role {
            Role::Admin => "role.admin",
            Role::Editor => "role.editor",
            Role::Member => "role.member",
            Role::Viewer => "role.viewer",
        })
    }
}

static TABLE: LazyLock<HashMap<&'static str, (&'static str, &'static str)>> = LazyLock::new(|| {
    ENTRIES
        .iter()
        .chain(self::register::ENTRIES)
        .chain(self::crisis::ENTRIES)
        .chain(self::record::RECORD)
        .chain(self::security::SECURITY)
        .chain(self::account::ENTRIES)
        .map(|(k, nl, en)| (*k, (*nl, *en)))
        .collect()
});

/// (key, Dutch, English)
pub const ENTRIES: &[(&str, &str, &str)] = &[
    // Navigation and frame
    ("a11y.skip", "Naar de inhoud", "Skip to content"),
    ("nav.label", "Hoofdmenu", "Main menu"),
    ("nav.overview", "Overzicht", "Overview"),
    ("nav.prepare", "Voorbereiden", "Prepare"),
    ("nav.crisis", "Crisis", "Crisis"),
    ("nav.aftermath", "Nafase", "Aftermath"),
    ("nav.exercise", "Oefenen", "Exercise"),
    ("nav.print", "Afdrukken", "Print"),
    ("nav.admin", "Beheer", "Administration"),
    ("nav.logout", "Uitloggen", "Log out"),
    (
        "footer.tagline",
        "voorbereiden op, omgaan met en leren van digitale ontwrichting",
        "preparing for, handling and learning from digital disruption",
    ),
    ("footer.accessibility", "Toegankelijkheid", "Accessibility"),
    ("action.print", "Afdrukken", "Print"),
    ("action.save", "Opslaan", "Save"),
    (
        "empty.nothing_yet",
        "Nog niets vastgelegd.",
        "Nothing recorded yet.",
    ),
    (
        "form.problem",
        "Er is iets niet in orde",
        "There is a problem",
    ),
    // Roles
    ("role.admin", "beheerder", "administrator"),
    ("role.editor", "redacteur", "editor"),
    ("role.member", "deelnemer", "member"),
    ("role.viewer", "meelezer", "viewer"),
    // Fields
    ("field.email", "E-mailadres", "E-mail address"),
    ("field.password", "Wachtwoord", "Password"),
    ("field.display_name", "Naam", "Name"),
    ("field.role", "Rol", "Role"),
    // Field errors (codes from the domain)
    ("error.required", "Vul dit veld in.", "Fill in this field."),
    ("error.too_long", "Dit is te lang.", "This is too long."),
    (
        "error.control_characters",
        "Dit bevat onzichtbare stuurtekens; typ het opnieuw.",
        "This contains invisible control characters; type it again.",
    ),
    (
        "error.invalid_email",
        "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.",
        "Enter a valid e-mail address, such as name@municipality.nl.",
    ),
    (
        "error.unknown_role",
        "Kies een van de rollen uit de lijst.",
        "Choose one of the roles in the list.",
    ),
    (
        "error.email_taken",
        "Er is al een gebruiker met dit e-mailadres.",
        "A user with this e-mail address already exists.",
    ),
    (
        "error.last_admin",
        "Dit kan niet: de werkruimte moet minstens één actieve beheerder houden.",
        "Not possible: the workspace must keep at least one active administrator.",
    ),
    (
        "error.unknown_user",
        "Deze gebruiker bestaat niet (meer).",
        "This user does not exist (any more).",
    ),
    (
        "error.invalid_json_shape",
        "De gegevens hebben niet de verwachte vorm.",
        "The data does not have the expected shape.",
    ),
    // Error pages
    ("error.home", "Naar het overzicht", "Go to the overview"),
    (
        "error.400.heading",
        "Dit verzoek klopt niet",
        "This request is not valid",
    ),
    (
        "error.400.text",
        "De gegevens konden niet worden gelezen. Ga terug en probeer het opnieuw.",
        "The data could not be read. Go back and try again.",
    ),
    ("error.403.heading", "Geen toegang", "No access"),
    (
        "error.403.text",
        "U heeft geen rechten voor deze pagina of handeling, of het formulier was verlopen. Ga terug, vernieuw de pagina en probeer het opnieuw. Nodig? Vraag de beheerder om een andere rol.",
        "You are not allowed to see this page or do this, or the form had expired. Go back, reload the page and try again. Need access? Ask the administrator for another role.",
    ),
    (
        "error.404.heading",
        "Pagina niet gevonden",
        "Page not found",
    ),
    (
        "error.404.text",
        "Deze pagina bestaat niet, of is niet van uw werkruimte.",
        "This page does not exist, or does not belong to your workspace.",
    ),
    (
        "error.405.heading",
        "Dit kan hier niet",
        "Not possible here",
    ),
    (
        "error.405.text",
        "Deze pagina ondersteunt deze handeling niet.",
        "This page does not support this action.",
    ),
    (
        "error.408.heading",
        "Dit duurde te lang",
        "This took too long",
    ),
    (
        "error.408.text",
        "Het verzoek is afgebroken. Probeer het opnieuw.",
        "The request was stopped. Try again.",
    ),
    (
        "error.409.heading",
        "Dit botst met een andere wijziging",
        "This conflicts with another change",
    ),
    (
        "error.409.text",
        "Iemand anders heeft intussen iets gewijzigd. Vernieuw de pagina en probeer het opnieuw.",
        "Someone else changed something in the meantime. Reload the page and try again.",
    ),
    ("error.413.heading", "Te groot", "Too large"),
    (
        "error.413.text",
        "Wat u verstuurde is groter dan de server aanneemt. Maak het kleiner of verdeel het.",
        "What you sent is larger than the server accepts. Make it smaller or split it.",
    ),
    ("error.415.heading", "Onbekend formaat", "Unknown format"),
    (
        "error.415.text",
        "De server kan dit formaat niet lezen.",
        "The server cannot read this format.",
    ),
    (
        "error.422.heading",
        "Niet alle gegevens kloppen",
        "Not all data is valid",
    ),
    (
        "error.422.text",
        "Ga terug en controleer de gegevens.",
        "Go back and check the data.",
    ),
    ("error.429.heading", "Te veel pogingen", "Too many attempts"),
    (
        "error.429.text",
        "Wacht even en probeer het dan opnieuw.",
        "Wait a while and try again.",
    ),
    (
        "error.500.heading",
        "Er ging iets mis",
        "Something went wrong",
    ),
    (
        "error.500.text",
        "Dit is een fout in crisismap, niet in wat u deed. De fout is vastgelegd. Probeer het opnieuw; houd de papieren crisismap bij de hand.",
        "This is a fault in crisismap, not in what you did. It has been logged. Try again; keep the paper crisis folder at hand.",
    ),
    // Login and password
    ("login.title", "Inloggen", "Log in"),
    (
        "login.heading",
        "Inloggen bij crisismap",
        "Log in to crisismap",
    ),
    (
        "login.lead",
        "Voor de crisisorganisatie van uw gemeente: voorbereiden, de crisis voeren en verantwoorden.",
        "For your municipality's crisis organisation: prepare, run the crisis, render account.",
    ),
    ("login.submit", "Inloggen", "Log in"),
    (
        "login.failed",
        "E-mailadres of wachtwoord onjuist, of het account is uitgeschakeld.",
        "Wrong e-mail address or password, or the account is disabled.",
    ),
    (
        "login.throttled",
        "Te veel mislukte pogingen. Probeer het over een kwartier opnieuw, of vraag de beheerder om een nieuw wachtwoord.",
        "Too many failed attempts. Try again in a quarter of an hour, or ask the administrator for a new password.",
    ),
    (
        "login.logged_out",
        "U bent uitgelogd.",
        "You have logged out.",
    ),
    ("password.title", "Wachtwoord wijzigen", "Change password"),
    (
        "password.required",
        "Kies eerst een eigen wachtwoord. Het wachtwoord dat u kreeg, was eenmalig.",
        "First choose a password of your own. The password you were given was for one use only.",
    ),
    ("password.current", "Huidig wachtwoord", "Current password"),
    ("password.new", "Nieuw wachtwoord", "New password"),
    (
        "password.repeat",
        "Nieuw wachtwoord nogmaals",
        "New password again",
    ),
    (
        "password.rules",
        "Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.",
        "At least 12 characters. A sentence of a few words is strong and easy to remember.",
    ),
    ("password.submit", "Wachtwoord opslaan", "Save password"),
    (
        "password.wrong_current",
        "Het huidige wachtwoord klopt niet.",
        "The current password is not correct.",
    ),
    (
        "password.too_short",
        "Het nieuwe wachtwoord moet minstens 12 tekens hebben.",
        "The new password must have at least 12 characters.",
    ),
    (
        "password.too_long",
        "Het nieuwe wachtwoord mag hoogstens 256 tekens hebben.",
        "The new password may have at most 256 characters.",
    ),
    (
        "password.same_as_old",
        "Kies een ander wachtwoord dan het huidige.",
        "Choose a password other than the current one.",
    ),
    (
        "password.mismatch",
        "De twee nieuwe wachtwoorden zijn niet gelijk.",
        "The two new passwords differ.",
    ),
    // Flash messages
    (
        "flash.password_changed",
        "Uw wachtwoord is gewijzigd.",
        "Your password has been changed.",
    ),
    (
        "flash.role_changed",
        "De rol is gewijzigd.",
        "The role has been changed.",
    ),
    (
        "flash.user_disabled",
        "De gebruiker is uitgeschakeld; alle sessies en tokens van deze gebruiker zijn beëindigd.",
        "The user has been disabled; all their sessions and tokens have ended.",
    ),
    (
        "flash.user_enabled",
        "De gebruiker is weer ingeschakeld.",
        "The user has been enabled again.",
    ),
    (
        "flash.language_changed",
        "De taal is gewijzigd.",
        "The language has been changed.",
    ),
    (
        "flash.token_revoked",
        "Het token is ingetrokken.",
        "The token has been revoked.",
    ),
    // Dashboard
    ("dashboard.title", "Overzicht", "Overview"),
    (
        "dashboard.crises",
        "Lopende crises en oefeningen",
        "Running crises and exercises",
    ),
    (
        "dashboard.crises.empty",
        "Er loopt op dit moment geen crisis of oefening.",
        "No crisis or exercise is running at the moment.",
    ),
    (
        "dashboard.oncall",
        "Nu bereikbaar (piket)",
        "Reachable now (on call)",
    ),
    (
        "dashboard.oncall.empty",
        "Nog geen piketroosters vastgelegd.",
        "No on-call rosters recorded yet.",
    ),
    ("dashboard.readiness", "Gereedheid", "Readiness"),
    (
        "dashboard.readiness.empty",
        "Nog geen gereedheidscontrole vastgelegd.",
        "No readiness check recorded yet.",
    ),
    ("dashboard.due", "Vraagt aandacht", "Needs attention"),
    ("dashboard.due.flagged", "vragen aandacht", "need attention"),
    (
        "dashboard.due.empty",
        "Niets dat nu aandacht vraagt.",
        "Nothing needs attention now.",
    ),
    (
        "dashboard.upcoming",
        "Komende overleggen en oefeningen",
        "Upcoming meetings and exercises",
    ),
    (
        "dashboard.upcoming.empty",
        "Nog niets gepland.",
        "Nothing planned yet.",
    ),
    ("dashboard.record", "Vastlegging", "Record"),
    ("dashboard.record.users", "Gebruikers", "Users"),
    (
        "dashboard.record.events",
        "Vastgelegde gebeurtenissen",
        "Recorded events",
    ),
    (
        "dashboard.record.verify",
        "Controleer de vastlegging",
        "Verify the record",
    ),
    // Sections
    ("section.prepare.title", "Voorbereiden", "Prepare"),
    (
        "section.prepare.lead",
        "Wat in de koude en lauwe fase klaar moet staan, volgens de VNG-handreiking ‘(voorbereiding op) digitale ontwrichting’.",
        "What must be ready in the cold and lukewarm phase, following the VNG guidance on (preparing for) digital disruption.",
    ),
    ("section.crisis.title", "Crisis", "Crisis"),
    (
        "section.crisis.lead",
        "De crisiskamer voor de lauwe en warme fase: beeld, logboek, besluiten, acties en communicatie.",
        "The crisis room for the lukewarm and warm phase: picture, log, decisions, actions and communication.",
    ),
    ("section.aftermath.title", "Nafase", "Aftermath"),
    (
        "section.aftermath.lead",
        "Herstel, evaluatie en verantwoording nadat de acute crisis voorbij is.",
        "Recovery, evaluation and accountability after the acute crisis.",
    ),
    ("section.exercise.title", "Oefenen", "Exercise"),
    (
        "section.exercise.lead",
        "Oefenen met leerdoelen, structureel geborgd in het OTO-plan.",
        "Exercising with learning goals, embedded in the training and exercise plan.",
    ),
    ("section.print.title", "Afdrukken", "Print"),
    (
        "section.print.lead",
        "Papier werkt als het netwerk het niet doet.",
        "Paper works when the network does not.",
    ),
    ("part.contacts.title", "Contacten", "Contacts"),
    (
        "part.contacts.desc",
        "Wie u nodig heeft, met nummers en een terugvalkanaal als mail en telefoon uitvallen.",
        "Who you need, with numbers and a fallback channel for when mail and phones fail.",
    ),
    (
        "part.organisations.title",
        "Organisaties en partners",
        "Organisations and partners",
    ),
    (
        "part.organisations.desc",
        "Veiligheidsregio, politie, OM, IBD, leveranciers, en de verwachtingen die u over en weer afsprak.",
        "Safety region, police, prosecutor, IBD, suppliers, and the expectations agreed both ways.",
    ),
    ("part.teams.title", "Teams", "Teams"),
    (
        "part.teams.desc",
        "Calamiteitenteam, lokale driehoek en beleidsteam, met leden en vervangers.",
        "Calamity team, local triangle and policy team, with members and deputies.",
    ),
    ("part.oncall.title", "Piket", "On call"),
    (
        "part.oncall.desc",
        "Wie buiten kantoortijden bereikbaar is, ook de CISO.",
        "Who can be reached outside office hours, the CISO included.",
    ),
    ("part.escalation.title", "Opschaling", "Escalation"),
    (
        "part.escalation.desc",
        "Wanneer u opschaalt, van welk team naar welk, en wie wie informeert.",
        "When to scale up, from which team to which, and who informs whom.",
    ),
    (
        "part.processes.title",
        "Processen en diensten",
        "Processes and services",
    ),
    (
        "part.processes.desc",
        "De eigen processen van de gemeente en de volgorde waarin ze hersteld moeten worden.",
        "The municipality's own processes and the order in which they must be restored.",
    ),
    (
        "part.risk.title",
        "Risico-organisaties en afhankelijkheden",
        "Risk organisations and dependencies",
    ),
    (
        "part.risk.desc",
        "Organisaties waarvan digitale uitval gevolgen heeft in de fysieke wereld, en hoe die doorwerken.",
        "Organisations whose digital failure has physical effects, and how those spread.",
    ),
    ("part.meetings.title", "Overleggen", "Meetings"),
    (
        "part.meetings.desc",
        "Periodiek overleg met de CISO en de portefeuillehouders.",
        "Periodic meetings with the CISO and the portfolio holders.",
    ),
    (
        "part.plans.title",
        "Plannen en documenten",
        "Plans and documents",
    ),
    (
        "part.plans.desc",
        "Integraal veiligheidsplan, crisisplan, continuïteitsplan en waar de papieren versie ligt.",
        "Integral safety plan, crisis plan, continuity plan and where the paper copy is.",
    ),
    ("part.readiness.title", "Gereedheid", "Readiness"),
    (
        "part.readiness.desc",
        "De aandachtspunten van de handreiking als controlelijst, met bewijs.",
        "The guidance's points of attention as a checklist, with evidence.",
    ),
    ("part.library.title", "Bibliotheek", "Library"),
    (
        "part.library.desc",
        "De publicaties waar de handreiking naar verwijst, op één plek.",
        "The publications the guidance refers to, in one place.",
    ),
    ("part.crises.title", "Crises", "Crises"),
    (
        "part.crises.desc",
        "Lopende en afgesloten crises en oefeningen.",
        "Running and closed crises and exercises.",
    ),
    ("part.recovery.title", "Herstel", "Recovery"),
    (
        "part.recovery.desc",
        "Het vaak lange herstel van systemen en diensten.",
        "The often long recovery of systems and services.",
    ),
    (
        "part.evaluation.title",
        "Evaluatie en leerpunten",
        "Evaluation and lessons",
    ),
    (
        "part.evaluation.desc",
        "Wat ging goed, wat kan beter, en wat verandert er in de plannen.",
        "What went well, what can improve, and what changes in the plans.",
    ),
    (
        "part.accountability.title",
        "Verantwoording (raad)",
        "Accountability (council)",
    ),
    (
        "part.accountability.desc",
        "Het besluitenverslag voor de gemeenteraad, met controle op de vastlegging.",
        "The decision record for the city council, with verification of the record.",
    ),
    (
        "part.costs.title",
        "Kosten, juridisch en verzekering",
        "Costs, legal and insurance",
    ),
    (
        "part.costs.desc",
        "Wat de crisis kostte, en de juridische en verzekeringskant.",
        "What the crisis cost, and the legal and insurance side.",
    ),
    ("part.aftercare.title", "Nazorg", "Aftercare"),
    (
        "part.aftercare.desc",
        "Aandacht voor de medewerkers die de crisis droegen.",
        "Care for the staff who carried the crisis.",
    ),
    (
        "part.exercise_plan.title",
        "Oefenplan (OTO)",
        "Exercise plan",
    ),
    (
        "part.exercise_plan.desc",
        "Welke oefeningen wanneer, met welke leerdoelen.",
        "Which exercises when, with which learning goals.",
    ),
    ("part.exercise_scenarios.title", "Scenario's", "Scenarios"),
    (
        "part.exercise_scenarios.desc",
        "Oefenscenario's voor ambtelijk en bestuurlijk niveau.",
        "Exercise scenarios for civil-service and administrative level.",
    ),
    ("part.injects.title", "Draaiboek", "Injects"),
    (
        "part.injects.desc",
        "De berichten die de oefenleiding op tijd inspeelt.",
        "The messages the exercise control team plays in on time.",
    ),
    (
        "part.exercise_running.title",
        "Lopende oefening",
        "Running exercise",
    ),
    (
        "part.exercise_running.desc",
        "Een oefening draait als een crisis, met een duidelijke OEFENING-markering.",
        "An exercise runs like a crisis, clearly marked as an exercise.",
    ),
    ("part.exercise_evaluation.title", "Evaluatie", "Evaluation"),
    (
        "part.exercise_evaluation.desc",
        "Waarnemingen en leerpunten uit de oefening.",
        "Observations and lessons from the exercise.",
    ),
    ("part.print_folder.title", "Crisismap", "Crisis folder"),
    (
        "part.print_folder.desc",
        "Alles uit de voorbereiding op papier, altijd actueel.",
        "Everything from preparation on paper, always current.",
    ),
    (
        "part.print_sitrep.title",
        "Situatierapport",
        "Situation report",
    ),
    (
        "part.print_sitrep.desc",
        "De stand van een crisis op één moment.",
        "The state of a crisis at one moment.",
    ),
    (
        "part.print_decisions.title",
        "Besluitenlijst",
        "Decision list",
    ),
    (
        "part.print_decisions.desc",
        "Alle besluiten met overwegingen, met de controle van de vastlegging.",
        "All decisions with considerations, with the verification of the record.",
    ),
    ("part.print_forms.title", "Lege formulieren", "Blank forms"),
    (
        "part.print_forms.desc",
        "Logboek, besluitenlijst en presentielijst om met de hand in te vullen.",
        "Log, decision list and attendance list to fill in by hand.",
    ),
    // Administration
    ("admin.title", "Beheer", "Administration"),
    (
        "admin.users.desc",
        "Wie toegang heeft, met welke rol.",
        "Who has access, with which role.",
    ),
    (
        "admin.tokens.desc",
        "Persoonlijke sleutels voor de API, onder Account.",
        "Personal keys for the API, under Account.",
    ),
    (
        "admin.verify.desc",
        "Controleer of de vastgelegde geschiedenis ongeschonden is.",
        "Check that the recorded history is intact.",
    ),
    (
        "admin.audit.desc",
        "Aanmeldingen en geweigerde verzoeken.",
        "Logins and refused requests.",
    ),
    ("admin.backup", "Back-up", "Backup"),
    (
        "admin.backup.desc",
        "Maak een back-up van de map met gegevens (crisismap.db en de bestanden ernaast) of van de PostgreSQL-database; zie de README.",
        "Back up the data folder (crisismap.db and the files beside it) or the PostgreSQL database; see the README.",
    ),
    ("users.title", "Gebruikers en rollen", "Users and roles"),
    (
        "users.list",
        "Gebruikers van deze werkruimte",
        "Users of this workspace",
    ),
    ("users.status", "Status", "Status"),
    ("users.actions", "Handelingen", "Actions"),
    ("users.active", "actief", "active"),
    ("users.disabled", "uitgeschakeld", "disabled"),
    ("users.change_role", "Rol wijzigen", "Change role"),
    ("users.disable", "Uitschakelen", "Disable"),
    (
        "users.disable_confirm",
        "Deze gebruiker uitschakelen? Alle sessies en tokens eindigen direct.",
        "Disable this user? All their sessions and tokens end at once.",
    ),
    ("users.enable", "Inschakelen", "Enable"),
    ("users.reset", "Nieuw wachtwoord", "New password"),
    (
        "users.reset_confirm",
        "Een nieuw eenmalig wachtwoord maken? Het oude werkt dan niet meer.",
        "Create a new one-time password? The old one stops working.",
    ),
    ("users.add", "Gebruiker toevoegen", "Add a user"),
    ("users.add_submit", "Toevoegen", "Add"),
    (
        "users.role_hint",
        "Meelezer leest alles; deelnemer werkt mee in een crisis; redacteur beheert ook de voorbereiding; beheerder beheert ook gebruikers.",
        "Viewer reads everything; member takes part in a crisis; editor also maintains preparation; administrator also manages users.",
    ),
    (
        "users.issued",
        "Eenmalig wachtwoord gemaakt voor",
        "One-time password created for",
    ),
    (
        "users.one_time_password",
        "Eenmalig wachtwoord",
        "One-time password",
    ),
    (
        "users.one_time_hint",
        "Geef dit wachtwoord persoonlijk of telefonisch door. Het wordt maar één keer getoond; bij de eerste keer inloggen kiest de gebruiker een eigen wachtwoord.",
        "Pass this password on in person or by phone. It is shown only once; at first login the user chooses their own.",
    ),
    (
        "verify.title",
        "Controle van de vastlegging",
        "Verification of the record",
    ),
    (
        "verify.lead",
        "Elke gebeurtenis is met een hash aan de vorige gekoppeld. Een gewijzigde, verwijderde of verplaatste gebeurtenis breekt de keten en wordt hier gemeld.",
        "Every event is linked to the one before by a hash. A changed, deleted or moved event breaks the chain and is reported here.",
    ),
    (
        "verify.intact",
        "Alle ketens zijn intact.",
        "All chains are intact.",
    ),
    (
        "verify.broken",
        "Let op: de vastlegging is aangetast.",
        "Warning: the record has been tampered with.",
    ),
    (
        "verify.streams",
        "Ketens van deze werkruimte",
        "Chains of this workspace",
    ),
    ("verify.kind", "Keten", "Chain"),
    ("verify.length", "Gebeurtenissen", "Events"),
    ("verify.head", "Laatste hash", "Head hash"),
    ("verify.result", "Uitkomst", "Result"),
    ("verify.ok", "intact", "intact"),
    ("verify.bad", "aangetast", "tampered"),
    ("verify.at_seq", "bij volgnummer", "at seq"),
    (
        "stream.workspace",
        "Beheer van de werkruimte",
        "Workspace administration",
    ),
    ("stream.preparation", "Voorbereiding", "Preparation"),
    ("stream.crisis", "Crisis", "Crisis"),
    ("audit.title", "Auditlog", "Audit log"),
    (
        "audit.lead",
        "Aanmeldingen, wijzigingen in toegang en geweigerde verzoeken (de nieuwste 500). Wachtwoorden en tokens staan hier nooit in.",
        "Logins, changes to access and refused requests (the newest 500). Passwords and tokens never appear here.",
    ),
    (
        "audit.caption",
        "Auditregels, nieuwste eerst",
        "Audit lines, newest first",
    ),
    ("audit.at", "Tijd", "Time"),
    ("audit.actor", "Wie", "Who"),
    ("audit.action", "Handeling", "Action"),
    ("audit.object", "Waarop", "Object"),
    ("audit.result", "Uitkomst", "Result"),
    ("audit.origin", "Vanaf", "From"),
    // Account
    ("account.title", "Account", "Account"),
    ("account.sessions", "Open sessies", "Open sessions"),
    ("account.language", "Taal", "Language"),
    (
        "account.language.legend",
        "Taal van crisismap",
        "Language of crisismap",
    ),
    (
        "account.change_password",
        "Wachtwoord wijzigen",
        "Change password",
    ),
    ("tokens.title", "API-tokens", "API tokens"),
    (
        "tokens.lead",
        "Met een token kan een ander programma namens u de API gebruiken, met uw rol. Trek een token in zodra het niet meer nodig is.",
        "A token lets another program use the API on your behalf, with your role. Revoke a token as soon as it is no longer needed.",
    ),
    (
        "tokens.none",
        "U heeft nog geen tokens.",
        "You have no tokens yet.",
    ),
    ("tokens.caption", "Uw tokens", "Your tokens"),
    ("tokens.name", "Naam van het token", "Token name"),
    (
        "tokens.name_hint",
        "Waarvoor het is, bijvoorbeeld ‘koppeling meldkamer’.",
        "What it is for, for example 'dispatch link'.",
    ),
    ("tokens.created", "Gemaakt", "Created"),
    ("tokens.last_used", "Laatst gebruikt", "Last used"),
    ("tokens.revoked", "ingetrokken", "revoked"),
    ("tokens.revoke", "Intrekken", "Revoke"),
    ("tokens.create", "Token maken", "Create token"),
    (
        "tokens.issued",
        "Nieuw token. Kopieer het nu: het wordt maar één keer getoond.",
        "New token. Copy it now: it is shown only once.",
    ),
    (
        "tokens.issued_hint",
        "Gebruik het als: Authorization: Bearer <token>",
        "Use it as: Authorization: Bearer <token>",
    ),
    // Accessibility statement (toegankelijkheidsverklaring)
    (
        "a11y.title",
        "Toegankelijkheidsverklaring",
        "Accessibility statement",
    ),
    (
        "a11y.lead",
        "crisismap is gemaakt voor iedereen in de crisisorganisatie: ook voor wie met alleen het toetsenbord, een schermlezer, vergroting of spraakbesturing werkt, en ook onder tijdsdruk. Hier leest u hoe toegankelijk crisismap is, hoe dat is vastgesteld, wat nog niet goed is en wat u kunt doen als u ergens tegenaan loopt.",
        "crisismap is made for everyone in the crisis organisation: also for people who work with the keyboard alone, a screen reader, magnification or voice control, and also under time pressure. This page tells you how accessible crisismap is, how that was established, what is not right yet and what you can do when something stands in your way.",
    ),
    (
        "a11y.scope.heading",
        "Waar deze verklaring over gaat",
        "What this statement covers",
    ),
    (
        "a11y.scope.body",
        "Deze verklaring gaat over de webapplicatie crisismap: alle pagina's en formulieren, de afdrukweergaven en de PDF-documenten die crisismap maakt. Een organisatie die crisismap gebruikt, neemt deze verklaring over in haar eigen toegankelijkheidsverklaring en registreert die in het landelijke register op toegankelijkheidsverklaring.nl. Wat gebruikers zelf invoeren, zoals logregels en namen van documenten, valt onder die organisatie.",
        "This statement covers the crisismap web application: every page and form, the print views and the PDF documents crisismap produces. An organisation that uses crisismap takes this statement into its own accessibility statement and registers that in the national register at toegankelijkheidsverklaring.nl. What users enter themselves, such as log entries and document names, is that organisation's responsibility.",
    ),
    ("a11y.standard.heading", "De norm", "The standard"),
    (
        "a11y.standard.body",
        "Nederlandse overheidsorganisaties moeten hun websites en applicaties toegankelijk maken volgens de Europese norm EN 301 549. Voor webinhoud verwijst die norm naar de Web Content Accessibility Guidelines (WCAG) 2.1, niveau A en AA. Dat is de maatstaf voor crisismap.",
        "Dutch government bodies must make their websites and applications accessible according to the European standard EN 301 549. For web content that standard refers to the Web Content Accessibility Guidelines (WCAG) 2.1, levels A and AA. That is the yardstick for crisismap.",
    ),
    (
        "a11y.status.heading",
        "Nalevingsstatus",
        "Compliance status",
    ),
    (
        "a11y.status.body",
        "crisismap voldoet gedeeltelijk aan WCAG 2.1 niveau AA. De geautomatiseerde toetsing hieronder vindt geen afwijkingen en de toetsenbordtests slagen. Een volledig handmatig onderzoek door een onafhankelijke deskundige (volgens de methode WCAG-EM) is nog niet gedaan, en er zijn bekende beperkingen; daarom claimen we geen volledige naleving.",
        "crisismap partially complies with WCAG 2.1 level AA. The automated checks below find no deviations and the keyboard tests pass. A full manual evaluation by an independent expert (using the WCAG-EM method) has not been done yet, and there are known limitations; so we do not claim full compliance.",
    ),
    (
        "a11y.method.heading",
        "Hoe dit is vastgesteld",
        "How this was established",
    ),
    (
        "a11y.method.intro",
        "Bij elke versie draaien deze controles automatisch in een echte browser (Chromium), op de voorbeeldgemeente met al haar gegevens:",
        "With every version these checks run automatically in a real browser (Chromium), on the demo municipality with all its data:",
    ),
    (
        "a11y.method.axe",
        "axe-core toetst de WCAG 2.0- en 2.1-regels van niveau A en AA die een machine kan toetsen: op elke pagina die een beheerder, een redacteur, een deelnemer, een meelezer en een gast bij een crisis vanaf de startpagina kunnen bereiken, op de afdrukweergaven en op de openbare pagina's.",
        "axe-core checks the WCAG 2.0 and 2.1 level A and AA rules a machine can check: on every page an administrator, an editor, a member, a viewer and a guest of a crisis can reach from the start page, on the print views and on the public pages.",
    ),
    (
        "a11y.method.keyboard",
        "Toetsenbordtests: de link ‘Naar de inhoud’, een tabvolgorde die elk tabblad van de crisiskamer en elk formulierveld bereikt, een zichtbare focus, geen toetsenbordval, en een logregel vastleggen met alleen het toetsenbord.",
        "Keyboard tests: the ‘Skip to content’ link, a tab order that reaches every tab of the crisis room and every form field, a visible focus, no keyboard trap, and recording a log entry with the keyboard alone.",
    ),
    (
        "a11y.method.forms",
        "Formulieren: een fout staat in het Nederlands bij het veld, is voor hulpsoftware aan het veld gekoppeld, en wat u had ingevuld blijft staan.",
        "Forms: an error is shown in words next to its field, is linked to the field for assistive technology, and what you had typed is kept.",
    ),
    (
        "a11y.method.contrast",
        "Contrast: de balk OEFENING, de statuskleuren en de labels worden nagemeten op ten minste 4,5:1, op het scherm en op papier.",
        "Contrast: the EXERCISE banner, the status colours and the labels are measured at 4.5:1 or more, on screen and on paper.",
    ),
    (
        "a11y.method.caveat",
        "Geautomatiseerde controles vinden lang niet elk probleem; ze vervangen geen onderzoek met mensen die hulpsoftware gebruiken.",
        "Automated checks find far from every problem; they do not replace testing with people who use assistive technology.",
    ),
    (
        "a11y.version",
        "Deze verklaring hoort bij crisismap versie",
        "This statement belongs to crisismap version",
    ),
    (
        "a11y.version_date",
        "en is opgesteld op 1 december 2026. Bij elke nieuwe versie wordt ze opnieuw bekeken.",
        "and was drawn up on 1 December 2026. It is reviewed with every new version.",
    ),
    (
        "a11y.limits.heading",
        "Bekende beperkingen",
        "Known limitations",
    ),
    (
        "a11y.limits.svg",
        "Afhankelijkheden en de cascade bij uitval worden ook als plaatje (SVG) getoond. Zo'n plaatje is met een schermlezer moeilijk te volgen; daarom staat naast elk plaatje altijd een tabel met dezelfde informatie.",
        "Dependencies and the cascade of a failure are also shown as a picture (SVG). Such a picture is hard to follow with a screen reader; so every picture always has a table with the same information beside it.",
    ),
    (
        "a11y.limits.pdf",
        "De PDF-documenten (de crisismap, het situatierapport en de besluitenlijst) zijn getagd volgens PDF/UA-1 en PDF/A-2a, met leesvolgorde, koppen en tabelkoppen. Ze worden automatisch gecontroleerd, maar zijn nog niet met elke schermlezer getest. Dezelfde informatie staat op de webpagina's.",
        "The PDF documents (the crisis folder, the situation report and the decision record) are tagged according to PDF/UA-1 and PDF/A-2a, with reading order, headings and table headers. They are checked automatically but have not been tested with every screen reader yet. The same information is on the web pages.",
    ),
    (
        "a11y.limits.timeout",
        "Voor de veiligheid eindigt een sessie na een tijd zonder activiteit (standaard 30 minuten; de beheerder kan dat tot 24 uur verlengen). Er komt geen waarschuwing vooraf, en wat u op dat moment typte moet u na opnieuw inloggen nog eens invoeren (WCAG 2.2.1).",
        "For security a session ends after a period without activity (30 minutes by default; the administrator can extend it to 24 hours). There is no warning beforehand, and what you were typing must be entered again after logging in (WCAG 2.2.1).",
    ),
    (
        "a11y.limits.live",
        "Pagina's van een crisis werken zichzelf bij zodra iemand anders iets vastlegt; dat is niet uit te zetten (WCAG 2.2.2). Bent u aan het typen, dan verschijnt alleen een melding met de knop ‘Vernieuwen’, zodat uw invoer en de focus blijven waar ze zijn; een schermlezer meldt de bijwerking zonder u te onderbreken.",
        "Crisis pages update themselves as soon as someone else records something; this cannot be switched off (WCAG 2.2.2). While you are typing only a notice with a ‘Refresh’ button appears, so your input and the focus stay where they are; a screen reader announces the update without interrupting you.",
    ),
    (
        "a11y.limits.language",
        "Wat gebruikers invoeren verschijnt zoals het is ingevoerd, in de taal van de schrijver, zonder taalaanduiding (WCAG 3.1.2).",
        "What users enter is shown as entered, in the writer's language, without a language mark-up (WCAG 3.1.2).",
    ),
    (
        "a11y.limits.people",
        "crisismap is nog niet getest door mensen die dagelijks een schermlezer, vergroting of spraakbesturing gebruiken.",
        "crisismap has not yet been tested by people who use a screen reader, magnification or voice control every day.",
    ),
    (
        "a11y.measures.heading",
        "Wat crisismap doet",
        "What crisismap does",
    ),
    (
        "a11y.measures.keyboard",
        "Alles werkt met alleen het toetsenbord, met een zichtbare focus.",
        "Everything works with the keyboard alone, with a visible focus.",
    ),
    (
        "a11y.measures.nojs",
        "Alle pagina's werken zonder JavaScript; scripts voegen alleen live bijwerken toe.",
        "Every page works without JavaScript; scripts only add live updates.",
    ),
    (
        "a11y.measures.contrast",
        "Tekst en bedieningselementen hebben voldoende contrast, en kleur is nooit de enige drager van informatie: elke status staat er ook in woorden.",
        "Text and controls have sufficient contrast, and colour never carries information alone: every status is also written out.",
    ),
    (
        "a11y.measures.print",
        "Elke belangrijke pagina is af te drukken, zodat de informatie er ook op papier is als het netwerk uitvalt.",
        "Every important page can be printed, so the information is on paper too when the network fails.",
    ),
    (
        "a11y.contact.heading",
        "Een probleem melden",
        "Reporting a problem",
    ),
    (
        "a11y.contact.body",
        "Loopt u ergens tegenaan, of kunt u informatie niet gebruiken? Meld het bij de functioneel beheerder van crisismap in uw organisatie (de beheerder van uw werkruimte). Noem de pagina (het adres), wat u probeerde te doen, wat er misging, en welke browser en hulpsoftware u gebruikt. De beheerder geeft het door aan de ontwikkelaars van crisismap.",
        "Is something standing in your way, or can you not use some information? Report it to the crisismap administrator of your organisation (the administrator of your workspace). Name the page (its address), what you tried to do, what went wrong, and which browser and assistive technology you use. The administrator passes it on to the developers of crisismap.",
    ),
    (
        "a11y.contact.urgent",
        "Hebt u tijdens een crisis of oefening informatie nodig die u hierdoor niet kunt bereiken? Vraag de informatiemanager of de adviseur crisisbeheersing om die informatie op een andere manier: op papier, als PDF of mondeling.",
        "Do you need information during a crisis or exercise that this keeps out of your reach? Ask the information manager or the crisis management advisor for it another way: on paper, as a PDF or in person.",
    ),
    (
        "a11y.response.heading",
        "Wat u kunt verwachten",
        "What you can expect",
    ),
    (
        "a11y.response.body",
        "U krijgt binnen 5 werkdagen een ontvangstbevestiging en binnen 3 weken een inhoudelijk antwoord: wat er met uw melding gebeurt en wanneer het is opgelost, of waarom dat (nog) niet kan. Tot het is opgelost, krijgt u de informatie op een andere manier.",
        "You receive an acknowledgement within 5 working days and an answer within 3 weeks: what happens with your report and when it will be fixed, or why that is not possible (yet). Until it is fixed, you get the information another way.",
    ),
    (
        "a11y.enforcement.heading",
        "Handhavingsprocedure",
        "Enforcement procedure",
    ),
    (
        "a11y.enforcement.body",
        "Bent u niet tevreden met hoe uw melding is behandeld, of krijgt u geen antwoord? Dien dan een klacht in bij de organisatie die crisismap gebruikt. Komt u er samen niet uit, dan kunt u zich kosteloos wenden tot de Nationale ombudsman, of tot de ombudsman of ombudscommissie van uw gemeente als die er een heeft.",
        "Are you not satisfied with how your report was handled, or do you get no answer? Then file a complaint with the organisation that uses crisismap. If that does not resolve it, you can turn, free of charge, to the National Ombudsman (Nationale ombudsman), or to your municipality's own ombudsman or ombudsman committee if it has one.",
    ),
    (
        "a11y.enforcement.ombudsman",
        "Nationale ombudsman: telefoon 0800 33 55 555 (gratis), website www.nationaleombudsman.nl.",
        "National Ombudsman: telephone 0800 33 55 555 (free of charge), website www.nationaleombudsman.nl.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_key_is_unique_and_translated() {
        let mut seen = HashSet::new();
        for (key, nl, en) in ENTRIES
            .iter()
            .chain(self::register::ENTRIES)
            .chain(self::crisis::ENTRIES)
            .chain(self::record::RECORD)
            .chain(self::security::SECURITY)
        {
            assert!(seen.insert(key), "duplicate key {key}");
            assert!(
                !nl.trim().is_empty() && !en.trim().is_empty(),
                "{key} is empty"
            );
        }
    }

    #[test]
    fn unknown_keys_show_as_missing() {
        assert_eq!(Tr(Lang::Nl).t("no.such.key"), MISSING);
        assert_eq!(Tr(Lang::En).t("nav.prepare"), "Prepare");
        assert_eq!(Tr(Lang::Nl).role(Role::Viewer), "meelezer");
    }
}

#[cfg(test)]
mod register_tests {
    use super::*;
    use crisismap_core::register::RecordKind;
    use crisismap_core::register::schema::FieldType;

    /// Every label, group legend and choice that a register form can show is translated.
    #[test]
    fn every_register_label_and_choice_is_translated() {
        let tr = Tr(Lang::En);
        let mut missing = vec![];
        let mut check = |key: String| {
            if tr.try_t(&key).is_none() {
                missing.push(key);
            }
        };
        for kind in RecordKind::ALL {
            let s = kind.schema();
            for suffix in ["plural", "one", "new", "lead", "add_first"] {
                check(format!("k.{kind}.{suffix}"));
            }
            let mut fields: Vec<(String, &crisismap_core::register::schema::Field)> = s
                .fields
                .iter()
                .map(|f| (format!("f.{kind}.{}", f.name), f))
                .collect();
            for g in s.groups {
                check(format!("g.{kind}.{}", g.name));
                fields.extend(
                    g.fields
                        .iter()
                        .map(|f| (format!("f.{kind}.{}.{}", g.name, f.name), f)),
                );
            }
            for (key, f) in fields {
                check(key);
                if let FieldType::Choice(codes) = f.ty {
                    for c in codes {
                        if f.name == "item" {
                            check(format!("readiness.{c}"));
                        } else {
                            check(format!("c.{}.{c}", f.name));
                        }
                    }
                }
            }
        }
        for kind in crisismap_core::crisis::EntryKind::ALL {
            let s = kind.schema();
            for suffix in ["plural", "one", "new", "lead"] {
                check(format!("e.{kind}.{suffix}"));
            }
            if kind.immutable() {
                check(format!("e.{kind}.immutable"));
            }
            for f in s.fields {
                check(format!("f.{kind}.{}", f.name));
                if let FieldType::Choice(codes) = f.ty {
                    for c in codes {
                        check(format!("c.{}.{c}", f.name));
                    }
                }
            }
            for g in s.groups {
                check(format!("g.{kind}.{}", g.name));
                for f in g.fields {
                    check(format!("f.{kind}.{}.{}", g.name, f.name));
                }
            }
        }
        for q in crisismap_core::crisis::Answers::QUESTIONS {
            check(format!("q.{q}"));
            check(format!("q.{q}.hint"));
        }
        for item in crisismap_core::register::readiness::ITEMS {
            if item.derived {
                check(format!("readiness.{}.proven", item.code));
                check(format!("readiness.{}.missing", item.code));
            }
        }
        assert!(missing.is_empty(), "untranslated: {missing:?}");
    }
}
