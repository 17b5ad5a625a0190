### Words about when things happened: times of occurrence beside recorded times, paper forms
### typed back in, and confirmations that something stays as it is.

crisis-occurred_at = Time
crisis-occurred_at_hint = Leave empty for now; otherwise the time it happened.
crisis-f-occurred_at = Time
crisis-f-teams = Teams
crisis-f-aspect = What stays
crisis-recorded_same = recorded at the time
crisis-recorded_late = recorded later
crisis-transcribed = from paper
crisis-transcribed_words = Transcribed from paper (form { $form }, page { $page }, written by { $writer }) by { $by } on { $at }
crisis-h-grip_confirmed = GRIP level kept
crisis-h-phase_confirmed = Phase kept
crisis-confirm_grip = Keep (level stays)
crisis-confirm_phase = Keep (phase stays)
flash-confirmed = Recorded that it stays as it is, with the reason.
crisis-parties_not_to_inform = No need to inform
f-log-background = Background: happened before the crisis began
f-fact-background = Background: observed before the crisis began
error-in_future = This time lies in the future.
error-before_crisis_start = This time lies before the crisis began. If it is background, tick that box.
error-before_later_change = A later change of this is already recorded; this time would turn the current picture back.

## Who is on call at another moment.
oncall-at = On duty at
oncall-ask_at = Who is on call at
oncall-ask_at-hint = For example tonight at 02:00. Leave empty for now.
oncall-ask_at-submit = Show
oncall-ask_now = Back to now

## Typing paper back in.
transcribe-title = Type in paper forms
transcribe-intro = Did the team work on paper, with the blank forms from the crisis folder? Type the rows in here with the times written on them. They are marked as transcribed from paper, with form, page, writer, and who typed them in and when. Empty rows are skipped; if one row is not right, nothing is saved and every row says what is wrong.
transcribe-choose = Which form?
transcribe-kind-log = Log
transcribe-kind-decision = Decision list
transcribe-kind-attendance = Attendance list
transcribe-sheet = The sheet
transcribe-form = Form number (at the top of the sheet)
transcribe-form-hint = For example LB-2612071430. On improvised paper: a short description.
transcribe-page = Page number
transcribe-written_by = Written by
transcribe-rows = Rows
transcribe-row = Row
transcribe-more_rows = More rows
transcribe-save = Save all
transcribe-saved = The rows were saved. Go on with the next sheet.
transcribe-link = Type in paper forms
error-not_transcribable = This form cannot be typed in.
crisis-f-form = Form number
crisis-f-page = Page number
crisis-f-written_by = Written by
crisis-f-rows = Rows
crisis-f-kind = Form
