# Oefenen: het oefenplan, leerdoelen, draaiboeken, oefenleiding en observaties.

exercise-guidance = Naar de handreiking van de VNG: oefen structureel en met leerdoelen, ambtelijk en bestuurlijk, en samen met partners als politie, OM en veiligheidsregio, vastgelegd in het OTO-plan.
exercise-runs = Oefeningen in de crisisruimte
exercise-runs_none = Er loopt geen oefening. Start er hieronder een vanuit een draaiboek.
exercise-start = Oefening starten
exercise-start_hint = Starten opent een oefencrisis met de OEFENING-markering en de oefenleiding. De injects van het draaiboek gaan mee zoals het draaiboek nu is; jij bent de oefenleiding.
exercise-script = Draaiboek
exercise-plan_item = Hoort bij oefening uit het oefenplan
exercise-no_scripts = Er is nog geen draaiboek. Neem een ingebouwd scenario over of schrijf een eigen draaiboek.
exercise-inject_count = { $count ->
    [one] 1 inject
   *[other] { $count } injects
}
exercise-plan = Oefenplan (OTO)
exercise-plan_empty = Er staan nog geen oefeningen in het oefenplan.
exercise-plan_all = Alle oefeningen van het plan
exercise-official_count = { $count ->
    [one] 1 ambtelijk
   *[other] { $count } ambtelijk
}
exercise-administrative_count = { $count ->
    [one] 1 bestuurlijk
   *[other] { $count } bestuurlijk
}
exercise-to_run = naar de oefening
exercise-builtin = Ingebouwde scenario's
exercise-builtin_hint = Realistische cyberscenario's van crisismap, in eigen woorden geschreven. Overnemen maakt er een eigen draaiboek van dat je kunt aanpassen; de leerdoelen komen mee.
exercise-adopt = Overnemen
exercise-scripts_all = Alle draaiboeken
exercise-goal_count = { $count ->
    [one] 1 leerdoel
   *[other] { $count } leerdoelen
}
exercise-goals_all = Alle leerdoelen
exercise-adopt_goals = { $count ->
    [one] Neem 1 leerdoel van crisismap over
   *[other] Neem { $count } leerdoelen van crisismap over
}
exercise-evaluation = Evaluatie
exercise-evaluation_lead = Na de oefening: de hotwash (tops en tips), de bevindingen per thema, de scores per leerdoel en de reactietijden per inject. Leerpunten worden verbeteracties in hetzelfde register als na een echte crisis.
exercise-inject = inject
exercise-flash-goals_adopted = De leerdoelen zijn overgenomen.
exercise-flash-scenario_adopted = Het scenario is overgenomen als draaiboek.
exercise-flash-released = Het inject is uitgezet bij de spelers.
exercise-flash-withheld = Het inject wordt niet uitgezet.
exercise-flash-clock = De oefenklok is bijgewerkt.
exercise-flash-staff = De bezetting is opgeslagen.
exercise-flash-ad_hoc = Het extra inject is uitgezet.
exercise-flash-observed = De observatie is vastgelegd.

exercise-control-title = Oefenleiding
exercise-control-only = Alleen de oefenleiding ziet deze pagina. Spelers zien de berichten pas als ze zijn uitgezet.
exercise-you_control = Je bent oefenleiding van deze oefening en speelt niet mee.
exercise-you_observe = Je bent waarnemer bij deze oefening en speelt niet mee.
exercise-clock = Oefentijd
exercise-running = loopt
exercise-paused = gepauzeerd
exercise-ended = beëindigd
exercise-not_started = nog niet gestart
exercise-due_count = { $count ->
    [one] 1 inject moet nu uit
   *[other] { $count } injects moeten nu uit
}
exercise-start_clock = Start de oefening
exercise-pause = Pauzeer
exercise-resume = Hervat
exercise-end = Beëindig de oefening
exercise-auto_on = Injects gaan vanzelf uit als ze aan de beurt zijn (reserve-injects niet).
exercise-auto_off = Injects gaan alleen uit als de oefenleiding ze uitzet.
exercise-auto_release = Injects vanzelf uitzetten als ze aan de beurt zijn
exercise-events_list = Draaiboek: de injects
exercise-preview_hint = Het kader toont elk inject zoals de spelers het in hun logboek krijgen.
exercise-at_minute = minuut { $minute }
exercise-after = { $minutes } min na inject { $number }
exercise-to = aan
exercise-as_players_see = Zo zien de spelers het
exercise-released_at = Uitgezet op
exercise-response = eerste reactie na
exercise-no_response = nog geen reactie
exercise-release = Zet uit
exercise-withhold = Niet uitzetten
exercise-ad_hoc = Extra inject
exercise-ad_hoc_release = Zet dit bericht nu uit
exercise-players_record = Wat de spelers vastleggen
exercise-players_none = De spelers hebben nog niets vastgelegd.
exercise-whole_log = Het hele logboek
exercise-goals_rated = Leerdoelen en scores
exercise-median_response = Mediane reactietijd
exercise-no_goals = Dit draaiboek noemt geen leerdoelen.
exercise-observation_count = { $count ->
    [0] nog geen observaties
    [one] 1 observatie
   *[other] { $count } observaties
}
exercise-staff = Bezetting
exercise-staff_save = Bezetting opslaan
exercise-observers = Waarnemers

exercise-observe-title = Observaties
exercise-observe-lead = Alleen de oefenleiding en de waarnemers zien de observaties. Noteer wat je ziet bij een leerdoel en geef zo nodig een score met je onderbouwing.
exercise-observe-save = Observatie vastleggen
exercise-observations = Vastgelegde observaties
exercise-observations_none = Er zijn nog geen observaties.
exercise-no_rating = Geen score

c-inject_state-released = uitgezet
c-inject_state-withheld = niet uitgezet
c-inject_state-due = nu aan de beurt
c-inject_state-upcoming = binnenkort
c-inject_state-waiting = later
c-inject_state-reserve = reserve

c-status-prepared = Voorbereid
c-status-evaluated = Geëvalueerd
c-status-cancelled = Vervallen
c-status-pending = Nog niet uitgezet
c-status-released = Uitgezet
c-status-withheld = Niet uitgezet

c-form-discussion = Discussiebijeenkomst
c-form-tabletop = Table-top
c-form-functional = Functionele oefening (staf)
c-form-full_scale = Volledige oefening
c-form-alerting_test = Alarmeringstest
c-form-training = Training
c-level-official = Ambtelijk
c-level-administrative = Bestuurlijk
c-level-both = Ambtelijk en bestuurlijk
c-function-testing = Toetsen
c-function-developing = Ontwikkelen
c-function-orienting = Oriënteren
c-sender-supplier = Leverancier
c-sender-ibd = IBD
c-sender-ncsc = NCSC
c-sender-press = Pers
c-sender-resident = Inwoner
c-sender-safety_region = Veiligheidsregio
c-sender-police = Politie
c-sender-prosecutor = Openbaar Ministerie
c-sender-staff = Medewerker
c-sender-council = Gemeenteraad
c-sender-business = Ondernemer
c-sender-other = Anders
c-channel-phone = telefoon
c-channel-email = e-mail
c-channel-news = nieuwsbericht
c-channel-social_media = sociale media
c-channel-walk_in = aan de balie
c-channel-text_message = sms of chat
c-rating-not = Niet behaald
c-rating-partly = Deels behaald
c-rating-largely = Grotendeels behaald
c-rating-fully = Volledig behaald
c-category-incoming = Binnengekomen bericht

k-learning_goal-plural = Leerdoelen
k-learning_goal-one = Leerdoel
k-learning_goal-new = Nieuw leerdoel
k-learning_goal-add_first = Leg het eerste leerdoel vast, of neem de leerdoelen van crisismap over op de pagina Oefenen
k-learning_goal-lead = Wat een oefening moet laten zien, per thema: dezelfde thema's als de evaluatie van een echte crisis.
f-learning_goal-name = Leerdoel
f-learning_goal-theme = Thema
f-learning_goal-description = Waaraan zie je dat het gehaald is

k-exercise-plural = Oefeningen
k-exercise-one = Oefening
k-exercise-new = Nieuwe oefening
k-exercise-add_first = Plan de eerste oefening
k-exercise-lead = Het oefenplan: welke oefening wanneer, in welke vorm, op welk niveau, met welke teams, partners en leerdoelen.
f-exercise-name = Oefening
f-exercise-form = Vorm
f-exercise-level = Niveau
f-exercise-function = Functie van de oefening
f-exercise-planned_on = Gepland op
f-exercise-status = Stand
f-exercise-owner = Verantwoordelijk
f-exercise-script = Draaiboek
f-exercise-external = Externe partijen (overig)
f-exercise-notes = Toelichting
g-exercise-teams = Teams die meedoen
f-exercise-teams-team = Team
g-exercise-parties = Partners die meedoen
f-exercise-parties-organisation = Organisatie
g-exercise-goals = Leerdoelen
f-exercise-goals-goal = Leerdoel

k-exercise_script-plural = Draaiboeken
k-exercise_script-one = Draaiboek
k-exercise_script-new = Nieuw draaiboek
k-exercise_script-add_first = Schrijf het eerste draaiboek, of neem een ingebouwd scenario over op de pagina Oefenen
k-exercise_script-lead = Het scenario, de achtergrond voor de oefenleiding en de injects: wie wat wanneer en via welk kanaal aan wie stuurt.
f-exercise_script-name = Draaiboek
f-exercise_script-function = Functie van de oefening
f-exercise_script-form = Vorm
f-exercise_script-level = Niveau
f-exercise_script-duration_minutes = Duur in minuten
f-exercise_script-scenario = Beginsituatie voor de spelers
f-exercise_script-background = Achtergrond (alleen oefenleiding)
f-exercise_script-version_note = Versie en wijziging
g-exercise_script-goals = Leerdoelen
f-exercise_script-goals-goal = Leerdoel
g-exercise_script-injects = Injects
f-exercise_script-injects-number = Nummer
f-exercise_script-injects-at_minutes = Minuut na de start
f-exercise_script-injects-at_time = Of om (uu:mm)
f-exercise_script-injects-after = Of na inject nummer
f-exercise_script-injects-after_minutes = Minuten daarna
f-exercise_script-injects-sender = Afzender (gespeeld)
f-exercise_script-injects-sender_name = Naam van de afzender
f-exercise_script-injects-to = Aan (team of rol)
f-exercise_script-injects-channel = Kanaal
f-exercise_script-injects-text = Tekst zoals de spelers die krijgen
f-exercise_script-injects-expected = Verwachte actie of besluit
f-exercise_script-injects-goal = Leerdoel
f-exercise_script-injects-controller = Tegenspeler in de oefenleiding
f-exercise_script-injects-contingency = Reserve-inject (alleen als een verwachte actie uitblijft)

e-inject-plural = Injects
e-inject-one = Inject
e-inject-new = Nieuw inject
e-inject-lead = Berichten van gespeelde afzenders, door de oefenleiding uitgezet.
f-inject-number = Nummer
f-inject-at_minutes = Minuut na de start
f-inject-at_time = Om
f-inject-after = Na inject
f-inject-after_minutes = Minuten daarna
f-inject-sender = Afzender
f-inject-sender_name = Naam van de afzender
f-inject-to = Aan
f-inject-channel = Kanaal
f-inject-text = Tekst
f-inject-expected = Verwacht
f-inject-goal = Leerdoel
f-inject-controller = Tegenspeler
f-inject-contingency = Reserve-inject
f-inject-ad_hoc = Extra inject
f-inject-status = Stand
f-inject-released_at = Uitgezet op
f-inject-released_minute = Uitgezet in oefenminuut
f-inject-log = Logregel
f-inject-note = Notitie

e-observation-plural = Observaties
e-observation-one = Observatie
e-observation-new = Nieuwe observatie
e-observation-lead = Wat waarnemers zagen, bij een leerdoel, met een score.
f-observation-observed_at = Waargenomen op
f-observation-goal = Leerdoel
f-observation-text = Wat je zag
f-observation-rating = Score voor het leerdoel
f-observation-log = Over logregel
f-observation-decision = Over besluit
f-observation-inject = Naar aanleiding van inject

error-required_to_start = Vul dit in voordat de oefening kan starten: elk inject heeft een tekst, een geadresseerde en een moment nodig.
error-no_injects = Dit draaiboek heeft nog geen injects.
error-duplicate_number = Dit nummer heeft een ander inject al.
error-invalid_time_of_day = Schrijf een tijd als 14:30.
error-unknown_inject = Kies het nummer van een ander inject uit dit draaiboek.
error-one_moment = Geef één moment: een minuut, een tijd of na een ander inject.
error-required_with_delay = Noem het inject waarna dit komt.
error-not_an_exercise = Dit is geen oefening.
error-clock_running = De oefenklok loopt al.
error-clock_not_running = De oefenklok staat al stil.
error-exercise_ended = De oefening is beëindigd.
error-already_released = Dit inject is al uitgezet of tegengehouden.

exercise-moment = Moment
exercise-injects_responses = Injects en reactietijden
exercise-judged-testing = Toetsende oefening: elk leerdoel is afgezet tegen de afgesproken norm. Niet of deels behaald is een tekortkoming die om een verbeteractie vraagt.
exercise-judged-developing = Ontwikkelende oefening: de scores laten zien waar het team staat en wat het volgende leerdoel is; fouten maken hoort erbij.
exercise-judged-orienting = Oriënterende oefening: het ging om kennismaken met het onderwerp en met elkaar; de scores zijn een eerste indruk, geen oordeel.

board-incoming = Binnengekomen berichten

script-export_csv = Injects als CSV
script-export_json = Draaiboek als JSON
script-import_csv = Injects inlezen uit CSV
script-import_json = Draaiboek inlezen uit JSON
script-import = Inlezen
script-line = Regel
script-import_csv_lead = Vervangt de injects van dit draaiboek door de regels van het bestand (een CSV zoals de knop Injects als CSV die maakt). Alles of niets: bij één fout wordt niets veranderd en staat elke foute regel hieronder. Leerdoelen staan er met hun naam in.
script-import_json_lead = Neemt een draaiboek over dat een andere gemeente als JSON heeft gedeeld. Leerdoelen die hier nog niet zijn, komen uit de catalogus van crisismap.
error-malformed_json = Dit bestand is geen leesbaar JSON-draaiboek.
error-too_many_cells = Deze regel heeft meer cellen dan het bestand kolommen heeft.
