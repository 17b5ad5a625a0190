### Words of the preparation register: kinds, fields, choices, readiness items, help texts.
### The readiness items paraphrase the points of attention of the VNG guidance
### "(voorbereiding op) digitale ontwrichting" in our own words.

## Kinds
k-contact-plural = Contacts
k-contact-one = Contact
k-contact-new = New contact
k-contact-add_first = Add the first contact
k-contact-lead = Who you need in a crisis, with numbers and a fallback channel for when mail and phones fail. Check them regularly.
k-organisation-plural = Organisations and partners
k-organisation-one = Organisation
k-organisation-new = New organisation
k-organisation-add_first = Add the first organisation
k-organisation-lead = Safety region, police, prosecutor, IBD, NCSC, suppliers and neighbouring municipalities: how to reach them day and night and what you expect of each other.
k-team-plural = Teams
k-team-one = Team
k-team-new = New team
k-team-add_first = Add the first team
k-team-lead = The teams that may be activated in a cyber incident or crisis, with contact points, members and deputies.
k-roster-plural = On call
k-roster-one = On-call roster
k-roster-new = New on-call roster
k-roster-add_first = Add the first roster
k-roster-lead = Who can be reached outside office hours, per duty. A gap in the coming week is flagged.
k-escalation-plural = Escalation agreements
k-escalation-one = Escalation agreement
k-escalation-new = New escalation agreement
k-escalation-add_first = Add the first agreement
k-escalation-lead = When to scale up, from which team to which, who informs whom through which line, and who decides.
k-process-plural = Processes and services
k-process-one = Process or service
k-process-new = New process or service
k-process-add_first = Add the first process
k-process-lead = The municipality's own processes, what they depend on, how long they may stand still, and the order of recovery. This list seeds the shared picture of every crisis.
k-meeting-plural = Meetings
k-meeting-one = Meeting
k-meeting-new = New meeting
k-meeting-add_first = Plan the first meeting
k-meeting-lead = Periodic meetings on digital security, for example with the CISO and the portfolio holders, with agenda, minutes and agreed actions.
k-plan-plural = Plans and documents
k-plan-one = Plan or document
k-plan-new = New plan or document
k-plan-add_first = Add the first plan
k-plan-lead = Integral safety plan, crisis plan, continuity plan, incident response plan and exercise plan: owner, version, where the paper copy is, and when it must be reviewed.
k-readiness-plural = Readiness
k-readiness-one = Readiness item
k-readiness-new = Readiness item
k-readiness-add_first = Assess the first item
k-readiness-lead = The guidance's points of attention as a checklist.

## Contact fields
f-contact-name = Name
f-contact-function = Function
f-contact-organisation = Organisation
f-contact-email = E-mail address
f-contact-alternative_channel = Fallback channel
h-contact-alternative_channel = How to reach this person when mail and phones fail: a satellite phone, a radio, a fixed meeting point.
f-contact-notes = Notes
f-contact-last_checked = Last checked
h-contact-last_checked = When the details were last confirmed. After six months crisismap asks for a new check.
g-contact-phones = Phone numbers
gh-contact-phones = Dutch numbers may be typed as usual (06-12345678, 030 123 45 67); foreign ones with + and the country code.
f-contact-phones-label = Kind
f-contact-phones-number = Number
c-label-mobile = mobile
c-label-work = work
c-label-home = home
c-label-night = night / on call
c-label-other = other

## Organisation
f-organisation-name = Name
f-organisation-org_type = Kind of organisation
f-organisation-reachability = Reachable day and night through
h-organisation-reachability = For example the 24/7 number of the control room or the on-call service.
f-organisation-notes = Notes
g-organisation-contacts = Contact persons
f-organisation-contacts-contact = Contact
f-organisation-contacts-role = Role (e.g. liaison)
g-organisation-expectations = Agreed expectations
gh-organisation-expectations = What you expect of this partner, what they expect of the municipality, and when you discuss it again.
f-organisation-expectations-we_expect = What we expect
f-organisation-expectations-they_expect = What they expect
f-organisation-expectations-agreed_on = Agreed on
f-organisation-expectations-agreed_by = Agreed by
f-organisation-expectations-review_on = Review on
c-org_type-safety_region = safety region
c-org_type-police = police
c-org_type-prosecutor = public prosecutor
c-org_type-ibd = IBD
c-org_type-ncsc = NCSC
c-org_type-supplier = supplier
c-org_type-neighbour_municipality = neighbouring municipality
c-org_type-other = other

## Team
f-team-name = Name
f-team-standard = Kind of team
f-team-purpose = Purpose
f-team-civil_contact = Civil-service contact point
f-team-administrative_contact = Administrative contact point
g-team-members = Members
f-team-members-contact = Member
f-team-members-team_role = Role in the team
f-team-members-deputy = Deputy
h-team-members-deputy = Who stands in when this member cannot be reached.
c-standard-calamity_team = municipal calamity team
c-standard-local_triangle = local triangle
c-standard-policy_team = municipal policy team (GBT)
c-standard-custom = own team
c-team_role-chair = chair
c-team_role-advisor = advisor
c-team_role-secretary = secretary / logger
c-team_role-communication = communication
c-team_role-ciso = CISO
c-team_role-liaison = liaison
c-team_role-technical_expert = technical expert
c-team_role-member = member

## Roster
f-roster-name = Name
f-roster-duty = Duty
f-roster-notes = Notes
g-roster-shifts = Shifts
gh-roster-shifts = Times in Dutch time. Shifts may not overlap.
f-roster-shifts-person = Who
f-roster-shifts-start = From
f-roster-shifts-end = Until
g-roster-exceptions = Stand-ins
gh-roster-exceptions = Who takes over part of a shift (illness, holiday). A stand-in overrides the roster.
f-roster-exceptions-person = Stand-in
f-roster-exceptions-start = From
f-roster-exceptions-end = Until
f-roster-exceptions-reason = Reason
c-duty-crisis_advisor = crisis advisor
c-duty-ciso = CISO
c-duty-communication = communication advisor
c-duty-mayor = mayor
c-duty-municipal_secretary = municipal secretary
c-duty-other = other

## Escalation
f-escalation-name = Name
f-escalation-step = Step
h-escalation-step = The order in the escalation scheme.
f-escalation-applies_when = When
f-escalation-from_team = From team
f-escalation-to_team = To team
f-escalation-to_other = Or to (outside the teams)
h-escalation-to_other = For example: chair of the safety region (GRIP 4), NCSC.
f-escalation-who_informs = Who informs whom
f-escalation-line = Through which line
f-escalation-who_decides = Who decides
escalation-flow = Escalation scheme
escalation-to = to
escalation-start = Report

## Process
f-process-name = Name
f-process-owner = Owner
f-process-criticality = Criticality
f-process-max_downtime_hours = Maximum tolerable downtime (hours)
f-process-restore_priority = Restore priority
h-process-restore_priority = 1 is restored first. In the list you can also change the order with buttons.
f-process-systems = Systems it depends on
f-process-manual_fallback = Manual fallback available
f-process-fallback_how = How the fallback works
f-process-notes = Notes
g-process-suppliers = Suppliers
f-process-suppliers-organisation = Supplier
f-process-suppliers-what = What they supply
c-criticality-vital = vital
c-criticality-high = high
c-criticality-medium = medium
c-criticality-low = low
process-order = Order
process-up = Up
process-down = Down

## Meeting
f-meeting-name = Name
f-meeting-frequency = How often
f-meeting-first_start = First time
f-meeting-duration_minutes = Duration (minutes)
f-meeting-location = Location
f-meeting-agenda = Standing agenda
g-meeting-participants = Participants
f-meeting-participants-contact = Participant
g-meeting-minutes = Minutes
f-meeting-minutes-date = Date
f-meeting-minutes-notes = Minutes
g-meeting-actions = Agreed actions
f-meeting-actions-what = What
f-meeting-actions-who = Who
f-meeting-actions-deadline = Deadline
f-meeting-actions-done = Done
c-frequency-weekly = weekly
c-frequency-monthly = monthly
c-frequency-quarterly = quarterly
c-frequency-half_yearly = every six months
c-frequency-yearly = yearly
c-frequency-once = once
meeting-next = Next time

## Plan
f-plan-name = Name
f-plan-plan_type = Kind
f-plan-owner = Owner
f-plan-version = Version
f-plan-paper_copy = Paper copy is kept
h-plan-paper_copy = Where the printed copy is, for example 'crisis advisor's folder, cabinet B2'.
f-plan-review_on = Review before
f-plan-notes = Notes
c-plan_type-integral_safety_plan = integral safety plan
c-plan_type-crisis_plan = crisis plan
c-plan_type-continuity_plan = continuity plan
c-plan_type-incident_response_plan = incident response plan
c-plan_type-exercise_plan = training and exercise plan
c-plan_type-other = other

## Readiness
f-readiness-item = Point of attention
f-readiness-status = Status
f-readiness-owner = Owner
f-readiness-evidence = Evidence
h-readiness-evidence = What shows this is in order: a decision, minutes, where to find it.
f-readiness-last_reviewed = Last reviewed
c-status-not_started = not started
c-status-in_progress = in progress
c-status-in_order = in order
readiness-lead = What the guidance asks, per phase, as a checklist. Items the registers can prove are only in order when the registers show it.
readiness-source = Source: VNG guidance on (preparing for) digital disruption, summarised in our own words.
readiness-item = Point of attention
readiness-evidence = Evidence
readiness-in_order_count = items in order
readiness-phase-preparation = Cold and lukewarm phase
readiness-phase-warm = Warm phase
readiness-phase-aftermath = Aftermath
readiness-ivp = Digital disruption has a permanent place in the integral safety plan.
readiness-ivp-proven = The integral safety plan is in the register.
readiness-ivp-missing = No integral safety plan in the register yet.
readiness-escalation_agreements = There are agreements on scaling up from the calamity team to the policy team, on the lines, and on how administrators are informed.
readiness-escalation_agreements-proven = There is an agreement from calamity team to policy team.
readiness-escalation_agreements-missing = No agreement from calamity team to policy team yet.
readiness-risk_organisations = Together with the safety region and other authorities the risk organisations and their cascade effects are known.
readiness-ciso_reachable = The CISO can be reached outside office hours too (on call) and mutual expectations are agreed.
readiness-ciso_reachable-proven = The CISO roster has no gap in the coming week.
readiness-ciso_reachable-missing = There is no CISO roster, or it has a gap in the coming week.
readiness-ciso_in_crisis_org = The CISO has a place in the crisis organisation, the BOB cycle and escalation, and the continuity plan fits in.
readiness-ciso_in_crisis_org-proven = A team has a member with the CISO role.
readiness-ciso_in_crisis_org-missing = No team has a member in the CISO role yet.
readiness-periodic_meetings = There are periodic meetings on digital security with the CISO and the portfolio holders involved.
readiness-periodic_meetings-proven = A recurring meeting is planned.
readiness-periodic_meetings-missing = No recurring meeting planned yet.
readiness-stakeholder_expectations = Expectations with the safety region, police, prosecutor and IBD are clear.
readiness-stakeholder_expectations-proven = Expectations are recorded with the safety region, police, prosecutor and IBD.
readiness-stakeholder_expectations-missing = Expectations not yet recorded with all four (safety region, police, prosecutor, IBD).
readiness-exercises = Exercises with learning goals take place structurally, for civil servants and administrators, laid down in the training and exercise plan.
readiness-exercises-proven = The exercise plan is in the register.
readiness-exercises-missing = No exercise plan in the register yet.
readiness-advise_mayor = The advisor can advise the mayor on public order and safety, emergency powers and carrying out measures.
readiness-shared_picture = There is a way of working for a shared picture: which processes and services are hit and in which order they are restored.
readiness-shared_picture-proven = Processes have a restore priority.
readiness-shared_picture-missing = No processes with a restore priority yet.
readiness-decisions_documented = Decisions and their considerations are recorded well during the crisis.
readiness-gbt_staffing = The policy team's staffing is arranged, with liaisons of affected organisations and technical knowledge at the table.
readiness-gbt_staffing-proven = The policy team has members.
readiness-gbt_staffing-missing = The policy team has no members yet.
readiness-safety_region_support = It is known what the safety region can provide: operational leader, technical chair, information manager, crisis communication.
readiness-timely_escalation = Escalation to the municipal secretary and administrators, the alderman for ICT too, happens in time.
readiness-dilemmas = The strategic dilemmas and key decisions were explored beforehand (communication, ransom, classification, the mayor's role, scarce means, switching systems off, external experts).
readiness-communication = The municipality communicates transparently, internally and externally, aware that adversaries read along.
readiness-scenarios = The team thinks in scenarios: worst, real and best case.
readiness-long_recovery = A long, costly recovery and a large societal impact are taken into account.
readiness-evaluation = The approach is evaluated and the lessons go into the crisis and continuity plans.
readiness-accountability = The advisor supports the administration in rendering account to the city council.
readiness-legal_insurance = Legal and insurance expertise is available for the aftermath.
readiness-aftercare = There is aftercare for the staff involved.
g-readiness-links = Evidence in the registers
gh-readiness-links = The pages that show this item is in order, for example the CISO on-call roster or the crisis plan.
f-readiness-links-record = Record
readiness-missing = Not yet in order:

## Generic register words
register-archived = archived
register-is_archived = This record is archived.
register-unknown_ref = (unknown)
register-used_in = Appears in
register-updated = Last changed
register-revision = revision
register-archive = Archive
register-archive_confirm = Archive? It leaves the lists; references stay readable.
form-new = Add
form-edit = Edit
form-cancel = Cancel
form-links = Links (optional)
form-links-hint = What this belongs to in this crisis. Choose only what applies.
form-choose = — choose —
form-required = required
form-row = row
form-more_rows = Need more rows? Save and edit again: empty rows are added.
form-search = Search
form-search_submit = Search
form-only_attention = Only what needs attention
form-of = of
yes = yes
no = no
flash-saved = Saved.
flash-archived = Archived.
flash-imported = The contacts have been imported.
flash-order_changed = The restore order has been changed.

## Flags
flag-never_checked = never checked
flag-checked_on = checked on
flag-no_phone = no phone number
flag-review_overdue = review overdue
flag-agreements_overdue = agreements due for review
flag-gap_from = gap from
flag-action_overdue = action overdue

## On call
oncall-now = On duty now
oncall-until = until
oncall-nobody = nobody
oncall-stand_in = stand-in
oncall-gap = Gap in the coming week
oncall-no_gap = Covered for the coming week

## Import and export
import-title = Import contacts
import-lead = A CSV file as Excel or Outlook makes it (comma or semicolon, UTF-8 or Windows-1252). You first see what will be imported; it is all or nothing.
import-file = CSV file
import-file_hint = Columns such as Name (or First Name and Last Name), Job Title, Company, Mobile Phone, Business Phone, E-mail Address.
import-check = Check
import-refused = The file was not imported
import-ready = Ready to import, number of contacts:
import-preview = What will be imported
import-ignored = Ignored columns
import-confirm = Import
import-line = line
import-no_file = Choose a file.
import-unreadable = The file cannot be read
export-csv = Export (CSV)
export-vcard = To phone (vCard)
export-vcard_team = Team to phone (vCard)

## Feeds
feed-title = Calendar link
feed-create = Create calendar link
feed-renew = New calendar link (old one stops)
feed-issued = Subscribe to this link in your own calendar. It is shown only once; whoever has it can read the calendar.
feed-hint = Put this server's address in front, for example https://crisismap.municipality.nl.
feed-back = Back

## Print
print-folder-desc = Everything from preparation in one PDF: readiness, teams, contacts with fallback channels, on call for the coming weeks, escalation, partners, processes and restore order, plans, and blank forms. The cover shows the head hash of each chain, so the paper witnesses the digital record.
print-folder-download = Download the crisis folder (PDF)
print-forms-desc = A blank log, a blank decision list and an attendance list are at the back of the crisis folder, to fill in by hand when nothing digital works.
print-per_crisis = Made per crisis, from the crisis room.
print-pages = Every list in crisismap also has a Print button for the browser's printer.
print-hours = hours

## Library
library-lead = The publications the VNG guidance refers to. The addresses are given to type over or print; crisismap itself fetches nothing from the internet.
lib-lcpd = The national plan for digital incidents and crises; chapter 4 gives the building blocks to classify them.
lib-intro = An introduction to the cyber domain for new public-order advisors.
lib-roadmap = A route through what a municipality can do for digital security.
lib-exercise_pack = Material to hold a cyber exercise yourself.
lib-triangle = An exercise for the local triangle around a cyber crisis.
lib-hacked = What to do in the first hours after a hack.
lib-regional = What the safety region can contribute to fighting the effects.
lib-powers = Which powers the mayor and the chair of the safety region have in a cyber crisis.
lib-communication = Tips for crisis communication in incidents with a cyber component.
lib-scenarios = Worked-out cyber scenarios for the safety regions.
lib-mayor = On the mayor's role as the public face in a crisis.
lib-focus = The VNG's administrative priorities for digital security.
lib-wrr = The WRR's advice on preparing for digital disruption.
lib-threat = The IBD's threat assessment for municipalities.

## Field error codes of the register
error-invalid_phone = This is not a valid phone number. Dutch numbers like 06-12345678; foreign ones with + and the country code.
error-invalid_date = Enter a date, such as 28-11-2026.
error-invalid_datetime = Enter a date and time.
error-not_a_number = Enter a whole number.
error-out_of_range = This number is out of range.
error-unknown_choice = Choose one of the options in the list.
error-unknown_reference = Choose an existing record from the list.
error-too_many_rows = Too many rows.
error-too_many_fields = This line has more fields than the header.
error-end_before_start = The end must be after the start.
error-overlapping_shift = This shift overlaps another shift.
error-required_with_fallback = Describe how the fallback works.
error-name_taken = This name is already in use.
error-stale_revision = Someone else changed this in the meantime. Your input is below; look at the new version and save again.
error-not_an_object = Expected a JSON object.
error-unknown_field = This kind of record has no such field.
error-wrong_type = Expected text, a number or true/false (for a group: a list of objects).
error-not_found = Not found.
error-empty_file = the file is empty
error-unsupported_encoding = the character encoding is not recognised
error-no_name_column = no column with a name found
error-unclosed_quote = a quote is never closed
error-malformed_csv = the file is not valid CSV
error-invalid_rows = there are errors in the rows

## On call: who takes over after a gap, and who to call when nobody is on call
oncall-after_gap = After that:
oncall-from = from
oncall-fallback = Nobody reachable? Fall back on:
