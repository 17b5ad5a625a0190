### Words about when things happened: times of occurrence beside recorded times, paper forms
### typed back in, and confirmations that something stays as it is.

crisis-occurred_at = Tijdstip
crisis-occurred_at_hint = Leeg laten als het nu is; anders de tijd waarop het gebeurde.
crisis-f-occurred_at = Tijdstip
crisis-f-teams = Teams
crisis-f-aspect = Wat blijft
crisis-recorded_same = direct vastgelegd
crisis-recorded_late = later vastgelegd
crisis-transcribed = van papier
crisis-transcribed_words = Overgenomen van papier (formulier { $form }, blad { $page }, geschreven door { $writer }) door { $by } op { $at }
crisis-h-grip_confirmed = GRIP-niveau gehandhaafd
crisis-h-phase_confirmed = Fase gehandhaafd
crisis-confirm_grip = Handhaven (niveau blijft)
crisis-confirm_phase = Handhaven (fase blijft)
flash-confirmed = Vastgelegd dat het blijft zoals het is, met de reden.
crisis-parties_not_to_inform = Niet nodig om te informeren
f-log-background = Achtergrond: gebeurde vóór het begin van de crisis
f-fact-background = Achtergrond: waargenomen vóór het begin van de crisis
error-in_future = Dit tijdstip ligt in de toekomst.
error-before_crisis_start = Dit tijdstip ligt vóór het begin van de crisis. Is het achtergrond, vink dat dan aan.
error-before_later_change = Er is al een latere wijziging hiervan vastgelegd; dit tijdstip zou het huidige beeld terugdraaien.

## Who is on call at another moment.
oncall-at = Van dienst op
oncall-ask_at = Wie heeft piket op
oncall-ask_at-hint = Bijvoorbeeld vannacht om 02:00. Leeg laten voor nu.
oncall-ask_at-submit = Toon
oncall-ask_now = Terug naar nu

## Typing paper back in.
transcribe-title = Papier overnemen
transcribe-intro = Heeft het team op papier gewerkt, met de lege formulieren uit de crisismap? Neem de regels hier over met de tijden die erop staan. Ze worden gemarkeerd als overgenomen van papier, met formulier, blad, schrijver, en wie ze overnam en wanneer. Lege regels worden overgeslagen; is één regel niet in orde, dan wordt niets opgeslagen en staat bij elke regel wat er mis is.
transcribe-choose = Welk formulier?
transcribe-kind-log = Logboek
transcribe-kind-decision = Besluitenlijst
transcribe-kind-attendance = Presentielijst
transcribe-sheet = Het blad
transcribe-form = Formuliernummer (bovenaan het blad)
transcribe-form-hint = Bijvoorbeeld LB-2612071430. Op eigen papier: een korte omschrijving.
transcribe-page = Bladnummer
transcribe-written_by = Geschreven door
transcribe-rows = Regels
transcribe-row = Regel
transcribe-more_rows = Meer regels
transcribe-save = Alles opslaan
transcribe-saved = De regels zijn overgenomen. Ga door met het volgende blad.
transcribe-link = Papier overnemen
error-not_transcribable = Dit formulier kan niet overgenomen worden.
crisis-f-form = Formuliernummer
crisis-f-page = Bladnummer
crisis-f-written_by = Geschreven door
crisis-f-rows = Regels
crisis-f-kind = Formulier
