### The frame of every page, the overview, sign-in, administration, errors and the messages
### shown after a change.

## Navigation and frame
a11y-skip = Skip to content
nav-label = Main menu
nav-overview = Overview
nav-prepare = Prepare
nav-crisis = Crisis
nav-aftermath = Aftermath
nav-exercise = Exercise
nav-print = Print
nav-admin = Administration
nav-logout = Log out
footer-tagline = preparing for, handling and learning from digital disruption
footer-accessibility = Accessibility
action-print = Print
action-save = Save
empty-nothing_yet = Nothing recorded yet.
form-problem = There is a problem

## Roles
role-admin = administrator
role-editor = editor
role-member = member
role-viewer = viewer

## Fields
field-email = E-mail address
field-password = Password
field-display_name = Name
field-role = Role

## Field errors (codes from the domain)
error-required = Fill in this field.
error-too_long = This is too long.
error-control_characters = This contains invisible control characters; type it again.
error-invalid_email = Enter a valid e-mail address, such as name@municipality.nl.
error-unknown_role = Choose one of the roles in the list.
error-email_taken = A user with this e-mail address already exists.
error-last_admin = Not possible: the workspace must keep at least one active administrator.
error-unknown_user = This user does not exist (any more).
error-invalid_json_shape = The data does not have the expected shape.

## Error pages
error-home = Go to the overview
error-400-heading = This request is not valid
error-400-text = The data could not be read. Go back and try again.
error-403-heading = No access
error-403-text = You are not allowed to see this page or do this, or the form had expired. Go back, reload the page and try again. Need access? Ask the administrator for another role.
error-404-heading = Page not found
error-404-text = This page does not exist, or does not belong to your workspace.
error-405-heading = Not possible here
error-405-text = This page does not support this action.
error-408-heading = This took too long
error-408-text = The request was stopped. Try again.
error-409-heading = This conflicts with another change
error-409-text = Someone else changed something in the meantime. Reload the page and try again.
error-413-heading = Too large
error-413-text = What you sent is larger than the server accepts. Make it smaller or split it.
error-415-heading = Unknown format
error-415-text = The server cannot read this format.
error-422-heading = Not all data is valid
error-422-text = Go back and check the data.
error-429-heading = Too many attempts
error-429-text = Wait a while and try again.
error-500-heading = Something went wrong
error-500-text = This is a fault in crisismap, not in what you did. It has been logged. Try again; keep the paper crisis folder at hand.

## Login and password
login-title = Log in
login-heading = Log in to crisismap
login-lead = For your municipality's crisis organisation: prepare, run the crisis, render account.
login-submit = Log in
login-failed = Wrong e-mail address or password, or the account is disabled.
login-throttled = Too many failed attempts. Try again in a quarter of an hour, or ask the administrator for a new password.
login-logged_out = You have logged out.
password-title = Change password
password-required = First choose a password of your own. The password you were given was for one use only.
password-current = Current password
password-new = New password
password-repeat = New password again
password-rules = At least 12 characters. A sentence of a few words is strong and easy to remember.
password-submit = Save password
password-wrong_current = The current password is not correct.
password-too_short = The new password must have at least 12 characters.
password-too_long = The new password may have at most 256 characters.
password-same_as_old = Choose a password other than the current one.
password-mismatch = The two new passwords differ.

## Flash messages
flash-password_changed = Your password has been changed.
flash-role_changed = The role has been changed.
flash-user_disabled = The user has been disabled; all their sessions and tokens have ended.
flash-user_enabled = The user has been enabled again.
flash-language_changed = The language has been changed.
flash-token_revoked = The token has been revoked.

## Dashboard
dashboard-title = Overview
dashboard-crises = Running crises and exercises
dashboard-crises-empty = No crisis or exercise is running at the moment.
dashboard-oncall = Reachable now (on call)
dashboard-oncall-empty = No on-call rosters recorded yet.
dashboard-readiness = Readiness
dashboard-due = Needs attention
dashboard-due-flagged =
    { $count ->
        [one] 1 needs attention
       *[other] { $count } need attention
    }
dashboard-due-empty = Nothing needs attention now.
dashboard-upcoming = Upcoming meetings and exercises
dashboard-upcoming-empty = Nothing planned yet.
dashboard-record = Record
dashboard-record-users = Users
dashboard-record-events = Recorded events
dashboard-record-verify = Verify the record

## Sections
section-prepare-title = Prepare
section-prepare-lead = What must be ready in the cold and lukewarm phase, following the VNG guidance on (preparing for) digital disruption.
section-crisis-title = Crisis
section-crisis-lead = The crisis room for the lukewarm and warm phase: picture, log, decisions, actions and communication.
section-aftermath-title = Aftermath
section-aftermath-lead = Recovery, evaluation and accountability after the acute crisis.
section-exercise-title = Exercise
section-exercise-lead = Exercising with learning goals, embedded in the training and exercise plan.
section-print-title = Print
section-print-lead = Paper works when the network does not.
part-contacts-title = Contacts
part-contacts-desc = Who you need, with numbers and a fallback channel for when mail and phones fail.
part-organisations-title = Organisations and partners
part-organisations-desc = Safety region, police, prosecutor, IBD, suppliers, and the expectations agreed both ways.
part-teams-title = Teams
part-teams-desc = Calamity team, local triangle and policy team, with members and deputies.
part-oncall-title = On call
part-oncall-desc = Who can be reached outside office hours, the CISO included.
part-escalation-title = Escalation
part-escalation-desc = When to scale up, from which team to which, and who informs whom.
part-processes-title = Processes and services
part-processes-desc = The municipality's own processes and the order in which they must be restored.
part-meetings-title = Meetings
part-meetings-desc = Periodic meetings with the CISO and the portfolio holders.
part-plans-title = Plans and documents
part-plans-desc = Integral safety plan, crisis plan, continuity plan and where the paper copy is.
part-readiness-title = Readiness
part-readiness-desc = The guidance's points of attention as a checklist, with evidence.
part-library-title = Library
part-library-desc = The publications the guidance refers to, in one place.
part-print_folder-title = Crisis folder
part-print_sitrep-title = Situation report
part-print_sitrep-desc = The state of a crisis at one moment.
part-print_decisions-title = Decision list
part-print_decisions-desc = All decisions with considerations, with the verification of the record.
part-print_forms-title = Blank forms

## Administration
admin-title = Administration
admin-users-desc = Who has access, with which role.
admin-tokens-desc = Personal keys for the API, under Account.
admin-verify-desc = Check that the recorded history is intact.
admin-audit-desc = Logins and refused requests.
admin-backup = Backup
admin-backup-desc = Back up the data folder (crisismap.db and the files beside it) or the PostgreSQL database; see the README.
users-title = Users and roles
users-list = Users of this workspace
users-status = Status
users-actions = Actions
users-active = active
users-disabled = disabled
users-change_role = Change role
users-disable = Disable
users-disable_confirm = Disable this user? All their sessions and tokens end at once.
users-enable = Enable
users-reset = New password
users-reset_confirm = Create a new one-time password? The old one stops working.
users-add = Add a user
users-add_submit = Add
users-role_hint = Viewer reads everything; member takes part in a crisis; editor also maintains preparation; administrator also manages users.
users-issued = One-time password created for
users-one_time_password = One-time password
users-one_time_hint = Pass this password on in person or by phone. It is shown only once; at first login the user chooses their own.
verify-title = Verification of the record
verify-lead = Every event is linked to the one before by a hash. A changed, deleted or moved event breaks the chain and is reported here.
verify-intact = All chains are intact.
verify-broken = Warning: the record has been tampered with.
verify-streams = Chains of this workspace
verify-kind = Chain
verify-length = Events
verify-head = Head hash
verify-result = Result
verify-ok = intact
verify-bad = tampered
verify-at_seq = at seq
stream-workspace = Workspace administration
stream-preparation = Preparation
stream-crisis = Crisis
audit-title = Audit log
audit-lead = Logins, changes to access and refused requests (the newest 500). Passwords and tokens never appear here.
audit-caption = Audit lines, newest first
audit-at = Time
audit-actor = Who
audit-action = Action
audit-object = Object
audit-result = Result
audit-origin = From

## Account
account-title = Account
account-sessions = Open sessions
account-language = Language
account-language-legend = Language of crisismap
account-change_password = Change password
tokens-title = API tokens
tokens-lead = A token lets another program use the API on your behalf, with your role. Revoke a token as soon as it is no longer needed.
tokens-none = You have no tokens yet.
tokens-caption = Your tokens
tokens-name = Token name
tokens-name_hint = What it is for, for example 'dispatch link'.
tokens-created = Created
tokens-last_used = Last used
tokens-revoked = revoked
tokens-revoke = Revoke
tokens-create = Create token
tokens-issued = New token. Copy it now: it is shown only once.
tokens-issued_hint = Use it as: Authorization: Bearer <token>

## Accessibility statement (toegankelijkheidsverklaring)
a11y-title = Accessibility statement
a11y-lead = crisismap is made for everyone in the crisis organisation: also for people who work with the keyboard alone, a screen reader, magnification or voice control, and also under time pressure. This page tells you how accessible crisismap is, how that was established, what is not right yet and what you can do when something stands in your way.
a11y-scope-heading = What this statement covers
a11y-scope-body = This statement covers the crisismap web application: every page and form, the print views and the PDF documents crisismap produces. An organisation that uses crisismap takes this statement into its own accessibility statement and registers that in the national register at toegankelijkheidsverklaring.nl. What users enter themselves, such as log entries and document names, is that organisation's responsibility.
a11y-standard-heading = The standard
a11y-standard-body = Dutch government bodies must make their websites and applications accessible according to the European standard EN 301 549. For web content that standard refers to the Web Content Accessibility Guidelines (WCAG) 2.1, levels A and AA. That is the yardstick for crisismap.
a11y-status-heading = Compliance status
a11y-status-body = crisismap partially complies with WCAG 2.1 level AA. The automated checks below find no deviations and the keyboard tests pass. A full manual evaluation by an independent expert (using the WCAG-EM method) has not been done yet, and there are known limitations; so we do not claim full compliance.
a11y-method-heading = How this was established
a11y-method-intro = With every version these checks run automatically in a real browser (Chromium), on the demo municipality with all its data:
a11y-method-axe = axe-core checks the WCAG 2.0 and 2.1 level A and AA rules a machine can check: on every page an administrator, an editor, a member, a viewer and a guest of a crisis can reach from the start page, on the print views and on the public pages.
a11y-method-keyboard = Keyboard tests: the ‘Skip to content’ link, a tab order that reaches every tab of the crisis room and every form field, a visible focus, no keyboard trap, and recording a log entry with the keyboard alone.
a11y-method-forms = Forms: an error is shown in words next to its field, is linked to the field for assistive technology, and what you had typed is kept.
a11y-method-contrast = Contrast: the EXERCISE banner, the status colours and the labels are measured at 4.5:1 or more, on screen and on paper.
a11y-method-caveat = Automated checks find far from every problem; they do not replace testing with people who use assistive technology.
a11y-version = This statement belongs to crisismap version
a11y-version_date = and was drawn up on 1 December 2026. It is reviewed with every new version.
a11y-limits-heading = Known limitations
a11y-limits-svg = Dependencies and the cascade of a failure are also shown as a picture (SVG). Such a picture is hard to follow with a screen reader; so every picture always has a table with the same information beside it.
a11y-limits-pdf = The PDF documents (the crisis folder, the situation report and the decision record) are tagged according to PDF/UA-1 and PDF/A-2a, with reading order, headings and table headers. They are checked automatically but have not been tested with every screen reader yet. The same information is on the web pages.
a11y-limits-timeout = For security a session ends after a period without activity (30 minutes by default; the administrator can extend it to 24 hours). There is no warning beforehand, and what you were typing must be entered again after logging in (WCAG 2.2.1).
a11y-limits-live = Crisis pages update themselves as soon as someone else records something; this cannot be switched off (WCAG 2.2.2). While you are typing only a notice with a ‘Refresh’ button appears, so your input and the focus stay where they are; a screen reader announces the update without interrupting you.
a11y-limits-language = What users enter is shown as entered, in the writer's language, without a language mark-up (WCAG 3.1.2).
a11y-limits-people = crisismap has not yet been tested by people who use a screen reader, magnification or voice control every day.
a11y-measures-heading = What crisismap does
a11y-measures-keyboard = Everything works with the keyboard alone, with a visible focus.
a11y-measures-nojs = Every page works without JavaScript; scripts only add live updates.
a11y-measures-contrast = Text and controls have sufficient contrast, and colour never carries information alone: every status is also written out.
a11y-measures-print = Every important page can be printed, so the information is on paper too when the network fails.
a11y-contact-heading = Reporting a problem
a11y-contact-body = Is something standing in your way, or can you not use some information? Report it to the crisismap administrator of your organisation (the administrator of your workspace). Name the page (its address), what you tried to do, what went wrong, and which browser and assistive technology you use. The administrator passes it on to the developers of crisismap.
a11y-contact-urgent = Do you need information during a crisis or exercise that this keeps out of your reach? Ask the information manager or the crisis management advisor for it another way: on paper, as a PDF or in person.
a11y-response-heading = What you can expect
a11y-response-body = You receive an acknowledgement within 5 working days and an answer within 3 weeks: what happens with your report and when it will be fixed, or why that is not possible (yet). Until it is fixed, you get the information another way.
a11y-enforcement-heading = Enforcement procedure
a11y-enforcement-body = Are you not satisfied with how your report was handled, or do you get no answer? Then file a complaint with the organisation that uses crisismap. If that does not resolve it, you can turn, free of charge, to the National Ombudsman (Nationale ombudsman), or to your municipality's own ombudsman or ombudsman committee if it has one.
a11y-enforcement-ombudsman = National Ombudsman: telephone 0800 33 55 555 (free of charge), website www.nationaleombudsman.nl.

## The audit log in words (the log keeps the codes; the page shows these)
audit-system = The system
audit-anonymous = Unknown (not logged in)
audit-someone_removed = A removed user
audit-with_api_key = with an API key
audit-action-access = Access
audit-action-api_token = API key used
audit-action-api_token_create = API key created
audit-action-api_token_revoke = API key revoked
audit-action-crisis_open = Crisis opened
audit-action-csrf = Form without a valid check code
audit-action-feed_link = Calendar link used
audit-action-guest_add = Guest added
audit-action-guest_scope = Guest outside their crisis
audit-action-live = Live connection
audit-action-log_out_everywhere = Logged out everywhere
audit-action-login = Login
audit-action-login_code = Code at login
audit-action-logout = Logout
audit-action-mfa_enrol = Setting up two-step verification
audit-action-mfa_off = Two-step verification turned off
audit-action-mfa_reset = Two-step verification reset
audit-action-password_change = Password change
audit-action-password_reset = Password reset
audit-action-print = Printed
audit-action-record_archive = Archived
audit-action-record_save = Saved
audit-action-session = Session
audit-action-steer = Steering the crisis
audit-action-user_add = User added
audit-action-user_disable = User disabled
audit-action-user_enable = User enabled again
audit-action-user_role = Role changed
audit-result-ok = Done
audit-result-failed = Failed
audit-result-denied = Refused
audit-result-denied_guest = Refused: a guest does not steer the crisis
audit-result-throttled = Slowed down after too many attempts
audit-result-too_many = Too many connections at once
audit-result-started = Started
audit-result-read_only_token = Refused: this key may only read
audit-result-ok_recovery_code = Done, with a recovery code
audit-result-password_ok_code_next = Password correct, code asked
audit-object-session = Session
audit-object-totp = Two-step verification
audit-object-credential = Password
audit-object-crisis_folder = Crisis folder (PDF)
audit-object-token = API key
audit-object-user = User
audit-object-account = Account
audit-object-address = Address
audit-object-crisis = Crisis
audit-object-sitrep = Situation report
audit-object-decisions = Decision record
audit-object-stream = Live updates
audit-object-authorization = Authorisation
dashboard-more_steps =
    { $count ->
        [one] and 1 more open step
       *[other] and { $count } more open steps
    }
part-improvements-title = Improvement actions
part-improvements-desc = Lessons of crises and exercises turned into changes of the preparation, with an owner and a date.

## Nafase
aftermath-crises = Crises and exercises in the aftermath
aftermath-no_crises = No crisis or exercise in the aftermath or closed yet.
aftermath-closed = Record closed
aftermath-open_duties = Open duties
aftermath-improvements_open = { $count ->
    [one] 1 improvement action running
   *[other] { $count } improvement actions running
}
aftermath-improvements_overdue = { $count ->
    [one] 1 past its date
   *[other] { $count } past their date
}
aftermath-improvements_done = { $count ->
    [one] 1 carried out
   *[other] { $count } carried out
}
aftermath-all_improvements = All improvement actions
aftermath-open_questions = Open council questions
aftermath-costs = Costs (incl. VAT)
aftermath-no_costs = none yet
aftermath-account = Account
aftermath-late = { $count ->
    [one] 1 late
   *[other] { $count } late
}

## Lessons register
lessons-title = Lessons of all crises and exercises
lessons-lead = Every lesson of the evaluations, the newest first. A lesson that an earlier crisis or exercise already taught is marked as learned again: then the improvement did not land.
lessons-all_themes = All themes
lessons-filter = Show
lessons-from = From
lessons-none = No lessons recorded yet.
lessons-learned_again = Learned again
lessons-before_in = before in
lessons-again_hint = For these lessons, find out why the earlier improvement action did not work.
lessons-again_count = { $count ->
    [one] 1 lesson learned again
   *[other] { $count } lessons learned again
}
