### The analysts' workbench: search, grouped views, bulk work, the case page's
### summary and related cases, and the staff's words for codes (states, legs, categories).

staff-label-other = sonstiges ({ $code })
staff-nav-search = Suche
staff-state-new = Wartet auf Bewertung
staff-state-in_assessment = In Bewertung
staff-state-assessed = Bewertet
staff-state-referred = Weitergeleitet
staff-state-awaiting_removal = Wartet auf Entfernung
staff-state-removed = Entfernt
staff-state-closed = Geschlossen
staff-case-waits = Wartet auf
staff-waits-new = die Bewertung durch eine Analystin oder einen Analysten
staff-waits-in_assessment = die bewertende Person
staff-waits-assessed = eine Weiterleitung oder Schließung durch das Team
staff-waits-referred = die Polizei oder die Partner-Hotline, an die es ging
staff-waits-awaiting_removal = den Hoster, der es entfernen muss (Prüfungen folgen)
staff-waits-removed = nichts: die Überwachung achtet auf eine Rückkehr
staff-waits-closed = nichts: der Fall ist geschlossen
staff-waits-police-hold = die Polizei: eine Sperre gilt, keine Meldung geht hinaus
staff-waits-host-changed = eine Analystin oder einen Analysten: das Hosting hat sich kurz vor dem Versand der Meldung geändert ({ $change }), sie ging daher nicht hinaus; prüfen Sie das neue Hosting, danach sendet „Erneut ermitteln“ die Meldung an den dann gefundenen Hoster
staff-class-baseline = Überall illegal (Baseline)
staff-class-national = Nach nationalem Recht illegal
staff-class-not_illegal = Nicht illegal
staff-class-unavailable = Nicht verfügbar
staff-class-out_of_remit = Außerhalb unseres Auftrags
staff-age-infant = Säugling oder Kleinkind
staff-age-pre_pubescent = Vorpubertär
staff-age-pubescent = Pubertär
staff-age-not_determined = Altersgruppe nicht bestimmt
staff-gender-female = Weiblich
staff-gender-male = Männlich
staff-gender-both = Beide
staff-gender-not_determined = Geschlecht nicht bestimmt
staff-media-image = Bilder
staff-media-video = Video
staff-media-text = Text
staff-media-link = Link
staff-media-container = Archiv oder Container
staff-media-other = Andere Medien
staff-site-website = Website
staff-site-file_host = Datei-Hoster
staff-site-image_store = Bildarchiv
staff-site-image_board = Imageboard
staff-site-forum = Forum
staff-site-banner_site = Banner-Seite
staff-site-link_site = Linkseite
staff-site-social_network = Soziales Netzwerk
staff-site-redirector = Weiterleitung
staff-site-web_archive = Webarchiv
staff-site-search_provider = Suchdienst
staff-site-image_host = Bild-Hoster
staff-site-blog = Blog
staff-site-not_applicable = Nicht zutreffend
staff-commercial-commercial = Kommerziell
staff-commercial-non_commercial = Nicht kommerziell
staff-commercial-not_determined = Kommerzieller Charakter nicht bestimmt
staff-payment-amex = American Express
staff-payment-diners = Diners Club
staff-payment-mastercard = Mastercard
staff-payment-paypal = PayPal
staff-payment-visa = Visa
staff-payment-western_union = Western Union
staff-payment-bitcoin = Bitcoin
staff-payment-sms = SMS
staff-payment-email = E-Mail
staff-payment-other = Andere Zahlung
staff-payment-none = Keine Zahlung
staff-reason-adult_pornography = Erwachsenenpornografie
staff-reason-nudism_or_not_sexualised = FKK, oder nicht sexualisiert
staff-reason-below_threshold = Unter der Strafbarkeitsschwelle
staff-reason-virtual_material = Virtuelles Material
staff-reason-age_unclear = Alter unklar oder nicht beurteilbar
staff-reason-age_over_national_threshold = Alter über der nationalen Grenze
staff-reason-linking_not_illegal = Links oder Linklisten, nicht strafbar
staff-reason-content_not_found = Inhalt nicht gefunden
staff-reason-password_protected = Passwortgeschützt
staff-reason-account_disabled = Konto deaktiviert
staff-reason-link_expired = Link abgelaufen
staff-reason-not_found_or_site_down = Nicht gefunden (404) oder Seite offline
staff-reason-temporarily_unavailable = Vorübergehend nicht verfügbar (503)
staff-reason-removed_before_assessment = Vor der Bewertung entfernt
staff-reason-unable_to_access = Kein Zugang möglich
staff-reason-other = Anderer Grund
staff-leg-received = Eingegangen
staff-leg-received_to_assessed = Eingang bis Bewertung
staff-leg-received_to_referred = Eingang bis Weiterleitung
staff-leg-received_to_notice_sent = Eingang bis Meldung an den Hoster
staff-leg-notice_sent_to_removed = Meldung bis Entfernung
staff-leg-received_to_removed = Eingang bis Entfernung
staff-leg-traced = Zurückverfolgt
staff-leg-assessment_started = Bewertung begonnen
staff-leg-assessed = Bewertet
staff-leg-reviewed = Überprüft
staff-leg-second_opinion_requested = Zweitmeinung erbeten
staff-leg-reassigned = Neu zugewiesen
staff-leg-escalated = Eskaliert
staff-leg-referral_to_partner_queued = Weiterleitung an Partner-Hotline vorgemerkt
staff-leg-referred_partner = An Partner-Hotline weitergeleitet
staff-leg-referral_uncertain = Weiterleitung unsicher
staff-leg-referred_police = An die Polizei weitergeleitet
staff-leg-received_from_partner = Von Partner-Hotline erhalten
staff-leg-host_answered = Der Hoster hat geantwortet
staff-leg-reporter_answered = Die meldende Person hat geantwortet
staff-leg-partner_update = Nachricht der Partner-Hotline
staff-leg-notice_sent = Meldung versandt
staff-leg-renotice_sent = Meldung erneut versandt
staff-leg-escalation_sent = Eskalation versandt
staff-leg-notice_acknowledged = Hoster bestätigte die Meldung
staff-leg-notice_refused = Hoster lehnte ab
staff-leg-awaiting_removal = Wartet auf Entfernung
staff-leg-removed = Entfernt
staff-leg-removed_by_host = Vom Hoster entfernt
staff-leg-reappeared = Wieder aufgetaucht
staff-leg-referred = Weitergeleitet
staff-leg-closed = Geschlossen
staff-leg-closed_as_spam = Als Spam geschlossen
staff-leg-reopened = Wieder geöffnet
staff-leg-legal_hold = Rechtliche Aufbewahrung
staff-leg-legal_hold_lifted = Rechtliche Aufbewahrung aufgehoben
staff-leg-reporter_messaged = Nachricht an die meldende Person
staff-leg-police_acknowledged = Polizei bestätigte
staff-leg-police_hold = Polizeiliche Sperre
staff-leg-police_release = Polizeiliche Sperre aufgehoben
staff-leg-cleared = Von der Polizei freigegeben
staff-leg-order_requested = Anordnung beantragt
staff-leg-order_served = Anordnung zugestellt
staff-leg-police_declined = Von der Polizei abgelehnt
staff-leg-police_passed_abroad = Von der Polizei ins Ausland weitergegeben
staff-leg-police_preserve_evidence = Die Polizei bat, die Beweise zu sichern
staff-leg-host_changed = Hoster vor der Meldung geändert
staff-search-title = Fälle suchen
staff-search-what = Suchen nach
staff-search-by = In
staff-search-submit = Suchen
staff-search-hint = Ohne Feld ist eine Zahl ein Fall, AS64500 eine AS-Nummer, eine IP-Adresse eine IP, zwei Großbuchstaben ein Land, ein Name eine Domain oder ein Host, alles andere ein Teil einer Adresse.
staff-search-open-group = Diese Fälle gemeinsam bearbeiten (auf einmal bewerten oder schließen)
staff-search-nothing = Kein Fall gefunden für { $what }.
staff-search-short-fragment = Weniger als { $min } Zeichen: nur die neuesten { $cases } Fälle wurden durchsucht. Geben Sie { $min } oder mehr Zeichen ein, um alle Fälle zu durchsuchen.
staff-search-by-any = Jedes Feld
staff-search-by-address = Teil der Adresse
staff-search-by-domain = Registrierbare Domain
staff-search-by-host = Host
staff-search-by-ip = IP-Adresse
staff-search-by-asn = AS-Nummer
staff-search-by-country = Hosting-Land
staff-search-by-case = Fallnummer
staff-search-by-partner = Referenz des Partners
staff-search-by-police = Aktenzeichen der Polizei
staff-field-country = Gehostet in
staff-country-unknown = noch unbekannt
staff-waiting-hours = { $count ->
    [one] wartet seit { $count } Stunde
   *[other] wartet seit { $count } Stunden
}
staff-waiting-days = { $count ->
    [one] wartet seit { $count } Tag
   *[other] wartet seit { $count } Tagen
}
staff-views-label = Ansichten der Warteschlange
staff-views-queue = Einzeln
staff-views-report = Nach Meldung
staff-views-domain = Nach Domain
staff-views-host = Nach Host
staff-views-search = Suche
staff-groups-report-title = Offene Fälle nach Meldung
staff-groups-domain-title = Offene Fälle nach registrierbarer Domain
staff-groups-host-title = Offene Fälle nach Host
staff-groups-report-col = Meldung
staff-groups-domain-col = Registrierbare Domain
staff-groups-host-col = Host
staff-groups-open = Offene Fälle
staff-groups-oldest = Ältester offener Fall
staff-groups-none = Nichts ist offen.
staff-groups-caption = { $count ->
    [one] { $count } Gruppe
   *[other] { $count } Gruppen
}
staff-group-report-name = Meldung vom { $date }
staff-group-report-detail = { $addresses } Adressen, { $waiting } warten auf Bewertung
staff-group-host-title = Offene Fälle des Hosts { $host }
staff-group-domain-title = Offene Fälle der Domain { $domain }
staff-group-report-title = { $count ->
    [one] Eine Meldung mit { $count } Adresse
   *[other] Eine Meldung mit { $count } Adressen
}
staff-group-caption = { $count ->
    [one] { $count } Fall; jeder offene ist ausgewählt
   *[other] { $count } Fälle; jeder offene ist ausgewählt
}
staff-group-select = Ausgewählt
staff-group-select-case = Fall { $id } auswählen
staff-bulk-assess-legend = Eine Bewertung für jeden ausgewählten Fall
staff-bulk-assess-submit = Diese Bewertung für die ausgewählten Fälle speichern
staff-bulk-close-legend = Jeden ausgewählten Fall schließen
staff-bulk-close-submit = Die ausgewählten Fälle schließen
staff-bulk-assessed = { $count ->
    [one] { $count } Fall bewertet
   *[other] { $count } Fälle bewertet
}
staff-bulk-closed = { $count ->
    [one] { $count } Fall geschlossen
   *[other] { $count } Fälle geschlossen
}
staff-bulk-skipped = { $count ->
    [one] { $count } Fall übersprungen
   *[other] { $count } Fälle übersprungen
}
staff-bulk-why = Warum
staff-bulk-back = Zurück zur Ansicht
staff-bulk-skip-internal = Ein interner Fehler hat es verhindert; versuchen Sie diesen Fall einzeln.
staff-bulk-skip-refused = Abgelehnt: { $why }
staff-bulk-skip-missing = Diesen Fall gibt es nicht.
staff-bulk-skip-state = Sein Status erlaubt keine Bewertung: { $state }.
staff-bulk-skip-closed = Er ist bereits geschlossen.
staff-work-title = Wo es liegt und was wartet
staff-work-hosting = Hosting
staff-work-cdn = hinter { $cdn }
staff-work-abuse = Abuse-Kontakt: { $contact }
staff-work-to-assessment = Zum Bewertungsformular
staff-case-back-to-view = Zurück zur Liste
staff-assess-submit-next = Speichern und nächsten Fall öffnen
staff-related-title = Verwandte Fälle
staff-related-none = Kein anderer Fall teilt diese Domain, diesen Host oder diese IP-Adresse.
staff-related-host = Gleicher Host
staff-related-domain = Gleiche Domain, andere Hosts
staff-related-ip = Gleiche IP-Adresse
staff-domain-history = Domain { $domain }: derzeit { $open } offene Fälle; erster Fall eingegangen am { $first }.
staff-check-online = Noch online
staff-check-gone = Verschwunden
staff-check-error = Prüfung fehlgeschlagen
staff-notice-state-pending = wartet auf Versand
staff-notice-state-sending = wird versandt
staff-notice-state-sent = versandt
staff-notice-state-uncertain = Zustellung unsicher
staff-assessment-kind-assessment = Bewertung
staff-assessment-kind-review = Überprüfung
staff-channel-web = Webformular
staff-channel-api = API
staff-channel-partner = Partner-Hotline
staff-channel-import = importierte Datei
staff-language-nl = Niederländisch
staff-language-fr = Französisch
staff-language-de = Deutsch
staff-language-en = Englisch
staff-job-trace = Rückverfolgung
staff-job-check = Prüfung
staff-job-notice = Meldung an den Hoster
staff-job-refer_partner = Weiterleitung an Partner-Hotline
staff-job-partner_update = Nachricht an die Partner-Hotline
staff-job-police_notify = Nachricht an die Polizei
staff-job-urgent_alert = Dringender Alarm
staff-job-retention = Aufbewahrung
staff-job-state-queued = eingereiht
staff-job-state-running = läuft
staff-job-state-done = erledigt
staff-job-state-dead = aufgegeben
