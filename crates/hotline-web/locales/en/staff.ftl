### The staff pages: for analysts, supervisors and the police.
### Keep it short and plain. State names, classification codes and other values
### from the database are shown as they are and are not translated here.

## Every staff page

staff-site-name = Hotline staff
staff-brand = Hotline · staff
staff-skip-to-content = Skip to content
staff-nav-label = Staff
staff-nav-queue = Queue
staff-nav-welfare = Welfare
staff-nav-audit = Audit trail
# Who is signed in, e.g. "ann (analyst)". The role is a code and stays as it is.
staff-signed-in-as = { $username } ({ $role })
staff-sign-out = Sign out
staff-filter = Filter
staff-badge-urgent = urgent
staff-badge-review = review

## Facts about a case: queue columns and the case page

staff-field-case = Case
staff-field-address = Address
staff-field-host = Host
staff-field-state = State
staff-field-reports = Reports
staff-field-received = Received
staff-field-assignee = Assigned to

## Table columns used on several pages

staff-col-when = When
staff-col-by = By
staff-col-kind = Kind
staff-col-what = What
staff-col-details = Details

## Sign in

staff-login-title = Sign in
staff-login-username = User name
staff-login-password = Password
staff-login-totp = Code from your authenticator app
staff-login-submit = Sign in

## Queue

staff-queue-title = Queue
# $limit is staff-minutes, e.g. "60 minutes".
staff-queue-welfare = Assessment today: { $minutes } of { $limit }.
staff-queue-welfare-lifted = Assessment today: { $minutes } of { $limit } (limit lifted by a supervisor).
staff-queue-new-referrals = { $count ->
    [one] { $count } new referral waits for your unit
   *[other] { $count } new referrals wait for your unit
}
staff-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
staff-queue-welfare-over = You have reached today's limit: no new assessment work until a supervisor lifts it. Please take a break.
staff-queue-take-next = Take the next case for assessment
staff-queue-all-open = all open
staff-queue-assignee-hint = anyone; - for nobody
staff-queue-older-than = Older than (hours)
staff-queue-urgent-only = urgent only
staff-queue-review-asked = second opinion asked
staff-queue-caption = { $count ->
    [one] { $count } case on this page
   *[other] { $count } cases on this page
}
staff-queue-next-page = Next page

## Case page

staff-case-title = Case #{ $id }
# Before the registrable domain, e.g. "(domain example.com)".
staff-case-domain = domain
staff-case-nobody = nobody
staff-case-second-opinion = Second opinion
staff-case-asked-by = asked by { $name }
staff-case-police = Police
staff-case-referred = referred to them
staff-case-next-steps = Next steps
staff-case-start = Start assessment
staff-case-reopen = Reopen
staff-case-ask-second-opinion = Ask a supervisor for a second opinion
staff-case-confirm = Confirm the latest assessment
staff-case-assign-to = Assign to
staff-case-assign-hint = user name, or empty
staff-case-reassign = Reassign

# Buttons that move a case to another state.
staff-move-referred = Refer to the police
staff-move-awaiting_removal = Awaiting removal
# From "removed" back to "awaiting removal".
staff-move-reappeared = It reappeared: awaiting removal again
staff-move-removed = Removed
staff-move-closed = Close the case

# The assessment form. The options are codes and stay as they are.
staff-assess-title = Assessment
staff-assess-classification = Classification
staff-assess-reason = Reason (when not illegal or unavailable)
staff-assess-age_group = Age group of the youngest victim
staff-assess-gender = Gender of the victims
staff-assess-media = Media
staff-assess-site_type = Kind of site
staff-assess-commercial = Commerciality
staff-assess-payment_methods = Payment methods (for commercial sites)
staff-assess-flags = Also (for illegal content)
staff-assess-virtual = Virtual (drawn, computer-made or AI-generated)
staff-assess-child_modelling = Child modelling
staff-assess-user_generated = User-generated (self-generated)
staff-assess-statute = Statutory reference (when illegal under national law)
staff-assess-submit = Record assessment

# Earlier assessments. $age, $gender, $media and $site are codes.
staff-assessments-title = Assessments
staff-assessment-details = age group { $age }, { $gender }, { $media }, { $site }, { $commercial }
staff-assessment-reason = reason { $reason }
staff-iccam-title = For ICCAM
staff-iccam-hint = The assessment in ICCAM's field names and order, to copy field by field.
staff-referred-title = The referring hotline's assessment ({ $partner })
staff-referred-traced = Their trace, { $date }:
staff-referred-accept = Accept their assessment

# The reports on a case. $channel, $where and $language are codes.
staff-case-reports = Reports ({ $count })
staff-report-received = Received { $date }
staff-report-origin = Channel { $channel }, found on { $where }, language { $language }.
# Followed by the address as the reporter typed it.
staff-report-as-typed = As typed:
staff-report-contact-name = Contact name: { $name }
staff-report-contact-email = Contact email: { $email }
staff-report-police-may-contact = The reporter agreed to be contacted by the police.
staff-message-label = Message to this reporter (shown on their status page)
staff-message-submit = Send message

staff-timeline-title = Timeline

## Welfare

staff-welfare-title = Welfare
staff-welfare-heading = Assessment time today ({ $day })
staff-welfare-intro = The daily limit is { $limit ->
        [one] { $limit } minute
       *[other] { $limit } minutes
    }. Past it, the queue hands an analyst no assessment work until a supervisor lifts the limit for the day.
staff-welfare-analyst = Analyst
staff-welfare-minutes = Minutes
staff-welfare-limit = Limit
staff-welfare-lifted = lifted
staff-welfare-lift = Lift for today

## Audit trail

staff-audit-title = Audit trail
staff-audit-actor = Who
staff-audit-action = Action
staff-audit-object = Object
staff-audit-action-example = e.g. login.failed
staff-audit-object-example = e.g. case:12
staff-audit-when = When (UTC)
staff-audit-older = Older events

## Trace
staff-trace-title = Where it is hosted
staff-trace-none = Not traced yet.
staff-trace-age = Traced { $when }
staff-trace-untraceable = Untraceable: { $why }
staff-trace-ip = Address
staff-trace-asn = Network (AS)
staff-trace-country = Country
staff-trace-cdn = CDN or proxy
staff-trace-abuse = Abuse contact
staff-contact-source-network = from the network's RDAP record, { $record }
staff-contact-source-parent_network = from an enclosing network's RDAP record, { $record }
staff-contact-source-autnum = from the RDAP record of the network's AS, { $record }
staff-contact-source-registrar = from the registrar's RDAP record, { $record }
staff-trace-cnames = Aliases (CNAME)
staff-trace-registrar = Registrar
staff-trace-errors = Steps that failed
staff-trace-again = Trace again
staff-jobs-title = Background work

## Routing and the police
staff-route-title = Why this route
staff-police-title = Police
staff-police-note = Note (optional)
staff-police-acknowledged = Acknowledged
staff-police-hold = Hold: an investigation is running
staff-police-cleared = Cleared: the host may be notified
staff-police-order_requested = Order requested
staff-police-order_served = Order served
staff-police-release = Release: the hold is lifted
staff-police-declined = Declined
staff-police-passed_abroad = Passed to the police abroad
staff-police-preserve_evidence = Asked that the host preserve evidence
staff-police-hold-in-force = A police hold is in force: no notice goes to anyone until the police release it.
staff-police-hold-badge = police hold
staff-police-file-number = police file { $reference }
staff-police-step = Step
staff-police-reference = Police file number (for “acknowledged”)
staff-police-decline-reason = Reason (for “declined”)
staff-police-country = Country code (for “passed to the police abroad”, e.g. NL)
staff-police-record = Record the step
staff-decline-not_illegal = Not illegal
staff-decline-no_jurisdiction = No jurisdiction
staff-decline-duplicate = Duplicate
staff-decline-other = Other
staff-close-reason = Reason for closing
staff-case-closed-reason = Closed because
staff-close-not_illegal = Not illegal (as assessed)
staff-close-unavailable = Unavailable (as assessed)
staff-close-out_of_remit = Out of remit (as assessed)
staff-close-duplicate = Duplicate
staff-close-declined_by_police = Declined by the police
staff-close-not_illegal_for_partner = Not illegal for the partner hotline
staff-close-removed = Removed
staff-close-spam = Spam
staff-close-other = Other

## Notices and the host's answer
staff-notices-title = Notices to the host
staff-host-title = The host's answer
staff-host-reason = Reason given (when refused)
staff-host-acknowledged = Acknowledged
staff-host-removed = Removed
staff-host-refused = Refused

## Referral to a partner by hand
staff-partner-manual-title = Send this to { $partner } by hand
staff-partner-reference = Their reference (for example an ICCAM reference)
staff-partner-record = Record the referral

staff-checks-title = Still online?
staff-checks-none = Not checked yet. Checks start when the case awaits removal (DNS and an HTTP HEAD request; nothing is downloaded).
staff-checks-when = When
staff-checks-outcome = Result
staff-checks-detail = Detail
staff-domain-dedicated = The domain { $domain } is marked as dedicated to abuse material: the DNS blocklist names it whole.
staff-domain-marked-by = Marked by { $who }.
staff-domain-not-dedicated = The domain { $domain } is not marked as dedicated: the blocklist names only this address.
staff-domain-mark = Mark the whole domain as dedicated to abuse material
staff-domain-unmark = Take away the dedicated-domain mark
## Statistics and the trusted-flagger report
staff-nav-statistics = Statistics
staff-statistics-title = Statistics
staff-statistics-from = From
staff-statistics-to = To (included)
staff-statistics-show = Show
staff-statistics-scope = Cases opened and reports received in the period (UTC), followed until today. Category names are shown as stored.
staff-statistics-csv = Download as CSV
staff-statistics-annual-link = Trusted-flagger annual report
staff-statistics-reports = Reports received
staff-statistics-cases = Cases opened
staff-statistics-legs = Timeline legs
staff-statistics-percentile = Median and p90 by the nearest-rank method: each is the time of an actual case, never an average.
staff-statistics-legs-chart = Median (dark) and p90 (light) of each leg, in hours
staff-statistics-leg = Leg
staff-statistics-count = Count
staff-statistics-median = Median
staff-statistics-league = Provider response times: notice to removal, fastest first
staff-statistics-league-chart = Median (dark) and p90 (light) from notice to removal per provider, in hours
staff-statistics-provider = Provider
staff-statistics-removals = Removals
staff-statistics-by-channel = Reports by channel
staff-statistics-by-classification = Cases by classification
staff-statistics-by-outcome = Cases by outcome
staff-statistics-by-site-type = Cases by site type
staff-statistics-by-age-group = Cases by age group
staff-statistics-by-country = Legs by hosting country (median / p90 (count))
staff-statistics-by-provider = Legs by hosting provider (median / p90 (count))
staff-statistics-country = Country
staff-annual-title = Trusted-flagger report { $year } (DSA Art. 22(3))
staff-annual-year = Year
staff-annual-scope = Notices sent in the year (UTC), by provider, type of illegal content and the action the provider took, with the time from notice to removal.
staff-annual-notices = Notices
staff-annual-time-to-removal = Time from notice to removal: median
staff-annual-by-provider = Notices by provider
staff-annual-by-content-type = Notices by type of illegal content
staff-annual-by-action = Notices by action taken
staff-annual-detail = By provider, content type and action
staff-annual-content-type = Type of content
staff-annual-action = Action taken
staff-case-legal-hold = Legal hold
staff-case-held = Kept whole: the retention purge skips this case
staff-case-hold = Put under legal hold
staff-case-release-hold = Lift the legal hold
staff-spam-select = Select case #{ $id }
staff-spam-close = Close the selected cases as spam

## Admin pages: settings applied without a restart, tokens, partners, the notice template

staff-nav-admin = Admin
staff-admin-nav-label = Admin pages
staff-admin-settings-title = Settings
staff-admin-template-title = Notice template
staff-admin-tokens-title = API tokens
staff-admin-partners-title = Partners and police
staff-admin-settings-intro = These settings apply at once, without a restart, on every server. A value set here replaces the configuration file's until you bring the file's back.
staff-admin-saved = Saved. The new settings apply now.
staff-admin-not-saved = Nothing was saved. Please correct:
staff-admin-procedure = Procedure
staff-admin-procedure-assess = assess: analysts assess each case first
staff-admin-procedure-forward = forward-unopened: every address goes to the police unopened
# Where a value comes from, e.g. "Set here by ada on 2026-01-02 10:00 UTC".
staff-admin-set-by = Set here by { $username } on { $when }
staff-admin-from-file = From the configuration file
staff-admin-save = Save
staff-admin-reset = Use the configuration file's value
staff-admin-national = National settings
staff-admin-country = Country (ISO 3166-1 code, e.g. BE)
staff-admin-takedown-by = Who sends notices to hosts in this country
staff-admin-takedown-police = the police, after a magistrate's order
staff-admin-takedown-hotline = the hotline, after police clearance or the objection window
staff-admin-objection-hours = Hours the police have to object (1 to 720)
staff-admin-retention = Retention periods
staff-admin-retention-intro = In days, from 1 to 3650; 0 keeps that data for ever. The privacy page states them.
staff-admin-retention-contact = Reporters' contact details
staff-admin-retention-description = What reporters wrote
staff-admin-retention-closed = Details of closed cases
staff-admin-retention-history = Finished jobs and replaced traces
staff-admin-retention-audit = Audit events
staff-admin-token-created = The new token is below. Copy it now: it is shown this once and stored only as a hash.
staff-admin-token-new = New token
staff-admin-token-kind = What the token may do
staff-admin-token-kind-cases = cases: the staff API, as a user
staff-admin-token-kind-export = export: only the case exports, as a user
staff-admin-token-kind-blocklist = blocklist: only the blocklist, for an ISP or vendor
staff-admin-token-kind-partner = partner: a partner hotline's referrals to us
staff-admin-token-owner = User, partner, or ISP
staff-admin-token-create = Create token
staff-admin-token-caption = { $count ->
    [one] { $count } token
   *[other] { $count } tokens
}
staff-admin-token-scope = Scope
staff-admin-token-created-at = Created
staff-admin-token-last-used = Last used
staff-admin-token-state = State
staff-admin-token-revoked = Revoked { $when }
staff-admin-token-revoke = Revoke token { $id }
staff-admin-partner-key = This hotline's public signing key, to give to partners (they check our referrals with it):
staff-admin-partner-caption = { $count ->
    [one] { $count } partner hotline
   *[other] { $count } partner hotlines
}
staff-admin-partner-name = Name
staff-admin-partner-countries = Countries (e.g. NL, LU)
staff-admin-partner-channel = Channel
staff-admin-partner-endpoint = Endpoint (base URL for api, address for email)
staff-admin-partner-public-key = Its Ed25519 public key (64 hexadecimal characters)
staff-admin-partner-encrypt-to = Its age public key, to encrypt referral e-mails (age1…)
staff-admin-partner-token = The token it issued to us (empty keeps the stored one)
staff-admin-partner-active = active
staff-admin-partner-disabled = disabled
staff-admin-partner-edit = Change { $name }
staff-admin-partner-disable = Disable { $name }
staff-admin-partner-enable = Enable { $name }
staff-admin-partner-form = Add or change a partner
staff-admin-police-heading = Police contacts
staff-admin-police-text = Cases are referred to the police liaison officers' accounts (role police). Add them, disable them or reset their second factor on the accounts page:
staff-admin-users-title = Staff accounts
staff-admin-user-caption = { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}
staff-admin-user-name = User name
staff-admin-user-role = Role
staff-admin-user-second-factor = Second factor
staff-admin-user-2fa-used = set up
staff-admin-user-2fa-waiting = not yet used
staff-admin-user-reset = New second factor for { $name }
staff-admin-user-new = New account
staff-admin-user-password = Initial password (at least 12 characters)
staff-admin-user-password-again = The same password again
staff-admin-user-add = Add account
staff-admin-user-created = Account { $name } created.
staff-admin-user-reset-done = { $name } has a new second factor; the old one and their sessions no longer work.
staff-admin-user-uri-once = Give this to its owner for their authenticator app now: it is shown this once and never again.
staff-admin-template-builtin = No template is set: notices use the built-in texts, in Dutch, French, German or English as the host's country speaks (the site's default language otherwise). Write one below to replace them; it must give the address, the statute, a good-faith statement and the hotline's e-mail (DSA Art. 16(2)).
staff-admin-template-intro = A minijinja template: the first line is the subject, the body must give {"{{ address }}"}. Variables: { $variables }.
staff-admin-template-text = Notice template
staff-admin-template-preview = Preview
staff-admin-template-preview-heading = Preview
staff-admin-template-sample = With made-up facts (a documentation address, not a real case):
staff-admin-file-value = The configuration file says: { $value }

staff-nav-account = My account
staff-account-title = My account
staff-account-password = Change my password
staff-account-current = Current password
staff-account-new = New password (12 characters or more)
staff-account-again = New password again
staff-account-change = Change my password
staff-account-others-end = Every other session of this account ends: sign in again on other devices.
staff-account-changed = Your password was changed; { $ended } other sessions were ended.
staff-account-not-changed = The password was not changed.
staff-account-mismatch = The two new passwords are not the same.
staff-account-wrong-current = The current password is not right.
staff-account-waiting = Too many failed attempts on this account; try again later.

# Answers from reporters.
staff-badge-new-answer = new answer from the reporter
staff-dialogue-title = Messages with the reporter
staff-dialogue-reporter = the reporter wrote
staff-dialogue-hotline = we wrote

# The supervisor's dashboard.
staff-nav-dashboard = Dashboard
staff-dashboard-title = Supervisor's dashboard
staff-dashboard-waiting = Cases waiting, per leg
staff-dashboard-nothing-waiting = No open cases.
staff-dashboard-leg = Waiting for
staff-dashboard-cases = Cases
staff-dashboard-oldest = Longest wait
staff-dashboard-age = { $days } d { $hours } h
staff-dashboard-leg-new = assessment (new)
staff-dashboard-leg-in_assessment = the analyst (being assessed)
staff-dashboard-leg-assessed = routing (assessed)
staff-dashboard-leg-referred = the police or partner (referred)
staff-dashboard-leg-awaiting_removal = the host (awaiting removal)
staff-dashboard-leg-removed = the end of watching (removed)
staff-dashboard-leg-closed = nothing (closed)
staff-dashboard-removal = Removed within 3 days of the notice (INHOPE)
staff-dashboard-this-month = This month
staff-dashboard-last-month = Last month
staff-dashboard-share = { $percent } % ({ $removed } of { $noticed })
staff-dashboard-share-none = no notices sent
staff-dashboard-welfare = Assessment time today
staff-dashboard-alerts = Alerts that did not go out
staff-dashboard-alerts-none = Every alert went out.
staff-dashboard-alerts-count = { $count ->
    [one] One alert did not go out.
   *[other] { $count } alerts did not go out.
}
staff-dashboard-alert-what = Alert
staff-dashboard-alert-state = State
staff-dashboard-alert-attempts = Attempts
staff-dashboard-alert-error = Last error
staff-dashboard-alert-urgent = urgent report to the people on call
staff-dashboard-alert-police = new referrals to the police
staff-dashboard-alert-reporter = news mail to a reporter
staff-dashboard-alert-given-up = given up
staff-dashboard-alert-retrying = failing, retried
