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
staff-case-referred = Referred to the police
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
staff-untraceable-onion = an onion service: its location is hidden by design and cannot be traced
staff-untraceable-no_address = the name has no address
staff-untraceable-no_such_name = the name does not exist
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
staff-partner-channel-manual = by hand (ICCAM, a portal)
staff-partner-channel-email = e-mail
staff-partner-channel-api = API (signed messages)
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

## Why this route (hotline_domain::routing::Route::code), one sentence per route and reason
staff-route-national_police = Hosted in this country: referred to the national police, who obtain a magistrate's order and contact the host.
staff-route-national_police_notice = Hosted in this country: referred to the national police; the hotline sends the notice to the host once the police clear it, or after { $hours } hours without objection.
staff-route-partner = Hosted in { $country }: referred to the partner hotline { $partner }.
staff-route-international_onion = An onion service, whose location is hidden by design and cannot be traced: referred to the national police for the international channel.
staff-route-international_untraceable = Untraceable (see the hosting for why): referred to the national police for the international channel.
staff-route-international_country_unknown = The hosting country is unknown: referred to the national police for the international channel.
staff-route-international_hosted_in = Hosted in { $countries } with no partner hotline there: referred to the national police for the international channel.
staff-route-unopened_onion = Forwarded unopened (an onion service, which cannot be traced): referred to the national police, who assess it and pass what is hosted abroad to the police there; the hotline sends no notice.
staff-route-unopened_untraceable = Forwarded unopened (untraceable, see the hosting for why): referred to the national police, who assess it and pass what is hosted abroad to the police there; the hotline sends no notice.
staff-route-unopened_country_unknown = Forwarded unopened (hosting country unknown): referred to the national police, who assess it and pass what is hosted abroad to the police there; the hotline sends no notice.
staff-route-unopened_hosted_in = Forwarded unopened (hosted in { $countries }): referred to the national police, who assess it and pass what is hosted abroad to the police there; the hotline sends no notice.
staff-route-close_not_illegal = Assessed as not illegal: the case is closed.
staff-route-close_unavailable = The content was gone when assessed: the case is closed.
staff-route-close_out_of_remit = Outside this hotline's remit: the case is closed.
staff-route-wait_awaiting_assessment = Waiting for an assessment.
staff-route-wait_awaiting_trace = Waiting for the trace of where the address is hosted.

## Refusals built in Rust (hotline_domain::Refusal codes: staff-error- + code), and assessment problems
staff-error-no_case = There is no case with this number.
staff-error-no_case_number = There is no case { $case }.
staff-error-illegal_move = A case cannot move from “{ $from }” to “{ $to }” under this hotline's procedure.
staff-error-move_not_offered = A case cannot move from “{ $from }” to “{ $to }” here.
staff-error-case_changed = Case { $case } was changed by someone else at the same time; reload the page and try again.
staff-error-duplicate_open_case = Another open case (#{ $case }) already has this address.
staff-error-refused = The action was refused.
staff-error-report_not_of_case = That report is not part of this case.
staff-error-nothing_to_review = The case has no assessment to review yet.
staff-error-not_an_assignee = “{ $name }” is not an active analyst or supervisor.
staff-error-no_user = There is no user “{ $name }”.
staff-error-no_notice_sent = No notice has been sent for this case.
staff-error-not_referred_to_police = This case has not been referred to the police.
staff-error-bad_username = A user name is 1 to 64 characters: lower-case letters, digits, “.”, “_” or “-”.
staff-error-password_too_short = A password has at least { $min } characters.
staff-error-password_too_long = A password has at most { $max } bytes.
staff-error-user_exists = A user “{ $name }” exists already.
staff-error-disable_yourself = You cannot disable your own account; ask another admin.
staff-error-disable_last_admin = This is the last enabled admin account; enable or add another admin first.
staff-error-bad_unit = A police unit is 1 to 40 lower-case letters, digits, “-” or “_”, not “{ $unit }”.
staff-error-settings_changed = The settings were changed by someone else in the meantime (now version { $version }); reload the page.
staff-error-welfare_limit = You have spent { $minutes } minutes on assessment today, past the limit of { $cap }; a supervisor can lift the limit.
staff-error-forwards_unopened = This hotline forwards reports unopened: nobody assesses content here.
staff-error-close_reason_needed = Say why the case is closed.
staff-error-no_case_selected = Select at least one case.
staff-error-none_closed_as_spam = No case was closed as spam: { $cases } cannot be closed as spam in their present state.
staff-error-message_length = A message has 1 to { $max } characters.
staff-error-no_registrable_domain = This address has no registrable domain (it is an IP address or an onion service).
staff-error-partner_reference_needed = Give the partner's reference (1 to { $max } characters).
staff-error-no_referral_by_hand = This case is not waiting for a referral by hand.
staff-error-no_referred_assessment = The referring hotline sent no assessment with this case.
staff-error-referred_assessment_invalid = The referring hotline's assessment does not meet our rules; assess the case yourself.
staff-error-forbidden = Your role ({ $role }) does not allow this.
staff-error-blocklist_owner_needed = Name the ISP or vendor the blocklist token is for.
staff-error-no_partner = There is no partner “{ $name }”.
staff-error-no_token = There is no live token with this number.
staff-error-police_step_unknown = “{ $step }” is not a police step.
staff-error-police_note_too_long = A note has at most { $max } characters.
staff-error-police_reference_needed = Give the police's file number (1 to { $max } characters).
staff-error-police_decline_reason_needed = Say why the police declined.
staff-error-police_country_needed = Name the country it was passed to (its two-letter code, e.g. NL).
staff-error-police_step_not_referred = The police record steps on a case referred to them; this case is “{ $state }”.
staff-error-police_no_hold = There is no hold in force to release.
staff-error-police_order_not_requested = An order can be served only after it was requested: record “order requested” first.
staff-error-close_already_closed = The case is already closed.
staff-error-close_by_rule = “{ $reason }” is recorded by the rule that decides it (a police or partner answer), not chosen by hand.
staff-error-close_needs_assessment = Closing as “{ $reason }” needs an assessment that found it “{ $classification }”; record that assessment instead.
staff-error-close_needs_removal = Closing as removed needs the removal confirmed first.
staff-assess-problem-missing = This field is required.
staff-assess-problem-not-one-of = “{ $given }” is not one of the choices.
staff-assess-problem-too-long = At most { $max } characters.
staff-assess-problem-not-applicable = Only for illegal content; leave it empty.
staff-assess-problem-reason-not-applicable = Only for content that is not illegal or unavailable; leave it empty.
staff-assess-problem-none-with-others = “None” cannot be combined with a payment method.
staff-error-unopened_needs_police_takedown = The forward-unopened procedure needs the police to send notices to hosts: set “Who sends notices to hosts in this country” to the police first.
staff-error-bad_procedure = Choose one of the procedures offered, not “{ $given }”.
staff-error-number_too_large = Must be at most { $max }.
staff-error-required = This field is required.
staff-error-not_a_number = Must be a whole number, not “{ $given }”.
staff-error-country_unassigned = “{ $given }” is not an assigned country code.
staff-error-country_format = Must be a two-letter country code such as BE, not “{ $given }”.
staff-error-bad_takedown_by = Choose the police or the hotline, not “{ $given }”.
staff-error-objection_hours_range = Must be between 1 and { $max } hours.
staff-error-objection_hours_not_a_number = Must be a whole number of hours between 1 and { $max }, not “{ $given }”.
staff-error-retention_days = Must be a number of days from 1 to { $max }, or 0 to keep for ever; not “{ $given }”.
staff-error-contact_longer_than_description = Contact details may not be kept longer than the description.
staff-error-audit_days_min = The audit trail is kept at least { $min } days, or 0 for ever.
staff-error-bad_role = Choose one of the roles offered.
staff-error-passwords_differ = The two passwords differ.
staff-error-partner_name_needed = Give the partner's name, at most 100 characters.
staff-error-partner_country = “{ $given }” is not a country code such as NL.
staff-error-partner_countries_needed = Name at least one country it covers, e.g. NL.
staff-error-partner_channel = Choose one of the channels offered, not “{ $given }”.
staff-error-partner_public_key_format = Must be 64 hexadecimal characters (an Ed25519 public key).
staff-error-partner_api_endpoint_needed = A partner reached through its API needs its base address (https://…).
staff-error-partner_api_key_needed = A partner reached through its API needs its Ed25519 public key.
staff-error-partner_api_token_needed = A partner reached through its API needs the token it issued to us.
staff-error-partner_email = “{ $given }” is not an e-mail address (name@example.org).
staff-error-partner_encrypt_not_email = Only for partners reached by e-mail.
staff-error-partner_encrypt_format = Must be an age public key (age1…, 62 characters).
staff-error-login_refused = The user name, password or code is not right.
staff-error-login_busy = Too many sign-ins at once; try again in a few seconds.
staff-error-login_locked = Too many failed attempts: this account is locked until { $until } UTC.
staff-error-search_as_number = An AS number is a whole number.
staff-error-search_case_number = A case number is a whole number.
staff-error-search_ip = This is not an IP address.
staff-error-search_country = A country is its two-letter code (NL, DE, …).
