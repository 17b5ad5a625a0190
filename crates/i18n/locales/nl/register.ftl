### Words of the preparation register: kinds, fields, choices, readiness items, help texts.
### The readiness items paraphrase the points of attention of the VNG guidance
### "(voorbereiding op) digitale ontwrichting" in our own words.

## Kinds
k-contact-plural = Contacten
k-contact-one = Contact
k-contact-new = Nieuw contact
k-contact-add_first = Voeg het eerste contact toe
k-contact-lead = Wie u in een crisis nodig heeft, met nummers en een terugvalkanaal voor als mail en telefoon uitvallen. Controleer ze regelmatig.
k-organisation-plural = Organisaties en partners
k-organisation-one = Organisatie
k-organisation-new = Nieuwe organisatie
k-organisation-add_first = Voeg de eerste organisatie toe
k-organisation-lead = Veiligheidsregio, politie, OM, IBD, NCSC, leveranciers en buurgemeenten: hoe ze dag en nacht bereikbaar zijn en wat u over en weer verwacht.
k-team-plural = Teams
k-team-one = Team
k-team-new = Nieuw team
k-team-add_first = Voeg het eerste team toe
k-team-lead = De teams die bij een cyberincident of -crisis actief kunnen worden, met aanspreekpunten, leden en vervangers.
k-roster-plural = Piket
k-roster-one = Piketrooster
k-roster-new = Nieuw piketrooster
k-roster-add_first = Voeg het eerste rooster toe
k-roster-lead = Wie per dienst buiten kantoortijden bereikbaar is. Een gat in de komende week wordt gemeld.
k-escalation-plural = Opschalingsafspraken
k-escalation-one = Opschalingsafspraak
k-escalation-new = Nieuwe opschalingsafspraak
k-escalation-add_first = Voeg de eerste afspraak toe
k-escalation-lead = Wanneer u opschaalt, van welk team naar welk, wie wie informeert langs welke lijn, en wie besluit.
k-process-plural = Processen en diensten
k-process-one = Proces of dienst
k-process-new = Nieuw proces of nieuwe dienst
k-process-add_first = Voeg het eerste proces toe
k-process-lead = De eigen processen van de gemeente, waar ze van afhangen, hoe lang ze stil mogen liggen, en de volgorde van herstel. Deze lijst vormt het begin van het gedeelde beeld in elke crisis.
k-meeting-plural = Overleggen
k-meeting-one = Overleg
k-meeting-new = Nieuw overleg
k-meeting-add_first = Plan het eerste overleg
k-meeting-lead = Periodiek overleg over digitale veiligheid, bijvoorbeeld met de CISO en de portefeuillehouders, met agenda, verslag en afspraken.
k-plan-plural = Plannen en documenten
k-plan-one = Plan of document
k-plan-new = Nieuw plan of document
k-plan-add_first = Voeg het eerste plan toe
k-plan-lead = Integraal veiligheidsplan, crisisplan, continuïteitsplan, incidentresponsplan en oefenplan: eigenaar, versie, waar de papieren versie ligt, en wanneer het herzien moet.
k-readiness-plural = Gereedheid
k-readiness-one = Gereedheidspunt
k-readiness-new = Gereedheidspunt
k-readiness-add_first = Beoordeel het eerste punt
k-readiness-lead = De aandachtspunten van de handreiking als controlelijst.

## Contact fields
f-contact-name = Naam
f-contact-function = Functie
f-contact-organisation = Organisatie
f-contact-email = E-mailadres
f-contact-alternative_channel = Terugvalkanaal
h-contact-alternative_channel = Hoe deze persoon te bereiken is als mail en telefoon uitvallen: satelliettelefoon, portofoon, een vaste verzamelplek.
f-contact-notes = Notities
f-contact-last_checked = Laatst gecontroleerd
h-contact-last_checked = Wanneer de gegevens voor het laatst klopten. Na zes maanden vraagt crisismap om een nieuwe controle.
g-contact-phones = Telefoonnummers
gh-contact-phones = Nederlandse nummers mogen zo getypt worden (06-12345678, 030 123 45 67); buitenlandse met + en landcode.
f-contact-phones-label = Soort
f-contact-phones-number = Nummer
c-label-mobile = mobiel
c-label-work = werk
c-label-home = thuis
c-label-night = nacht / piket
c-label-other = anders

## Organisation
f-organisation-name = Naam
f-organisation-org_type = Soort organisatie
f-organisation-reachability = Dag en nacht bereikbaar via
h-organisation-reachability = Bijvoorbeeld het 24/7-nummer van de meldkamer of de piketdienst.
f-organisation-notes = Notities
g-organisation-contacts = Contactpersonen
f-organisation-contacts-contact = Contact
f-organisation-contacts-role = Rol (bijv. liaison)
g-organisation-expectations = Afspraken over verwachtingen
gh-organisation-expectations = Wat u van deze partner verwacht, wat zij van de gemeente verwachten, en wanneer u dat opnieuw bespreekt.
f-organisation-expectations-we_expect = Wat wij verwachten
f-organisation-expectations-they_expect = Wat zij verwachten
f-organisation-expectations-agreed_on = Afgesproken op
f-organisation-expectations-agreed_by = Afgesproken door
f-organisation-expectations-review_on = Opnieuw bespreken op
c-org_type-safety_region = veiligheidsregio
c-org_type-police = politie
c-org_type-prosecutor = Openbaar Ministerie
c-org_type-ibd = IBD
c-org_type-ncsc = NCSC
c-org_type-supplier = leverancier
c-org_type-neighbour_municipality = buurgemeente
c-org_type-other = anders

## Team
f-team-name = Naam
f-team-standard = Soort team
f-team-purpose = Doel
f-team-civil_contact = Ambtelijk aanspreekpunt
f-team-administrative_contact = Bestuurlijk aanspreekpunt
g-team-members = Leden
f-team-members-contact = Lid
f-team-members-team_role = Rol in het team
f-team-members-deputy = Vervanger
h-team-members-deputy = Wie invalt als dit lid niet bereikbaar is.
c-standard-calamity_team = gemeentelijk calamiteitenteam
c-standard-local_triangle = lokale driehoek
c-standard-policy_team = Gemeentelijk Beleidsteam (GBT)
c-standard-custom = eigen team
c-team_role-chair = voorzitter
c-team_role-advisor = adviseur
c-team_role-secretary = secretaris / notulist
c-team_role-communication = communicatie
c-team_role-ciso = CISO
c-team_role-liaison = liaison
c-team_role-technical_expert = technisch deskundige
c-team_role-member = lid

## Roster
f-roster-name = Naam
f-roster-duty = Dienst
f-roster-notes = Notities
g-roster-shifts = Diensten
gh-roster-shifts = Tijden in Nederlandse tijd. Diensten mogen niet overlappen.
f-roster-shifts-person = Wie
f-roster-shifts-start = Van
f-roster-shifts-end = Tot
g-roster-exceptions = Vervangingen
gh-roster-exceptions = Wie een deel van een dienst overneemt (ziekte, vakantie). Een vervanging gaat voor het rooster.
f-roster-exceptions-person = Vervanger
f-roster-exceptions-start = Van
f-roster-exceptions-end = Tot
f-roster-exceptions-reason = Reden
c-duty-crisis_advisor = adviseur crisisbeheersing
c-duty-ciso = CISO
c-duty-communication = communicatieadviseur
c-duty-mayor = burgemeester
c-duty-municipal_secretary = gemeentesecretaris
c-duty-other = anders

## Escalation
f-escalation-name = Naam
f-escalation-step = Stap
h-escalation-step = De volgorde in het opschalingsschema.
f-escalation-applies_when = Wanneer
f-escalation-from_team = Van team
f-escalation-to_team = Naar team
f-escalation-to_other = Of naar (buiten de teams)
h-escalation-to_other = Bijvoorbeeld: voorzitter veiligheidsregio (GRIP 4), NCSC.
f-escalation-who_informs = Wie informeert wie
f-escalation-line = Langs welke lijn
f-escalation-who_decides = Wie besluit
escalation-flow = Opschalingsschema
escalation-to = naar
escalation-start = Melding

## Process
f-process-name = Naam
f-process-owner = Eigenaar
f-process-criticality = Belang
f-process-max_downtime_hours = Maximaal toelaatbare uitval (uren)
f-process-restore_priority = Herstelvolgorde
h-process-restore_priority = 1 wordt als eerste hersteld. In de lijst kunt u de volgorde ook met knoppen aanpassen.
f-process-systems = Systemen waarvan het afhangt
f-process-manual_fallback = Handmatige terugvaloptie beschikbaar
f-process-fallback_how = Hoe werkt de terugvaloptie
f-process-notes = Notities
g-process-suppliers = Leveranciers
f-process-suppliers-organisation = Leverancier
f-process-suppliers-what = Wat zij leveren
c-criticality-vital = vitaal
c-criticality-high = hoog
c-criticality-medium = middel
c-criticality-low = laag
process-order = Volgorde
process-up = Hoger
process-down = Lager

## Meeting
f-meeting-name = Naam
f-meeting-frequency = Hoe vaak
f-meeting-first_start = Eerste keer
f-meeting-duration_minutes = Duur (minuten)
f-meeting-location = Plaats
f-meeting-agenda = Vaste agenda
g-meeting-participants = Deelnemers
f-meeting-participants-contact = Deelnemer
g-meeting-minutes = Verslagen
f-meeting-minutes-date = Datum
f-meeting-minutes-notes = Verslag
g-meeting-actions = Afspraken
f-meeting-actions-what = Wat
f-meeting-actions-who = Wie
f-meeting-actions-deadline = Uiterlijk
f-meeting-actions-done = Afgerond
c-frequency-weekly = wekelijks
c-frequency-monthly = maandelijks
c-frequency-quarterly = elk kwartaal
c-frequency-half_yearly = elk half jaar
c-frequency-yearly = jaarlijks
c-frequency-once = eenmalig
meeting-next = Volgende keer

## Plan
f-plan-name = Naam
f-plan-plan_type = Soort
f-plan-owner = Eigenaar
f-plan-version = Versie
f-plan-paper_copy = Papieren versie ligt
h-plan-paper_copy = Waar het geprinte exemplaar ligt, bijvoorbeeld ‘crisismap adviseur OOV, kast B2’.
f-plan-review_on = Herzien vóór
f-plan-notes = Notities
c-plan_type-integral_safety_plan = integraal veiligheidsplan
c-plan_type-crisis_plan = crisisplan
c-plan_type-continuity_plan = continuïteitsplan
c-plan_type-incident_response_plan = incidentresponsplan
c-plan_type-exercise_plan = opleidings-, trainings- en oefenplan (OTO)
c-plan_type-other = anders

## Readiness
f-readiness-item = Aandachtspunt
f-readiness-status = Status
f-readiness-owner = Eigenaar
f-readiness-evidence = Onderbouwing
h-readiness-evidence = Waaruit blijkt dat dit in orde is: een besluit, een verslag, een vindplaats.
f-readiness-last_reviewed = Laatst beoordeeld
c-status-not_started = niet begonnen
c-status-in_progress = mee bezig
c-status-in_order = in orde
readiness-lead = Wat de handreiking vraagt, per fase, als controlelijst. Punten die uit de registers zijn af te leiden, zijn pas in orde als de registers het aantonen.
readiness-source = Bron: VNG-handreiking ‘(voorbereiding op) digitale ontwrichting’, in eigen woorden samengevat.
readiness-item = Aandachtspunt
readiness-evidence = Bewijs
readiness-in_order_count = punten in orde
readiness-phase-preparation = Koude en lauwe fase
readiness-phase-warm = Warme fase
readiness-phase-aftermath = Nafase
readiness-ivp = Digitale ontwrichting heeft een vaste plek in het integraal veiligheidsplan.
readiness-ivp-proven = Het integraal veiligheidsplan staat in het register.
readiness-ivp-missing = Nog geen integraal veiligheidsplan in het register.
readiness-escalation_agreements = Er zijn afspraken over opschalen van het calamiteitenteam naar het beleidsteam, over de lijnen en over hoe bestuurders worden geïnformeerd.
readiness-escalation_agreements-proven = Er is een afspraak van calamiteitenteam naar beleidsteam.
readiness-escalation_agreements-missing = Nog geen afspraak van calamiteitenteam naar beleidsteam.
readiness-risk_organisations = Samen met de veiligheidsregio en andere overheden zijn de risicovolle organisaties en hun cascade-effecten in beeld.
readiness-ciso_reachable = De CISO is ook buiten kantoortijden bereikbaar (piket) en de wederzijdse verwachtingen zijn afgestemd.
readiness-ciso_reachable-proven = Het CISO-piket heeft de komende week geen gat.
readiness-ciso_reachable-missing = Er is geen CISO-piket, of het heeft de komende week een gat.
readiness-ciso_in_crisis_org = De CISO heeft een plek in de crisisorganisatie, de BOB-structuur en de opschaling, en het continuïteitsplan sluit daarop aan.
readiness-ciso_in_crisis_org-proven = Een team heeft een lid met de rol CISO.
readiness-ciso_in_crisis_org-missing = Nog geen team met een lid in de rol CISO.
readiness-periodic_meetings = Er is periodiek overleg over digitale veiligheid met de CISO en de betrokken portefeuillehouders.
readiness-periodic_meetings-proven = Er is een terugkerend overleg gepland.
readiness-periodic_meetings-missing = Nog geen terugkerend overleg gepland.
readiness-stakeholder_expectations = De verwachtingen met veiligheidsregio, politie, OM en IBD zijn scherp gesteld.
readiness-stakeholder_expectations-proven = Met veiligheidsregio, politie, OM en IBD zijn verwachtingen vastgelegd.
readiness-stakeholder_expectations-missing = Nog niet met alle vier (veiligheidsregio, politie, OM, IBD) verwachtingen vastgelegd.
readiness-exercises = Er wordt structureel geoefend met leerdoelen, ambtelijk en bestuurlijk, vastgelegd in het OTO-plan.
readiness-exercises-proven = Het oefenplan staat in het register.
readiness-exercises-missing = Nog geen oefenplan in het register.
readiness-advise_mayor = De adviseur kan de burgemeester adviseren over openbare orde en veiligheid, noodbevoegdheden en de uitvoering van maatregelen.
readiness-shared_picture = Er is een werkwijze voor een gedeeld beeld: welke processen en diensten getroffen zijn en in welke volgorde ze hersteld worden.
readiness-shared_picture-proven = Processen hebben een herstelvolgorde.
readiness-shared_picture-missing = Nog geen processen met een herstelvolgorde.
readiness-decisions_documented = Besluiten en hun overwegingen worden tijdens de crisis goed vastgelegd.
readiness-gbt_staffing = De bezetting van het beleidsteam is geregeld, met liaisons van getroffen organisaties en technische kennis aan tafel.
readiness-gbt_staffing-proven = Het beleidsteam heeft leden.
readiness-gbt_staffing-missing = Het beleidsteam heeft nog geen leden.
readiness-safety_region_support = Bekend is wat de veiligheidsregio kan leveren: operationeel leider, technisch voorzitter, informatiemanager, crisiscommunicatie.
readiness-timely_escalation = Er wordt tijdig geëscaleerd naar de gemeentesecretaris en bestuurders, ook de wethouder ICT.
readiness-dilemmas = De strategische dilemma's en sleutelbesluiten zijn vooraf verkend (communicatie, losgeld, classificatie, rol burgemeester, schaarse middelen, systemen uitzetten, externe experts).
readiness-communication = De gemeente communiceert transparant, intern en extern, en weet dat kwaadwillenden meelezen.
readiness-scenarios = Het team denkt in scenario's: worst case, real case en best case.
readiness-long_recovery = Er is rekening gehouden met een lange, kostbare hersteltijd en grote maatschappelijke impact.
readiness-evaluation = De aanpak wordt geëvalueerd en de leerpunten komen in de crisis- en continuïteitsplannen.
readiness-accountability = De adviseur ondersteunt het bestuur bij de verantwoording aan de gemeenteraad.
readiness-legal_insurance = Juridische en verzekeringsdeskundigheid is voor de nafase beschikbaar.
readiness-aftercare = Er is aandacht voor nazorg van betrokken medewerkers.
g-readiness-links = Bewijs in de registers
gh-readiness-links = De pagina's die laten zien dat dit punt in orde is, bijvoorbeeld het CISO-piketrooster of het crisisplan.
f-readiness-links-record = Gegeven
readiness-missing = Nog niet in orde:

## Generic register words
register-archived = gearchiveerd
register-is_archived = Dit gegeven is gearchiveerd.
register-unknown_ref = (onbekend)
register-used_in = Komt voor in
register-updated = Laatst gewijzigd
register-revision = versie
register-archive = Archiveren
register-archive_confirm = Archiveren? Het verdwijnt uit de lijsten; verwijzingen blijven leesbaar.
form-new = Toevoegen
form-edit = Bewerken
form-cancel = Annuleren
form-links = Koppelingen (niet verplicht)
form-links-hint = Waar dit bij hoort in deze crisis. Kies alleen wat van toepassing is.
form-choose = — kies —
form-required = verplicht
form-row = rij
form-more_rows = Meer rijen nodig? Sla op en bewerk opnieuw: er komen lege rijen bij.
form-search = Zoeken
form-search_submit = Zoeken
form-only_attention = Alleen wat aandacht vraagt
form-of = van
yes = ja
no = nee
flash-saved = Opgeslagen.
flash-archived = Gearchiveerd.
flash-imported = De contacten zijn geïmporteerd.
flash-order_changed = De herstelvolgorde is aangepast.

## Flags
flag-never_checked = nooit gecontroleerd
flag-checked_on = gecontroleerd op
flag-no_phone = geen telefoonnummer
flag-review_overdue = herziening te laat
flag-agreements_overdue = afspraken opnieuw bespreken
flag-gap_from = gat vanaf
flag-action_overdue = afspraak over tijd

## On call
oncall-now = Nu van dienst
oncall-until = tot
oncall-nobody = niemand
oncall-stand_in = vervanger
oncall-gap = Gat in de komende week
oncall-no_gap = De komende week gedekt

## Import and export
import-title = Contacten importeren
import-lead = Een CSV-bestand zoals Excel of Outlook het maakt (komma of puntkomma, UTF-8 of Windows-1252). U ziet eerst wat er geïmporteerd wordt; het is alles of niets.
import-file = CSV-bestand
import-file_hint = Kolommen zoals Naam (of Voornaam en Achternaam), Functie, Organisatie, Mobiel, Telefoon op werk, E-mailadres.
import-check = Controleren
import-refused = Het bestand is niet geïmporteerd
import-ready = Klaar om te importeren, aantal contacten:
import-preview = Wat geïmporteerd wordt
import-ignored = Genegeerde kolommen
import-confirm = Importeren
import-line = regel
import-no_file = Kies een bestand.
import-unreadable = Het bestand is niet te lezen
export-csv = Exporteren (CSV)
export-vcard = Naar telefoon (vCard)
export-vcard_team = Team naar telefoon (vCard)

## Feeds
feed-title = Agendalink
feed-create = Agendalink maken
feed-renew = Nieuwe agendalink (oude vervalt)
feed-issued = Abonneer u met deze link in uw eigen agenda. De link wordt maar één keer getoond; wie hem heeft, kan de agenda lezen.
feed-hint = Zet het adres van deze server ervoor, bijvoorbeeld https://crisismap.gemeente.nl.
feed-back = Terug

## Print
print-folder-desc = Alles uit de voorbereiding in één PDF: gereedheid, teams, contacten met terugvalkanalen, piket voor de komende weken, opschaling, partners, processen en herstelvolgorde, plannen, en lege formulieren. Op het voorblad staat de laatste hash van elke keten, zodat het papier de digitale vastlegging bevestigt.
print-folder-download = Crisismap downloaden (PDF)
print-forms-desc = Een leeg logboek, een lege besluitenlijst en een presentielijst staan achterin de crisismap, om met de hand in te vullen als niets digitaals werkt.
print-per_crisis = Wordt per crisis gemaakt, vanuit de crisiskamer.
print-pages = Elke lijst in crisismap heeft ook een knop Afdrukken voor de printer van de browser.
print-hours = uur

## Library
library-lead = De publicaties waar de VNG-handreiking naar verwijst. De adressen staan erbij om over te typen of af te drukken; crisismap haalt zelf niets van internet.
lib-lcpd = Het nationale plan voor digitale incidenten en crises; hoofdstuk 4 geeft de bouwstenen om ze te classificeren.
lib-intro = Een kennismaking met het cyberdomein voor nieuwe adviseurs openbare orde en veiligheid.
lib-roadmap = Een route langs wat een gemeente kan doen aan digitale veiligheid.
lib-exercise_pack = Materiaal om zelf een cyberoefening te houden.
lib-triangle = Een oefening voor de lokale driehoek rond een cybercrisis.
lib-hacked = Wat te doen in de eerste uren na een hack.
lib-regional = Wat de veiligheidsregio kan bijdragen aan het bestrijden van de gevolgen.
lib-powers = Welke bevoegdheden burgemeester en voorzitter veiligheidsregio hebben bij een cybercrisis.
lib-communication = Tips voor crisiscommunicatie bij incidenten met een cybercomponent.
lib-scenarios = Uitgewerkte cyberscenario's voor de veiligheidsregio's.
lib-mayor = Over de rol van de burgemeester als boegbeeld in een crisis.
lib-focus = De bestuurlijke prioriteiten van de VNG voor digitale veiligheid.
lib-wrr = Het advies van de WRR over de voorbereiding op digitale ontwrichting.
lib-threat = Het dreigingsbeeld voor gemeenten van de IBD.

## Field error codes of the register
error-invalid_phone = Dit is geen geldig telefoonnummer. Nederlandse nummers zoals 06-12345678; buitenlandse met + en landcode.
error-invalid_date = Vul een datum in, zoals 28-11-2026.
error-invalid_datetime = Vul een datum en tijd in.
error-not_a_number = Vul een heel getal in.
error-out_of_range = Dit getal ligt buiten het toegestane bereik.
error-unknown_choice = Kies een van de mogelijkheden uit de lijst.
error-unknown_reference = Kies een bestaand gegeven uit de lijst.
error-too_many_rows = Te veel rijen.
error-too_many_fields = Deze regel heeft meer velden dan de kop.
error-end_before_start = Het einde moet na het begin liggen.
error-overlapping_shift = Deze dienst overlapt met een andere dienst.
error-required_with_fallback = Beschrijf hoe de terugvaloptie werkt.
error-name_taken = Deze naam is al in gebruik.
error-stale_revision = Iemand anders heeft dit intussen gewijzigd. Uw invoer staat hieronder; bekijk de nieuwe versie en sla opnieuw op.
error-not_an_object = Verwacht een JSON-object.
error-unknown_field = Dit veld bestaat niet bij dit soort gegevens.
error-wrong_type = Verwacht tekst, een getal of ja/nee (bij een groep: een lijst van objecten).
error-not_found = Niet gevonden.
error-empty_file = het bestand is leeg
error-unsupported_encoding = de tekencodering wordt niet herkend
error-no_name_column = geen kolom met een naam gevonden
error-unclosed_quote = een aanhalingsteken wordt niet gesloten
error-malformed_csv = het bestand is geen geldige CSV
error-invalid_rows = er zijn fouten in de regels

## On call: who takes over after a gap, and who to call when nobody is on call
oncall-after_gap = Daarna:
oncall-from = vanaf
oncall-fallback = Niemand bereikbaar? Terugval:
