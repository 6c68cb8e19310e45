### The analysts' workbench: search, grouped views, bulk work, the case page's
### summary and related cases, and the staff's words for codes (states, legs, categories).

staff-label-other = other ({ $code })
staff-nav-search = Search
staff-state-new = Waiting for assessment
staff-state-in_assessment = Being assessed
staff-state-assessed = Assessed
staff-state-referred = Referred
staff-state-awaiting_removal = Awaiting removal
staff-state-removed = Removed
staff-state-closed = Closed
staff-case-waits = Waits for
staff-waits-new = an analyst to assess it
staff-waits-in_assessment = the analyst assessing it
staff-waits-assessed = an analyst to refer or close it
staff-waits-referred = the police or the partner hotline it was referred to
staff-waits-awaiting_removal = the host to remove it (checks follow)
staff-waits-removed = nothing: monitoring watches for its return
staff-waits-closed = nothing: the case is closed
staff-waits-police-hold = the police: a hold is in force, no notice goes out
staff-waits-host-changed = an analyst: the hosting changed just before the notice went ({ $change }), so it was not sent; check the new hosting, then “Trace again” sends the notice to the host found then
staff-class-baseline = Illegal everywhere (baseline)
staff-class-national = Illegal under national law
staff-class-not_illegal = Not illegal
staff-class-unavailable = Unavailable
staff-class-out_of_remit = Out of remit
staff-age-infant = Infant
staff-age-pre_pubescent = Pre-pubescent
staff-age-pubescent = Pubescent
staff-age-not_determined = Age group not determined
staff-gender-female = Female
staff-gender-male = Male
staff-gender-both = Both
staff-gender-not_determined = Gender not determined
staff-media-image = Images
staff-media-video = Video
staff-media-text = Text
staff-media-link = Link
staff-media-container = Archive or container
staff-media-other = Other media
staff-site-website = Website
staff-site-file_host = File host
staff-site-image_store = Image store
staff-site-image_board = Image board
staff-site-forum = Forum
staff-site-banner_site = Banner site
staff-site-link_site = Link site
staff-site-social_network = Social network
staff-site-redirector = Redirector
staff-site-web_archive = Web archive
staff-site-search_provider = Search provider
staff-site-image_host = Image host
staff-site-blog = Blog
staff-site-not_applicable = Not applicable
staff-commercial-commercial = Commercial
staff-commercial-non_commercial = Not commercial
staff-commercial-not_determined = Commerciality not determined
staff-payment-amex = American Express
staff-payment-diners = Diners Club
staff-payment-mastercard = Mastercard
staff-payment-paypal = PayPal
staff-payment-visa = Visa
staff-payment-western_union = Western Union
staff-payment-bitcoin = Bitcoin
staff-payment-sms = SMS
staff-payment-email = E-mail
staff-payment-other = Other payment
staff-payment-none = No payment
staff-reason-adult_pornography = Adult pornography
staff-reason-nudism_or_not_sexualised = Nudism, or not sexualised
staff-reason-below_threshold = Below the threshold of illegality
staff-reason-virtual_material = Virtual material
staff-reason-age_unclear = Age unclear or not assessable
staff-reason-age_over_national_threshold = Age over the national threshold
staff-reason-linking_not_illegal = Links or link lists, not illegal
staff-reason-content_not_found = Content not found
staff-reason-password_protected = Password protected
staff-reason-account_disabled = Account disabled
staff-reason-link_expired = Link expired
staff-reason-not_found_or_site_down = Not found (404) or site down
staff-reason-temporarily_unavailable = Temporarily unavailable (503)
staff-reason-removed_before_assessment = Removed before assessment
staff-reason-unable_to_access = Unable to access
staff-reason-other = Other reason
staff-leg-received = Received
staff-leg-received_to_assessed = Received to assessed
staff-leg-received_to_referred = Received to referred
staff-leg-received_to_notice_sent = Received to notice sent
staff-leg-notice_sent_to_removed = Notice sent to removed
staff-leg-received_to_removed = Received to removed
staff-leg-traced = Traced
staff-leg-assessment_started = Assessment started
staff-leg-assessed = Assessed
staff-leg-reviewed = Reviewed
staff-leg-second_opinion_requested = Second opinion asked
staff-leg-reassigned = Reassigned
staff-leg-escalated = Escalated
staff-leg-referral_to_partner_queued = Referral to a partner hotline queued
staff-leg-referred_partner = Referred to a partner hotline
staff-leg-referral_uncertain = Referral uncertain
staff-leg-referred_police = Referred to the police
staff-leg-received_from_partner = Received from a partner hotline
staff-leg-host_answered = The host answered
staff-leg-reporter_answered = The reporter answered
staff-leg-partner_update = News from the partner hotline
staff-leg-notice_sent = Notice sent
staff-leg-renotice_sent = Notice sent again
staff-leg-escalation_sent = Escalation sent
staff-leg-notice_acknowledged = Host acknowledged the notice
staff-leg-notice_refused = Host refused
staff-leg-awaiting_removal = Awaiting removal
staff-leg-removed = Removed
staff-leg-removed_by_host = Removed by the host
staff-leg-reappeared = Reappeared
staff-leg-referred = Referred
staff-leg-closed = Closed
staff-leg-closed_as_spam = Closed as spam
staff-leg-reopened = Reopened
staff-leg-legal_hold = Legal hold
staff-leg-legal_hold_lifted = Legal hold lifted
staff-leg-reporter_messaged = Message to the reporter
staff-leg-police_acknowledged = Police acknowledged
staff-leg-police_hold = Police hold
staff-leg-police_release = Police hold released
staff-leg-cleared = Cleared by the police
staff-leg-order_requested = Order requested
staff-leg-order_served = Order served
staff-leg-police_declined = Declined by the police
staff-leg-police_passed_abroad = Passed abroad by the police
staff-leg-police_preserve_evidence = The police asked that the evidence be kept
staff-leg-host_changed = Host changed before the notice
staff-search-title = Search cases
staff-search-what = Search for
staff-search-by = In
staff-search-submit = Search
staff-search-hint = Without a field, a number is a case, AS64500 an AS number, an IP address an IP, two capitals a country, a name a domain or host, anything else part of an address.
staff-search-open-group = Work on these cases together (assess or close them in one go)
staff-search-nothing = No case found for { $what }.
staff-search-short-fragment = Fewer than { $min } characters: only the newest { $cases } cases were searched. Type { $min } characters or more to search every case.
staff-search-by-any = Any field
staff-search-by-address = Part of the address
staff-search-by-domain = Registrable domain
staff-search-by-host = Host
staff-search-by-ip = IP address
staff-search-by-asn = AS number
staff-search-by-country = Hosting country
staff-search-by-case = Case number
staff-search-by-partner = Partner reference
staff-search-by-police = Police file number
staff-field-country = Hosted in
staff-country-unknown = not known yet
staff-waiting-hours = { $count ->
    [one] waiting { $count } hour
   *[other] waiting { $count } hours
}
staff-waiting-days = { $count ->
    [one] waiting { $count } day
   *[other] waiting { $count } days
}
staff-views-label = Views of the queue
staff-views-queue = One by one
staff-views-report = By report
staff-views-domain = By domain
staff-views-host = By host
staff-views-search = Search
staff-groups-report-title = Open cases by report
staff-groups-domain-title = Open cases by registrable domain
staff-groups-host-title = Open cases by host
staff-groups-report-col = Report
staff-groups-domain-col = Registrable domain
staff-groups-host-col = Host
staff-groups-open = Open cases
staff-groups-oldest = Oldest open case
staff-groups-none = Nothing is open.
staff-groups-caption = { $count ->
    [one] { $count } group
   *[other] { $count } groups
}
staff-group-report-name = Report of { $date }
staff-group-report-detail = { $addresses } addresses, { $waiting } waiting for assessment
staff-group-host-title = Open cases of host { $host }
staff-group-domain-title = Open cases of domain { $domain }
staff-group-report-title = { $count ->
    [one] A report of { $count } address
   *[other] A report of { $count } addresses
}
staff-group-caption = { $count ->
    [one] { $count } case; every open one is selected
   *[other] { $count } cases; every open one is selected
}
staff-group-select = Selected
staff-group-select-case = Select case { $id }
staff-bulk-assess-legend = One assessment for every selected case
staff-bulk-assess-submit = Record this assessment for the selected cases
staff-bulk-close-legend = Close every selected case
staff-bulk-close-submit = Close the selected cases
staff-bulk-assessed = { $count ->
    [one] { $count } case assessed
   *[other] { $count } cases assessed
}
staff-bulk-closed = { $count ->
    [one] { $count } case closed
   *[other] { $count } cases closed
}
staff-bulk-skipped = { $count ->
    [one] { $count } case skipped
   *[other] { $count } cases skipped
}
staff-bulk-why = Why
staff-bulk-back = Back to the view
staff-bulk-skip-internal = An internal error stopped it; try this case on its own.
staff-bulk-skip-refused = Refused: { $why }
staff-bulk-skip-missing = There is no such case.
staff-bulk-skip-state = Its state does not allow an assessment: { $state }.
staff-bulk-skip-closed = It is closed already.
staff-work-title = Where it is and what waits
staff-work-hosting = Hosting
staff-work-cdn = behind { $cdn }
staff-work-abuse = abuse contact: { $contact }
staff-work-to-assessment = Go to the assessment form
staff-case-back-to-view = Back to the list
staff-assess-submit-next = Record and open the next case
staff-related-title = Related cases
staff-related-none = No other case shares this domain, host or IP address.
staff-related-host = Same host
staff-related-domain = Same domain, other hosts
staff-related-ip = Same IP address
staff-domain-history = Domain { $domain }: { $open } open cases now; first case received { $first }.
staff-check-online = Still online
staff-check-gone = Gone
staff-check-error = Check failed
staff-notice-state-pending = waiting to be sent
staff-notice-state-sending = being sent
staff-notice-state-sent = sent
staff-notice-state-uncertain = delivery uncertain
staff-assessment-kind-assessment = Assessment
staff-assessment-kind-review = Review
staff-channel-web = web form
staff-channel-api = API
staff-channel-partner = partner hotline
staff-channel-import = imported file
staff-language-nl = Dutch
staff-language-fr = French
staff-language-de = German
staff-language-en = English
staff-job-trace = Trace
staff-job-check = Check
staff-job-notice = Notice to the host
staff-job-refer_partner = Referral to a partner hotline
staff-job-partner_update = News for the partner hotline
staff-job-police_notify = Message to the police
staff-job-urgent_alert = Urgent alert
staff-job-retention = Retention
staff-job-state-queued = queued
staff-job-state-running = running
staff-job-state-done = done
staff-job-state-dead = given up
