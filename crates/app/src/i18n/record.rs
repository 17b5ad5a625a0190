//! Words about when things happened: times of occurrence beside recorded times, paper forms
//! typed back in, and confirmations that something stays as it is.

/// (key, Dutch, English)
pub const RECORD: &[(&str, &str, &str)] = &[
    ("crisis.occurred_at", "Tijdstip", "Time"),
    (
        "crisis.occurred_at_hint",
        "Leeg laten als het nu is; anders de tijd waarop het gebeurde.",
        "Leave empty for now; otherwise the time it happened.",
    ),
    ("crisis.f.occurred_at", "Tijdstip", "Time"),
    ("crisis.f.teams", "Teams", "Teams"),
    ("crisis.f.aspect", "Wat blijft", "What stays"),
    (
        "crisis.recorded_same",
        "direct vastgelegd",
        "recorded at the time",
    ),
    ("crisis.recorded_late", "later vastgelegd", "recorded later"),
    ("crisis.transcribed", "van papier", "from paper"),
    (
        "crisis.transcribed_words",
        "Overgenomen van papier (formulier {form}, blad {page}, geschreven door {writer}) door {by} op {at}",
        "Transcribed from paper (form {form}, page {page}, written by {writer}) by {by} on {at}",
    ),
    (
        "crisis.h.grip_confirmed",
        "GRIP-niveau gehandhaafd",
        "GRIP level kept",
    ),
    ("crisis.h.phase_confirmed", "Fase gehandhaafd", "Phase kept"),
    (
        "crisis.confirm_grip",
        "Handhaven (niveau blijft)",
        "Keep (level stays)",
    ),
    (
        "crisis.confirm_phase",
        "Handhaven (fase blijft)",
        "Keep (phase stays)",
    ),
    (
        "flash.confirmed",
        "Vastgelegd dat het blijft zoals het is, met de reden.",
        "Recorded that it stays as it is, with the reason.",
    ),
    (
        "crisis.parties_not_to_inform",
        "Niet nodig om te informeren",
        "No need to inform",
    ),
    (
        "f.log.background",
        "Achtergrond: gebeurde vóór het begin van de crisis",
        "Background: happened before the crisis began",
    ),
    (
        "f.fact.background",
        "Achtergrond: waargenomen vóór het begin van de crisis",
        "Background: observed before the crisis began",
    ),
    (
        "error.in_future",
        "Dit tijdstip ligt in de toekomst.",
        "This time lies in the future.",
    ),
    (
        "error.before_crisis_start",
        "Dit tijdstip ligt vóór het begin van de crisis. Is het achtergrond, vink dat dan aan.",
        "This time lies before the crisis began. If it is background, tick that box.",
    ),
    (
        "error.before_later_change",
        "Er is al een latere wijziging hiervan vastgelegd; dit tijdstip zou het huidige beeld terugdraaien.",
        "A later change of this is already recorded; this time would turn the current picture back.",
    ),
    // Who is on call at another moment.
    ("oncall.at", "Van dienst op", "On duty at"),
    ("oncall.ask_at", "Wie heeft piket op", "Who is on call at"),
    (
        "oncall.ask_at.hint",
        "Bijvoorbeeld vannacht om 02:00. Leeg laten voor nu.",
        "For example tonight at 02:00. Leave empty for now.",
    ),
    ("oncall.ask_at.submit", "Toon", "Show"),
    ("oncall.ask_now", "Terug naar nu", "Back to now"),
    // Typing paper back in.
    (
        "transcribe.title",
        "Papier overnemen",
        "Type in paper forms",
    ),
    (
        "transcribe.intro",
        "Heeft het team op papier gewerkt, met de lege formulieren uit de crisismap? Neem de regels hier over met de tijden die erop staan. Ze worden gemarkeerd als overgenomen van papier, met formulier, blad, schrijver, en wie ze overnam en wanneer. Lege regels worden overgeslagen; is één regel niet in orde, dan wordt niets opgeslagen en staat bij elke regel wat er mis is.",
        "Did the team work on paper, with the blank forms from the crisis folder? Type the rows in here with the times written on them. They are marked as transcribed from paper, with form, page, writer, and who typed them in and when. Empty rows are skipped; if one row is not right, nothing is saved and every row says what is wrong.",
    ),
    ("transcribe.choose", "Welk formulier?", "Which form?"),
    ("transcribe.kind.log", "Logboek", "Log"),
    (
        "transcribe.kind.decision",
        "Besluitenlijst",
        "Decision list",
    ),
    (
        "transcribe.kind.attendance",
        "Presentielijst",
        "Attendance list",
    ),
    ("transcribe.sheet", "Het blad", "The sheet"),
    (
        "transcribe.form",
        "Formuliernummer (bovenaan het blad)",
        "Form number (at the top of the sheet)",
    ),
    (
        "transcribe.form.hint",
        "Bijvoorbeeld LB-2612071430. Op eigen papier: een korte omschrijving.",
        "For example LB-2612071430. On improvised paper: a short description.",
    ),
    ("transcribe.page", "Bladnummer", "Page number"),
    ("transcribe.written_by", "Geschreven door", "Written by"),
    ("transcribe.rows", "Regels", "Rows"),
    ("transcribe.row", "Regel", "Row"),
    ("transcribe.more_rows", "Meer regels", "More rows"),
    ("transcribe.save", "Alles opslaan", "Save all"),
    (
        "transcribe.saved",
        "De regels zijn overgenomen. Ga door met het volgende blad.",
        "The rows were saved. Go on with the next sheet.",
    ),
    ("transcribe.link", "Papier overnemen", "Type in paper forms"),
    (
        "error.not_transcribable",
        "Dit formulier kan niet overgenomen worden.",
        "This form cannot be typed in.",
    ),
    ("crisis.f.form", "Formuliernummer", "Form number"),
    ("crisis.f.page", "Bladnummer", "Page number"),
    ("crisis.f.written_by", "Geschreven door", "Written by"),
    ("crisis.f.rows", "Regels", "Rows"),
    ("crisis.f.kind", "Formulier", "Form"),
];
