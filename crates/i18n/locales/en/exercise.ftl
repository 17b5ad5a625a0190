# Exercising: the exercise plan, learning goals, scripts, exercise control and observations.

exercise-guidance = After the VNG guidance: exercise structurally and with learning goals, for civil servants and administrators, and together with partners such as the police, the public prosecutor and the safety region, laid down in the training and exercise plan.
exercise-runs = Exercises in the crisis room
exercise-runs_none = No exercise is running. Start one below from a script.
exercise-start = Start exercise
exercise-start_hint = Starting opens an exercise crisis with the EXERCISE banner and the exercise control team. The script's injects are taken as the script stands now; you are the exercise control team.
exercise-script = Script
exercise-plan_item = Belongs to an exercise from the exercise plan
exercise-no_scripts = There is no script yet. Adopt a built-in scenario or write a script of your own.
exercise-inject_count = { $count ->
    [one] 1 inject
   *[other] { $count } injects
}
exercise-plan = Exercise plan
exercise-plan_empty = There are no exercises in the exercise plan yet.
exercise-plan_all = All exercises in the plan
exercise-official_count = { $count ->
    [one] 1 civil-service
   *[other] { $count } civil-service
}
exercise-administrative_count = { $count ->
    [one] 1 administrative
   *[other] { $count } administrative
}
exercise-to_run = to the exercise
exercise-builtin = Built-in scenarios
exercise-builtin_hint = Realistic cyber scenarios from crisismap, written in our own words. Adopting one makes it a script of your own that you can change; the learning goals come with it.
exercise-adopt = Adopt
exercise-scripts_all = All scripts
exercise-goal_count = { $count ->
    [one] 1 learning goal
   *[other] { $count } learning goals
}
exercise-goals_all = All learning goals
exercise-adopt_goals = { $count ->
    [one] Adopt 1 learning goal from crisismap
   *[other] Adopt { $count } learning goals from crisismap
}
exercise-evaluation = Evaluation
exercise-evaluation_lead = After the exercise: the hot wash (tops and tips), the findings by theme, the scores per learning goal and the response times per inject. Lessons become improvement actions in the same register as after a real crisis.
exercise-inject = inject
exercise-flash-goals_adopted = The learning goals have been adopted.
exercise-flash-scenario_adopted = The scenario has been adopted as a script.
exercise-flash-released = The inject has been released to the players.
exercise-flash-withheld = The inject will not be released.
exercise-flash-clock = The exercise clock has been updated.
exercise-flash-staff = The staffing has been saved.
exercise-flash-ad_hoc = The extra inject has been released.
exercise-flash-observed = The observation has been recorded.

exercise-control-title = Exercise control
exercise-control-only = Only the exercise control team sees this page. Players see the messages only once they have been released.
exercise-you_control = You are on the exercise control team for this exercise and do not play.
exercise-you_observe = You are an observer at this exercise and do not play.
exercise-clock = Exercise time
exercise-running = running
exercise-paused = paused
exercise-ended = ended
exercise-not_started = not started yet
exercise-due_count = { $count ->
    [one] 1 inject is due now
   *[other] { $count } injects are due now
}
exercise-start_clock = Start the exercise
exercise-pause = Pause
exercise-resume = Resume
exercise-end = End the exercise
exercise-auto_on = Injects are released automatically when they are due (reserve injects are not).
exercise-auto_off = Injects are released only when the exercise control team releases them.
exercise-auto_release = Release injects automatically when they are due
exercise-events_list = Script: the injects
exercise-preview_hint = The box shows each inject as the players will get it in their log.
exercise-at_minute = minute { $minute }
exercise-after = { $minutes } min after inject { $number }
exercise-to = to
exercise-as_players_see = What the players see
exercise-released_at = Released at
exercise-response = first response after
exercise-no_response = no response yet
exercise-release = Release
exercise-withhold = Do not release
exercise-ad_hoc = Extra inject
exercise-ad_hoc_release = Release this message now
exercise-players_record = What the players record
exercise-players_none = The players have not recorded anything yet.
exercise-whole_log = The whole log
exercise-goals_rated = Learning goals and scores
exercise-median_response = Median response time
exercise-no_goals = This script names no learning goals.
exercise-observation_count = { $count ->
    [0] no observations yet
    [one] 1 observation
   *[other] { $count } observations
}
exercise-staff = Staffing
exercise-staff_save = Save staffing
exercise-observers = Observers

exercise-observe-title = Observations
exercise-observe-lead = Only the exercise control team and the observers see the observations. Note what you see against a learning goal and, if needed, give a score with your reasons.
exercise-observe-save = Record observation
exercise-observations = Recorded observations
exercise-observations_none = There are no observations yet.
exercise-no_rating = No score

c-inject_state-released = released
c-inject_state-withheld = not released
c-inject_state-due = due now
c-inject_state-upcoming = coming up
c-inject_state-waiting = later
c-inject_state-reserve = reserve

c-status-prepared = Prepared
c-status-evaluated = Evaluated
c-status-cancelled = Cancelled
c-status-pending = Not released yet
c-status-released = Released
c-status-withheld = Not released

c-form-discussion = Discussion session
c-form-tabletop = Table-top
c-form-functional = Functional exercise (staff)
c-form-full_scale = Full-scale exercise
c-form-alerting_test = Alerting test
c-form-training = Training
c-level-official = Civil service
c-level-administrative = Administrative
c-level-both = Civil service and administrative
c-function-testing = Testing
c-function-developing = Developing
c-function-orienting = Orienting
c-sender-supplier = Supplier
c-sender-ibd = IBD
c-sender-ncsc = NCSC
c-sender-press = Press
c-sender-resident = Resident
c-sender-safety_region = Safety region
c-sender-police = Police
c-sender-prosecutor = Public prosecutor
c-sender-staff = Staff member
c-sender-council = Municipal council
c-sender-business = Business owner
c-sender-other = Other
c-channel-phone = phone
c-channel-email = email
c-channel-news = news item
c-channel-social_media = social media
c-channel-walk_in = at the front desk
c-channel-text_message = text or chat message
c-rating-not = Not achieved
c-rating-partly = Partly achieved
c-rating-largely = Largely achieved
c-rating-fully = Fully achieved
c-category-incoming = Incoming message

k-learning_goal-plural = Learning goals
k-learning_goal-one = Learning goal
k-learning_goal-new = New learning goal
k-learning_goal-add_first = Record the first learning goal, or adopt crisismap's learning goals on the Exercise page
k-learning_goal-lead = What an exercise should show, by theme: the same themes as the evaluation of a real crisis.
f-learning_goal-name = Learning goal
f-learning_goal-theme = Theme
f-learning_goal-description = How you can tell it was achieved

k-exercise-plural = Exercises
k-exercise-one = Exercise
k-exercise-new = New exercise
k-exercise-add_first = Plan the first exercise
k-exercise-lead = The exercise plan: which exercise when, in which form, at which level, with which teams, partners and learning goals.
f-exercise-name = Exercise
f-exercise-form = Form
f-exercise-level = Level
f-exercise-function = Purpose of the exercise
f-exercise-planned_on = Planned for
f-exercise-status = Status
f-exercise-owner = Responsible
f-exercise-script = Script
f-exercise-external = External parties (other)
f-exercise-notes = Notes
g-exercise-teams = Teams taking part
f-exercise-teams-team = Team
g-exercise-parties = Partners taking part
f-exercise-parties-organisation = Organisation
g-exercise-goals = Learning goals
f-exercise-goals-goal = Learning goal

k-exercise_script-plural = Scripts
k-exercise_script-one = Script
k-exercise_script-new = New script
k-exercise_script-add_first = Write the first script, or adopt a built-in scenario on the Exercise page
k-exercise_script-lead = The scenario, the background for the exercise control team and the injects: who sends what to whom, when and through which channel.
f-exercise_script-name = Script
f-exercise_script-function = Purpose of the exercise
f-exercise_script-form = Form
f-exercise_script-level = Level
f-exercise_script-duration_minutes = Duration in minutes
f-exercise_script-scenario = Starting situation for the players
f-exercise_script-background = Background (exercise control only)
f-exercise_script-version_note = Version and change
g-exercise_script-goals = Learning goals
f-exercise_script-goals-goal = Learning goal
g-exercise_script-injects = Injects
f-exercise_script-injects-number = Number
f-exercise_script-injects-at_minutes = Minute after the start
f-exercise_script-injects-at_time = Or at (hh:mm)
f-exercise_script-injects-after = Or after inject number
f-exercise_script-injects-after_minutes = Minutes after that
f-exercise_script-injects-sender = Sender (played)
f-exercise_script-injects-sender_name = Name of the sender
f-exercise_script-injects-to = To (team or role)
f-exercise_script-injects-channel = Channel
f-exercise_script-injects-text = Text as the players get it
f-exercise_script-injects-expected = Expected action or decision
f-exercise_script-injects-goal = Learning goal
f-exercise_script-injects-controller = Role player in exercise control
f-exercise_script-injects-contingency = Reserve inject (only if an expected action does not happen)

e-inject-plural = Injects
e-inject-one = Inject
e-inject-new = New inject
e-inject-lead = Messages from played senders, released by the exercise control team.
f-inject-number = Number
f-inject-at_minutes = Minute after the start
f-inject-at_time = At
f-inject-after = After inject
f-inject-after_minutes = Minutes after that
f-inject-sender = Sender
f-inject-sender_name = Name of the sender
f-inject-to = To
f-inject-channel = Channel
f-inject-text = Text
f-inject-expected = Expected
f-inject-goal = Learning goal
f-inject-controller = Role player
f-inject-contingency = Reserve inject
f-inject-ad_hoc = Extra inject
f-inject-status = Status
f-inject-released_at = Released at
f-inject-released_minute = Released in exercise minute
f-inject-log = Log entry
f-inject-note = Note

e-observation-plural = Observations
e-observation-one = Observation
e-observation-new = New observation
e-observation-lead = What observers saw, against a learning goal, with a score.
f-observation-observed_at = Observed at
f-observation-goal = Learning goal
f-observation-text = What you saw
f-observation-rating = Score for the learning goal
f-observation-log = About log entry
f-observation-decision = About decision
f-observation-inject = Prompted by inject

error-required_to_start = Fill this in before the exercise can start: every inject needs a text, an addressee and a moment.
error-no_injects = This script has no injects yet.
error-duplicate_number = Another inject already has this number.
error-invalid_time_of_day = Enter a time, such as 14:30.
error-unknown_inject = Choose the number of another inject from this script.
error-one_moment = Give one moment: a minute, a time or after another inject.
error-required_with_delay = Name the inject this one follows.
error-not_an_exercise = This is not an exercise.
error-clock_running = The exercise clock is already running.
error-clock_not_running = The exercise clock is already stopped.
error-exercise_ended = The exercise has ended.
error-already_released = This inject has already been released or withheld.

exercise-moment = Moment
exercise-injects_responses = Injects and response times
exercise-judged-testing = Testing exercise: each learning goal was held against the agreed standard. Not or partly achieved is a shortcoming that calls for an improvement action.
exercise-judged-developing = Developing exercise: the ratings show where the team stands and what the next learning goal is; making mistakes is part of it.
exercise-judged-orienting = Orienting exercise: it was about getting to know the subject and each other; the ratings are a first impression, not a judgement.

board-incoming = Messages that came in

script-export_csv = Injects as CSV
script-export_json = Script as JSON
script-import_csv = Read injects from CSV
script-import_json = Read a script from JSON
script-import = Read in
script-line = Line
script-import_csv_lead = Replaces this script's injects with the lines of the file (a CSV like the one the Injects as CSV button makes). All or nothing: with one mistake nothing changes, and every bad line is listed below. Learning goals appear by name.
script-import_json_lead = Takes in a script another municipality shared as JSON. Learning goals not yet here come from crisismap's catalogue.
error-malformed_json = This file is not a readable JSON script.
error-too_many_cells = This line has more cells than the file has columns.
