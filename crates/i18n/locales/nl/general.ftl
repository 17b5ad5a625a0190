### The frame of every page, the overview, sign-in, administration, errors and the messages
### shown after a change.

## Navigation and frame
a11y-skip = Naar de inhoud
nav-label = Hoofdmenu
nav-overview = Overzicht
nav-prepare = Voorbereiden
nav-crisis = Crisis
nav-aftermath = Nafase
nav-exercise = Oefenen
nav-print = Afdrukken
nav-admin = Beheer
nav-logout = Uitloggen
footer-tagline = voorbereiden op, omgaan met en leren van digitale ontwrichting
footer-accessibility = Toegankelijkheid
action-print = Afdrukken
action-save = Opslaan
empty-nothing_yet = Nog niets vastgelegd.
form-problem = Er is iets niet in orde

## Roles
role-admin = beheerder
role-editor = redacteur
role-member = deelnemer
role-viewer = meelezer

## Fields
field-email = E-mailadres
field-password = Wachtwoord
field-display_name = Naam
field-role = Rol

## Field errors (codes from the domain)
error-required = Vul dit veld in.
error-too_long = Dit is te lang.
error-control_characters = Dit bevat onzichtbare stuurtekens; typ het opnieuw.
error-invalid_email = Vul een geldig e-mailadres in, zoals naam@gemeente.nl.
error-unknown_role = Kies een van de rollen uit de lijst.
error-email_taken = Er is al een gebruiker met dit e-mailadres.
error-last_admin = Dit kan niet: de werkruimte moet minstens één actieve beheerder houden.
error-unknown_user = Deze gebruiker bestaat niet (meer).
error-invalid_json_shape = De gegevens hebben niet de verwachte vorm.

## Error pages
error-home = Naar het overzicht
error-400-heading = Dit verzoek klopt niet
error-400-text = De gegevens konden niet worden gelezen. Ga terug en probeer het opnieuw.
error-403-heading = Geen toegang
error-403-text = U heeft geen rechten voor deze pagina of handeling, of het formulier was verlopen. Ga terug, vernieuw de pagina en probeer het opnieuw. Nodig? Vraag de beheerder om een andere rol.
error-404-heading = Pagina niet gevonden
error-404-text = Deze pagina bestaat niet, of is niet van uw werkruimte.
error-405-heading = Dit kan hier niet
error-405-text = Deze pagina ondersteunt deze handeling niet.
error-408-heading = Dit duurde te lang
error-408-text = Het verzoek is afgebroken. Probeer het opnieuw.
error-409-heading = Dit botst met een andere wijziging
error-409-text = Iemand anders heeft intussen iets gewijzigd. Vernieuw de pagina en probeer het opnieuw.
error-413-heading = Te groot
error-413-text = Wat u verstuurde is groter dan de server aanneemt. Maak het kleiner of verdeel het.
error-415-heading = Onbekend formaat
error-415-text = De server kan dit formaat niet lezen.
error-422-heading = Niet alle gegevens kloppen
error-422-text = Ga terug en controleer de gegevens.
error-429-heading = Te veel pogingen
error-429-text = Wacht even en probeer het dan opnieuw.
error-500-heading = Er ging iets mis
error-500-text = Dit is een fout in crisismap, niet in wat u deed. De fout is vastgelegd. Probeer het opnieuw; houd de papieren crisismap bij de hand.

## Login and password
login-title = Inloggen
login-heading = Inloggen bij crisismap
login-lead = Voor de crisisorganisatie van uw gemeente: voorbereiden, de crisis voeren en verantwoorden.
login-submit = Inloggen
login-failed = E-mailadres of wachtwoord onjuist, of het account is uitgeschakeld.
login-throttled = Te veel mislukte pogingen. Probeer het over een kwartier opnieuw, of vraag de beheerder om een nieuw wachtwoord.
login-logged_out = U bent uitgelogd.
password-title = Wachtwoord wijzigen
password-required = Kies eerst een eigen wachtwoord. Het wachtwoord dat u kreeg, was eenmalig.
password-current = Huidig wachtwoord
password-new = Nieuw wachtwoord
password-repeat = Nieuw wachtwoord nogmaals
password-rules = Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.
password-submit = Wachtwoord opslaan
password-wrong_current = Het huidige wachtwoord klopt niet.
password-too_short = Het nieuwe wachtwoord moet minstens 12 tekens hebben.
password-too_long = Het nieuwe wachtwoord mag hoogstens 256 tekens hebben.
password-same_as_old = Kies een ander wachtwoord dan het huidige.
password-mismatch = De twee nieuwe wachtwoorden zijn niet gelijk.

## Flash messages
flash-password_changed = Uw wachtwoord is gewijzigd.
flash-role_changed = De rol is gewijzigd.
flash-user_disabled = De gebruiker is uitgeschakeld; alle sessies en tokens van deze gebruiker zijn beëindigd.
flash-user_enabled = De gebruiker is weer ingeschakeld.
flash-language_changed = De taal is gewijzigd.
flash-token_revoked = Het token is ingetrokken.

## Dashboard
dashboard-title = Overzicht
dashboard-crises = Lopende crises en oefeningen
dashboard-crises-empty = Er loopt op dit moment geen crisis of oefening.
dashboard-oncall = Nu bereikbaar (piket)
dashboard-oncall-empty = Nog geen piketroosters vastgelegd.
dashboard-readiness = Gereedheid
dashboard-due = Vraagt aandacht
dashboard-due-flagged =
    { $count ->
        [one] 1 vraagt aandacht
       *[other] { $count } vragen aandacht
    }
dashboard-due-empty = Niets dat nu aandacht vraagt.
dashboard-upcoming = Komende overleggen en oefeningen
dashboard-upcoming-empty = Nog niets gepland.
dashboard-record = Vastlegging
dashboard-record-users = Gebruikers
dashboard-record-events = Vastgelegde gebeurtenissen
dashboard-record-verify = Controleer de vastlegging

## Sections
section-prepare-title = Voorbereiden
section-prepare-lead = Wat in de koude en lauwe fase klaar moet staan, volgens de VNG-handreiking ‘(voorbereiding op) digitale ontwrichting’.
section-crisis-title = Crisis
section-crisis-lead = De crisiskamer voor de lauwe en warme fase: beeld, logboek, besluiten, acties en communicatie.
section-aftermath-title = Nafase
section-aftermath-lead = Herstel, evaluatie en verantwoording nadat de acute crisis voorbij is.
section-exercise-title = Oefenen
section-exercise-lead = Oefenen met leerdoelen, structureel geborgd in het OTO-plan.
section-print-title = Afdrukken
section-print-lead = Papier werkt als het netwerk het niet doet.
part-contacts-title = Contacten
part-contacts-desc = Wie u nodig heeft, met nummers en een terugvalkanaal als mail en telefoon uitvallen.
part-organisations-title = Organisaties en partners
part-organisations-desc = Veiligheidsregio, politie, OM, IBD, leveranciers, en de verwachtingen die u over en weer afsprak.
part-teams-title = Teams
part-teams-desc = Calamiteitenteam, lokale driehoek en beleidsteam, met leden en vervangers.
part-oncall-title = Piket
part-oncall-desc = Wie buiten kantoortijden bereikbaar is, ook de CISO.
part-escalation-title = Opschaling
part-escalation-desc = Wanneer u opschaalt, van welk team naar welk, en wie wie informeert.
part-processes-title = Processen en diensten
part-processes-desc = De eigen processen van de gemeente en de volgorde waarin ze hersteld moeten worden.
part-meetings-title = Overleggen
part-meetings-desc = Periodiek overleg met de CISO en de portefeuillehouders.
part-plans-title = Plannen en documenten
part-plans-desc = Integraal veiligheidsplan, crisisplan, continuïteitsplan en waar de papieren versie ligt.
part-readiness-title = Gereedheid
part-readiness-desc = De aandachtspunten van de handreiking als controlelijst, met bewijs.
part-library-title = Bibliotheek
part-library-desc = De publicaties waar de handreiking naar verwijst, op één plek.
part-print_folder-title = Crisismap
part-print_sitrep-title = Situatierapport
part-print_sitrep-desc = De stand van een crisis op één moment.
part-print_decisions-title = Besluitenlijst
part-print_decisions-desc = Alle besluiten met overwegingen, met de controle van de vastlegging.
part-print_forms-title = Lege formulieren

## Administration
admin-title = Beheer
admin-users-desc = Wie toegang heeft, met welke rol.
admin-tokens-desc = Persoonlijke sleutels voor de API, onder Account.
admin-verify-desc = Controleer of de vastgelegde geschiedenis ongeschonden is.
admin-audit-desc = Aanmeldingen en geweigerde verzoeken.
admin-backup = Back-up
admin-backup-desc = Maak een back-up van de map met gegevens (crisismap.db en de bestanden ernaast) of van de PostgreSQL-database; zie de README.
users-title = Gebruikers en rollen
users-list = Gebruikers van deze werkruimte
users-status = Status
users-actions = Handelingen
users-active = actief
users-disabled = uitgeschakeld
users-change_role = Rol wijzigen
users-disable = Uitschakelen
users-disable_confirm = Deze gebruiker uitschakelen? Alle sessies en tokens eindigen direct.
users-enable = Inschakelen
users-reset = Nieuw wachtwoord
users-reset_confirm = Een nieuw eenmalig wachtwoord maken? Het oude werkt dan niet meer.
users-add = Gebruiker toevoegen
users-add_submit = Toevoegen
users-role_hint = Meelezer leest alles; deelnemer werkt mee in een crisis; redacteur beheert ook de voorbereiding; beheerder beheert ook gebruikers.
users-issued = Eenmalig wachtwoord gemaakt voor
users-one_time_password = Eenmalig wachtwoord
users-one_time_hint = Geef dit wachtwoord persoonlijk of telefonisch door. Het wordt maar één keer getoond; bij de eerste keer inloggen kiest de gebruiker een eigen wachtwoord.
verify-title = Controle van de vastlegging
verify-lead = Elke gebeurtenis is met een hash aan de vorige gekoppeld. Een gewijzigde, verwijderde of verplaatste gebeurtenis breekt de keten en wordt hier gemeld.
verify-intact = Alle ketens zijn intact.
verify-broken = Let op: de vastlegging is aangetast.
verify-streams = Ketens van deze werkruimte
verify-kind = Keten
verify-length = Gebeurtenissen
verify-head = Laatste hash
verify-result = Uitkomst
verify-ok = intact
verify-bad = aangetast
verify-at_seq = bij volgnummer
stream-workspace = Beheer van de werkruimte
stream-preparation = Voorbereiding
stream-crisis = Crisis
audit-title = Auditlog
audit-lead = Aanmeldingen, wijzigingen in toegang en geweigerde verzoeken (de nieuwste 500). Wachtwoorden en tokens staan hier nooit in.
audit-caption = Auditregels, nieuwste eerst
audit-at = Tijd
audit-actor = Wie
audit-action = Handeling
audit-object = Waarop
audit-result = Uitkomst
audit-origin = Vanaf

## Account
account-title = Account
account-sessions = Open sessies
account-language = Taal
account-language-legend = Taal van crisismap
account-change_password = Wachtwoord wijzigen
tokens-title = API-tokens
tokens-lead = Met een token kan een ander programma namens u de API gebruiken, met uw rol. Trek een token in zodra het niet meer nodig is.
tokens-none = U heeft nog geen tokens.
tokens-caption = Uw tokens
tokens-name = Naam van het token
tokens-name_hint = Waarvoor het is, bijvoorbeeld ‘koppeling meldkamer’.
tokens-created = Gemaakt
tokens-last_used = Laatst gebruikt
tokens-revoked = ingetrokken
tokens-revoke = Intrekken
tokens-create = Token maken
tokens-issued = Nieuw token. Kopieer het nu: het wordt maar één keer getoond.
tokens-issued_hint = Gebruik het als: Authorization: Bearer <token>

## Accessibility statement (toegankelijkheidsverklaring)
a11y-title = Toegankelijkheidsverklaring
a11y-lead = crisismap is gemaakt voor iedereen in de crisisorganisatie: ook voor wie met alleen het toetsenbord, een schermlezer, vergroting of spraakbesturing werkt, en ook onder tijdsdruk. Hier leest u hoe toegankelijk crisismap is, hoe dat is vastgesteld, wat nog niet goed is en wat u kunt doen als u ergens tegenaan loopt.
a11y-scope-heading = Waar deze verklaring over gaat
a11y-scope-body = Deze verklaring gaat over de webapplicatie crisismap: alle pagina's en formulieren, de afdrukweergaven en de PDF-documenten die crisismap maakt. Een organisatie die crisismap gebruikt, neemt deze verklaring over in haar eigen toegankelijkheidsverklaring en registreert die in het landelijke register op toegankelijkheidsverklaring.nl. Wat gebruikers zelf invoeren, zoals logregels en namen van documenten, valt onder die organisatie.
a11y-standard-heading = De norm
a11y-standard-body = Nederlandse overheidsorganisaties moeten hun websites en applicaties toegankelijk maken volgens de Europese norm EN 301 549. Voor webinhoud verwijst die norm naar de Web Content Accessibility Guidelines (WCAG) 2.1, niveau A en AA. Dat is de maatstaf voor crisismap.
a11y-status-heading = Nalevingsstatus
a11y-status-body = crisismap voldoet gedeeltelijk aan WCAG 2.1 niveau AA. De geautomatiseerde toetsing hieronder vindt geen afwijkingen en de toetsenbordtests slagen. Een volledig handmatig onderzoek door een onafhankelijke deskundige (volgens de methode WCAG-EM) is nog niet gedaan, en er zijn bekende beperkingen; daarom claimen we geen volledige naleving.
a11y-method-heading = Hoe dit is vastgesteld
a11y-method-intro = Bij elke versie draaien deze controles automatisch in een echte browser (Chromium), op de voorbeeldgemeente met al haar gegevens:
a11y-method-axe = axe-core toetst de WCAG 2.0- en 2.1-regels van niveau A en AA die een machine kan toetsen: op elke pagina die een beheerder, een redacteur, een deelnemer, een meelezer en een gast bij een crisis vanaf de startpagina kunnen bereiken, op de afdrukweergaven en op de openbare pagina's.
a11y-method-keyboard = Toetsenbordtests: de link ‘Naar de inhoud’, een tabvolgorde die elk tabblad van de crisiskamer en elk formulierveld bereikt, een zichtbare focus, geen toetsenbordval, en een logregel vastleggen met alleen het toetsenbord.
a11y-method-forms = Formulieren: een fout staat in het Nederlands bij het veld, is voor hulpsoftware aan het veld gekoppeld, en wat u had ingevuld blijft staan.
a11y-method-contrast = Contrast: de balk OEFENING, de statuskleuren en de labels worden nagemeten op ten minste 4,5:1, op het scherm en op papier.
a11y-method-caveat = Geautomatiseerde controles vinden lang niet elk probleem; ze vervangen geen onderzoek met mensen die hulpsoftware gebruiken.
a11y-version = Deze verklaring hoort bij crisismap versie
a11y-version_date = en is opgesteld op 1 december 2026. Bij elke nieuwe versie wordt ze opnieuw bekeken.
a11y-limits-heading = Bekende beperkingen
a11y-limits-svg = Afhankelijkheden en de cascade bij uitval worden ook als plaatje (SVG) getoond. Zo'n plaatje is met een schermlezer moeilijk te volgen; daarom staat naast elk plaatje altijd een tabel met dezelfde informatie.
a11y-limits-pdf = De PDF-documenten (de crisismap, het situatierapport en de besluitenlijst) zijn getagd volgens PDF/UA-1 en PDF/A-2a, met leesvolgorde, koppen en tabelkoppen. Ze worden automatisch gecontroleerd, maar zijn nog niet met elke schermlezer getest. Dezelfde informatie staat op de webpagina's.
a11y-limits-timeout = Voor de veiligheid eindigt een sessie na een tijd zonder activiteit (standaard 30 minuten; de beheerder kan dat tot 24 uur verlengen). Er komt geen waarschuwing vooraf, en wat u op dat moment typte moet u na opnieuw inloggen nog eens invoeren (WCAG 2.2.1).
a11y-limits-live = Pagina's van een crisis werken zichzelf bij zodra iemand anders iets vastlegt; dat is niet uit te zetten (WCAG 2.2.2). Bent u aan het typen, dan verschijnt alleen een melding met de knop ‘Vernieuwen’, zodat uw invoer en de focus blijven waar ze zijn; een schermlezer meldt de bijwerking zonder u te onderbreken.
a11y-limits-language = Wat gebruikers invoeren verschijnt zoals het is ingevoerd, in de taal van de schrijver, zonder taalaanduiding (WCAG 3.1.2).
a11y-limits-people = crisismap is nog niet getest door mensen die dagelijks een schermlezer, vergroting of spraakbesturing gebruiken.
a11y-measures-heading = Wat crisismap doet
a11y-measures-keyboard = Alles werkt met alleen het toetsenbord, met een zichtbare focus.
a11y-measures-nojs = Alle pagina's werken zonder JavaScript; scripts voegen alleen live bijwerken toe.
a11y-measures-contrast = Tekst en bedieningselementen hebben voldoende contrast, en kleur is nooit de enige drager van informatie: elke status staat er ook in woorden.
a11y-measures-print = Elke belangrijke pagina is af te drukken, zodat de informatie er ook op papier is als het netwerk uitvalt.
a11y-contact-heading = Een probleem melden
a11y-contact-body = Loopt u ergens tegenaan, of kunt u informatie niet gebruiken? Meld het bij de functioneel beheerder van crisismap in uw organisatie (de beheerder van uw werkruimte). Noem de pagina (het adres), wat u probeerde te doen, wat er misging, en welke browser en hulpsoftware u gebruikt. De beheerder geeft het door aan de ontwikkelaars van crisismap.
a11y-contact-urgent = Hebt u tijdens een crisis of oefening informatie nodig die u hierdoor niet kunt bereiken? Vraag de informatiemanager of de adviseur crisisbeheersing om die informatie op een andere manier: op papier, als PDF of mondeling.
a11y-response-heading = Wat u kunt verwachten
a11y-response-body = U krijgt binnen 5 werkdagen een ontvangstbevestiging en binnen 3 weken een inhoudelijk antwoord: wat er met uw melding gebeurt en wanneer het is opgelost, of waarom dat (nog) niet kan. Tot het is opgelost, krijgt u de informatie op een andere manier.
a11y-enforcement-heading = Handhavingsprocedure
a11y-enforcement-body = Bent u niet tevreden met hoe uw melding is behandeld, of krijgt u geen antwoord? Dien dan een klacht in bij de organisatie die crisismap gebruikt. Komt u er samen niet uit, dan kunt u zich kosteloos wenden tot de Nationale ombudsman, of tot de ombudsman of ombudscommissie van uw gemeente als die er een heeft.
a11y-enforcement-ombudsman = Nationale ombudsman: telefoon 0800 33 55 555 (gratis), website www.nationaleombudsman.nl.

## The audit log in words (the log keeps the codes; the page shows these)
audit-system = Het systeem
audit-anonymous = Onbekend (niet ingelogd)
audit-someone_removed = Een verwijderde gebruiker
audit-with_api_key = met een API-sleutel
audit-action-access = Toegang
audit-action-api_token = API-sleutel gebruikt
audit-action-api_token_create = API-sleutel gemaakt
audit-action-api_token_revoke = API-sleutel ingetrokken
audit-action-crisis_open = Crisis geopend
audit-action-csrf = Formulier zonder geldige controlecode
audit-action-feed_link = Agendakoppeling gebruikt
audit-action-guest_add = Gast toegevoegd
audit-action-guest_scope = Gast buiten de eigen crisis
audit-action-live = Live-verbinding
audit-action-log_out_everywhere = Overal uitgelogd
audit-action-login = Inloggen
audit-action-login_code = Code bij het inloggen
audit-action-logout = Uitloggen
audit-action-mfa_enrol = Tweestapsverificatie instellen
audit-action-mfa_off = Tweestapsverificatie uitgezet
audit-action-mfa_reset = Tweestapsverificatie hersteld
audit-action-password_change = Wachtwoord wijzigen
audit-action-password_reset = Wachtwoord opnieuw ingesteld
audit-action-print = Afgedrukt
audit-action-record_archive = Gearchiveerd
audit-action-record_save = Opgeslagen
audit-action-session = Sessie
audit-action-steer = Crisis bijsturen
audit-action-user_add = Gebruiker toegevoegd
audit-action-user_disable = Gebruiker uitgeschakeld
audit-action-user_enable = Gebruiker weer ingeschakeld
audit-action-user_role = Rol gewijzigd
audit-result-ok = Gelukt
audit-result-failed = Mislukt
audit-result-denied = Geweigerd
audit-result-denied_guest = Geweigerd: een gast stuurt de crisis niet bij
audit-result-throttled = Afgeremd na te veel pogingen
audit-result-too_many = Te veel verbindingen tegelijk
audit-result-started = Begonnen
audit-result-read_only_token = Geweigerd: deze sleutel mag alleen lezen
audit-result-ok_recovery_code = Gelukt, met een herstelcode
audit-result-password_ok_code_next = Wachtwoord goed, code gevraagd
audit-object-session = Sessie
audit-object-totp = Tweestapsverificatie
audit-object-credential = Wachtwoord
audit-object-crisis_folder = Crisismap (PDF)
audit-object-token = API-sleutel
audit-object-user = Gebruiker
audit-object-account = Account
audit-object-address = Adres
audit-object-crisis = Crisis
audit-object-sitrep = Situatierapport
audit-object-decisions = Besluitenlijst
audit-object-stream = Live-updates
audit-object-authorization = Autorisatie
dashboard-more_steps =
    { $count ->
        [one] en nog 1 open stap
       *[other] en nog { $count } open stappen
    }
part-improvements-title = Verbeteracties
part-improvements-desc = Leerpunten uit crises en oefeningen, omgezet in wijzigingen van de voorbereiding, met eigenaar en datum.

## Nafase
aftermath-crises = Crises en oefeningen in de nafase
aftermath-no_crises = Nog geen crisis of oefening in de nafase of afgesloten.
aftermath-closed = Dossier afgesloten
aftermath-open_duties = Open plichten
aftermath-improvements_open = { $count ->
    [one] 1 verbeteractie loopt
   *[other] { $count } verbeteracties lopen
}
aftermath-improvements_overdue = { $count ->
    [one] 1 over datum
   *[other] { $count } over datum
}
aftermath-improvements_done = { $count ->
    [one] 1 uitgevoerd
   *[other] { $count } uitgevoerd
}
aftermath-all_improvements = Alle verbeteracties
aftermath-open_questions = Open raadsvragen
aftermath-costs = Kosten (incl. btw)
aftermath-no_costs = nog geen
aftermath-account = Verantwoording
aftermath-late = { $count ->
    [one] 1 te laat
   *[other] { $count } te laat
}

## Lessons register
lessons-title = Leerpunten van alle crises en oefeningen
lessons-lead = Elk leerpunt uit de evaluaties, het nieuwste eerst. Een leerpunt dat een eerdere crisis of oefening al opleverde, staat gemarkeerd als opnieuw geleerd: dan is de verbetering niet geland.
lessons-all_themes = Alle thema's
lessons-filter = Tonen
lessons-from = Uit
lessons-none = Er zijn nog geen leerpunten vastgelegd.
lessons-learned_again = Opnieuw geleerd
lessons-before_in = eerder in
lessons-again_hint = Kijk bij deze leerpunten waarom de eerdere verbeteractie niet werkte.
lessons-again_count = { $count ->
    [one] 1 leerpunt opnieuw geleerd
   *[other] { $count } leerpunten opnieuw geleerd
}
