### The staff pages: for analysts, supervisors and the police.
### Keep it short and plain. State names, classification codes and other values
### from the database are shown as they are and are not translated here.
### German: "supervisor" is rendered as "Teamleitung" throughout.

## Every staff page

staff-site-name = Meldestelle – Mitarbeiterbereich
staff-brand = Meldestelle · intern
staff-skip-to-content = Zum Inhalt springen
staff-nav-label = Mitarbeiterbereich
staff-nav-queue = Warteschlange
staff-nav-welfare = Belastungsschutz
staff-nav-audit = Prüfprotokoll
# Who is signed in, e.g. "ann (analyst)". The role is a code and stays as it is.
staff-signed-in-as = { $username } ({ $role })
staff-sign-out = Abmelden
staff-filter = Filtern
staff-badge-urgent = dringend
staff-badge-review = Zweitmeinung

## Facts about a case: queue columns and the case page

staff-field-case = Fall
staff-field-address = Adresse
staff-field-host = Host
staff-field-state = Status
staff-field-reports = Meldungen
staff-field-received = Eingegangen
staff-field-assignee = Zugewiesen an

## Table columns used on several pages

staff-col-when = Wann
staff-col-by = Von
staff-col-kind = Art
staff-col-what = Was
staff-col-details = Details

## Sign in

staff-login-title = Anmelden
staff-login-username = Benutzername
staff-login-password = Passwort
staff-login-totp = Code aus Ihrer Authenticator-App
staff-login-submit = Anmelden

## Queue

staff-queue-title = Warteschlange
# $limit is staff-minutes, e.g. "60 Minuten".
staff-queue-welfare = Bewertungszeit heute: { $minutes } von { $limit }.
staff-queue-welfare-lifted = Bewertungszeit heute: { $minutes } von { $limit } (Limit von der Teamleitung aufgehoben).
staff-queue-new-referrals = { $count ->
    [one] { $count } neue Weiterleitung wartet auf Ihre Einheit
   *[other] { $count } neue Weiterleitungen warten auf Ihre Einheit
}
staff-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
staff-queue-welfare-over = Sie haben das Tageslimit erreicht: keine neuen Bewertungen, bis die Teamleitung das Limit aufhebt. Bitte machen Sie eine Pause.
staff-queue-take-next = Nächsten Fall zur Bewertung übernehmen
staff-queue-all-open = alle offenen
staff-queue-assignee-hint = alle; - = nicht zugewiesen
staff-queue-older-than = Älter als (Stunden)
staff-queue-urgent-only = nur dringende
staff-queue-review-asked = Zweitmeinung angefragt
staff-queue-caption = { $count ->
    [one] { $count } Fall auf dieser Seite
   *[other] { $count } Fälle auf dieser Seite
}
staff-queue-next-page = Nächste Seite

## Case page

staff-case-title = Fall #{ $id }
# Before the registrable domain, e.g. "(Domain example.com)".
staff-case-domain = Domain
staff-case-nobody = niemand
staff-case-second-opinion = Zweitmeinung
staff-case-asked-by = angefragt von { $name }
staff-case-police = Polizei
staff-case-referred = An die Polizei weitergeleitet
staff-case-next-steps = Nächste Schritte
staff-case-start = Bewertung beginnen
staff-case-reopen = Wieder öffnen
staff-case-ask-second-opinion = Teamleitung um Zweitmeinung bitten
staff-case-confirm = Letzte Bewertung bestätigen
staff-case-assign-to = Zuweisen an
staff-case-assign-hint = Benutzername oder leer
staff-case-reassign = Neu zuweisen

# Buttons that move a case to another state.
staff-move-referred = An die Polizei weiterleiten
staff-move-awaiting_removal = Entfernung ausstehend
# From "removed" back to "awaiting removal".
staff-move-reappeared = Wieder aufgetaucht: erneut Entfernung ausstehend
staff-move-removed = Entfernt
staff-move-closed = Fall abschließen

# The assessment form. The options are codes and stay as they are.
staff-assess-title = Bewertung
staff-assess-classification = Einstufung
staff-assess-reason = Grund (wenn nicht illegal oder nicht verfügbar)
staff-assess-age_group = Altersgruppe des jüngsten Opfers
staff-assess-gender = Geschlecht der Opfer
staff-assess-media = Medienart
staff-assess-site_type = Art der Website
staff-assess-commercial = Kommerzialität
staff-assess-payment_methods = Zahlungsmittel (bei kommerziellen Seiten)
staff-assess-flags = Außerdem (bei illegalen Inhalten)
staff-assess-virtual = Virtuell (gezeichnet, computer- oder KI-generiert)
staff-assess-child_modelling = Kindermodel
staff-assess-user_generated = Nutzergeneriert (selbst erstellt)
staff-assess-statute = Gesetzesverweis (wenn nach nationalem Recht illegal)
staff-assess-submit = Bewertung speichern

# Earlier assessments. $age, $gender, $media and $site are codes.
staff-assessments-title = Bewertungen
staff-assessment-details = Altersgruppe { $age }, { $gender }, { $media }, { $site }, { $commercial }
staff-assessment-reason = Grund { $reason }
staff-iccam-title = Für ICCAM
staff-iccam-hint = Die Bewertung mit den Feldnamen und in der Reihenfolge von ICCAM, zum feldweisen Übertragen.
staff-referred-title = Die Bewertung der weiterleitenden Hotline ({ $partner })
staff-referred-traced = Ihre Rückverfolgung, { $date }:
staff-referred-accept = Ihre Bewertung übernehmen

# The reports on a case. $channel, $where and $language are codes.
staff-case-reports = Meldungen ({ $count })
staff-report-received = Eingegangen: { $date }
staff-report-origin = Kanal { $channel }, Fundort { $where }, Sprache { $language }.
# Followed by the address as the reporter typed it.
staff-report-as-typed = Wie eingegeben:
staff-report-contact-name = Kontaktname: { $name }
staff-report-contact-email = Kontakt-E-Mail: { $email }
staff-report-police-may-contact = Die meldende Person ist mit einer Kontaktaufnahme durch die Polizei einverstanden.
staff-message-label = Nachricht an die meldende Person (wird auf ihrer Statusseite angezeigt)
staff-message-submit = Nachricht senden

staff-timeline-title = Verlauf

## Welfare

staff-welfare-title = Belastungsschutz
staff-welfare-heading = Bewertungszeit heute ({ $day })
staff-welfare-intro = Das Tageslimit beträgt { $limit ->
        [one] { $limit } Minute
       *[other] { $limit } Minuten
    }. Ist es erreicht, teilt die Warteschlange der betreffenden Person keine Bewertungen mehr zu, bis die Teamleitung das Limit für den Tag aufhebt.
staff-welfare-analyst = Analyst/-in
staff-welfare-minutes = Minuten
staff-welfare-limit = Limit
staff-welfare-lifted = aufgehoben
staff-welfare-lift = Für heute aufheben

## Audit trail

staff-audit-title = Prüfprotokoll
staff-audit-actor = Wer
staff-audit-action = Aktion
staff-audit-object = Objekt
staff-audit-action-example = z. B. login.failed
staff-audit-object-example = z. B. case:12
staff-audit-when = Wann (UTC)
staff-audit-older = Ältere Einträge

## Trace
staff-trace-title = Wo es gehostet wird
staff-trace-none = Noch nicht ermittelt.
staff-trace-age = Ermittelt am { $when }
staff-trace-untraceable = Nicht ermittelbar: { $why }
staff-untraceable-onion = ein Onion-Dienst: sein Standort ist absichtlich verborgen und nicht ermittelbar
staff-untraceable-no_address = der Name hat keine Adresse
staff-untraceable-no_such_name = der Name existiert nicht
staff-trace-ip = Adresse
staff-trace-asn = Netz (AS)
staff-trace-country = Land
staff-trace-cdn = CDN oder Proxy
staff-trace-abuse = Missbrauchskontakt
staff-contact-source-network = aus dem RDAP-Eintrag des Netzes, { $record }
staff-contact-source-parent_network = aus dem RDAP-Eintrag eines übergeordneten Netzes, { $record }
staff-contact-source-autnum = aus dem RDAP-Eintrag des AS des Netzes, { $record }
staff-contact-source-registrar = aus dem RDAP-Eintrag des Registrars, { $record }
staff-trace-cnames = Aliasse (CNAME)
staff-trace-registrar = Registrar
staff-trace-errors = Fehlgeschlagene Schritte
staff-trace-again = Erneut ermitteln
staff-jobs-title = Hintergrundaufgaben

## Routing and the police
staff-route-title = Warum dieser Weg
staff-police-title = Polizei
staff-police-note = Anmerkung (optional)
staff-police-acknowledged = Eingang bestätigt
staff-police-hold = Zurückgestellt: Ermittlungen laufen
staff-police-cleared = Freigegeben: der Hosting-Anbieter darf benachrichtigt werden
staff-police-order_requested = Anordnung beantragt
staff-police-order_served = Anordnung zugestellt
staff-police-release = Aufgehoben: nicht länger zurückstellen
staff-police-declined = Abgelehnt
staff-police-passed_abroad = An die Polizei im Ausland weitergegeben
staff-police-preserve_evidence = Bat den Hoster, Beweise zu sichern
staff-police-hold-in-force = Die Polizei hat zurückgestellt: keine Benachrichtigung geht an irgendwen, bis die Polizei dies aufhebt.
staff-police-hold-badge = von der Polizei zurückgestellt
staff-police-file-number = Polizeiakte { $reference }
staff-police-step = Schritt
staff-police-reference = Aktenzeichen der Polizei (bei „Eingang bestätigt“)
staff-police-decline-reason = Grund (bei „abgelehnt“)
staff-police-country = Ländercode (bei „an die Polizei im Ausland weitergegeben“, z. B. NL)
staff-police-record = Schritt vermerken
staff-decline-not_illegal = Nicht illegal
staff-decline-no_jurisdiction = Nicht zuständig
staff-decline-duplicate = Doppelt
staff-decline-other = Anderes
staff-close-reason = Grund für den Abschluss
staff-case-closed-reason = Abgeschlossen, weil
staff-close-not_illegal = Nicht illegal (laut Bewertung)
staff-close-unavailable = Nicht verfügbar (laut Bewertung)
staff-close-out_of_remit = Außerhalb unseres Auftrags (laut Bewertung)
staff-close-duplicate = Doppelt
staff-close-declined_by_police = Von der Polizei abgelehnt
staff-close-not_illegal_for_partner = Für die Partner-Hotline nicht illegal
staff-close-removed = Entfernt
staff-close-spam = Spam
staff-close-other = Anderes

## Notices and the host's answer
staff-notices-title = Hinweise an den Hosting-Anbieter
staff-host-title = Antwort des Hosting-Anbieters
staff-host-reason = Angegebener Grund (bei Ablehnung)
staff-host-acknowledged = Eingang bestätigt
staff-host-removed = Entfernt
staff-host-refused = Abgelehnt

## Referral to a partner by hand
staff-partner-manual-title = Dies von Hand an { $partner } senden
staff-partner-reference = Deren Referenz (zum Beispiel eine ICCAM-Referenz)
staff-partner-record = Weiterleitung vermerken

staff-checks-title = Noch online?
staff-checks-none = Noch nicht geprüft. Prüfungen beginnen, sobald der Fall auf die Entfernung wartet (DNS und eine HTTP-HEAD-Anfrage; nichts wird heruntergeladen).
staff-checks-when = Wann
staff-checks-outcome = Ergebnis
staff-checks-detail = Einzelheiten
staff-domain-dedicated = Die Domain { $domain } ist als Missbrauchsmaterial gewidmet markiert: die DNS-Sperrliste nennt sie vollständig.
staff-domain-marked-by = Markiert von { $who }.
staff-domain-not-dedicated = Die Domain { $domain } ist nicht als gewidmet markiert: die Sperrliste nennt nur diese Adresse.
staff-domain-mark = Die ganze Domain als Missbrauchsmaterial gewidmet markieren
staff-domain-unmark = Die Markierung der Domain entfernen
## Statistik und Bericht als vertrauenswürdiger Hinweisgeber
staff-nav-statistics = Statistik
staff-statistics-title = Statistik
staff-statistics-from = Von
staff-statistics-to = Bis (einschließlich)
staff-statistics-show = Anzeigen
staff-statistics-scope = Im Zeitraum (UTC) eröffnete Fälle und eingegangene Meldungen, verfolgt bis heute. Kategorienamen werden so gezeigt, wie sie gespeichert sind.
staff-statistics-csv = Als CSV herunterladen
staff-statistics-annual-link = Jahresbericht als vertrauenswürdiger Hinweisgeber
staff-statistics-reports = Eingegangene Meldungen
staff-statistics-cases = Eröffnete Fälle
staff-statistics-legs = Abschnitte der Zeitleiste
staff-statistics-percentile = Median und p90 nach der Methode des nächsten Rangs: jeder Wert ist die Zeit eines echten Falls, nie ein Durchschnitt.
staff-statistics-legs-chart = Median (dunkel) und p90 (hell) jedes Abschnitts, in Stunden
staff-statistics-leg = Abschnitt
staff-statistics-count = Anzahl
staff-statistics-median = Median
staff-statistics-league = Reaktionszeiten der Provider: vom Hinweis bis zur Entfernung, schnellste zuerst
staff-statistics-league-chart = Median (dunkel) und p90 (hell) vom Hinweis bis zur Entfernung je Provider, in Stunden
staff-statistics-provider = Provider
staff-statistics-removals = Entfernungen
staff-statistics-by-channel = Meldungen nach Weg
staff-statistics-by-classification = Fälle nach Einstufung
staff-statistics-by-outcome = Fälle nach Ausgang
staff-statistics-by-site-type = Fälle nach Art der Website
staff-statistics-by-age-group = Fälle nach Altersgruppe
staff-statistics-by-country = Abschnitte nach Hosting-Land (Median / p90 (Anzahl))
staff-statistics-by-provider = Abschnitte nach Hosting-Provider (Median / p90 (Anzahl))
staff-statistics-country = Land
staff-annual-title = Bericht als vertrauenswürdiger Hinweisgeber { $year } (DSA Art. 22 Abs. 3)
staff-annual-year = Jahr
staff-annual-scope = Im Jahr (UTC) versandte Hinweise, nach Provider, Art der rechtswidrigen Inhalte und Maßnahme des Providers, mit der Zeit vom Hinweis bis zur Entfernung.
staff-annual-notices = Hinweise
staff-annual-time-to-removal = Zeit vom Hinweis bis zur Entfernung: Median
staff-annual-by-provider = Hinweise nach Provider
staff-annual-by-content-type = Hinweise nach Art der rechtswidrigen Inhalte
staff-annual-by-action = Hinweise nach ergriffener Maßnahme
staff-annual-detail = Nach Provider, Art der Inhalte und Maßnahme
staff-annual-content-type = Art der Inhalte
staff-annual-action = Ergriffene Maßnahme
staff-case-legal-hold = Rechtliche Aufbewahrung
staff-case-held = Vollständig erhalten: die Löschfristen überspringen diesen Fall
staff-case-hold = Unter rechtliche Aufbewahrung stellen
staff-case-release-hold = Rechtliche Aufbewahrung aufheben
staff-spam-select = Fall #{ $id } auswählen
staff-spam-close = Ausgewählte Fälle als Spam schließen

## Verwaltungsseiten: Einstellungen ohne Neustart, Tokens, Partner, die Vorlage der Meldung

staff-nav-admin = Verwaltung
staff-admin-nav-label = Verwaltungsseiten
staff-admin-settings-title = Einstellungen
staff-admin-template-title = Vorlage der Meldung
staff-admin-tokens-title = API-Tokens
staff-admin-partners-title = Partner und Polizei
staff-admin-settings-intro = Diese Einstellungen gelten sofort, ohne Neustart, auf jedem Server. Ein hier gesetzter Wert ersetzt den der Konfigurationsdatei, bis Sie den der Datei zurückholen.
staff-admin-saved = Gespeichert. Die neuen Einstellungen gelten jetzt.
staff-admin-not-saved = Nichts wurde gespeichert. Bitte korrigieren:
staff-admin-procedure = Verfahren
staff-admin-procedure-assess = assess: Analysten prüfen zuerst jeden Fall
staff-admin-procedure-forward = forward-unopened: jede Adresse geht ungeöffnet an die Polizei
# Woher ein Wert stammt, z. B. „Hier gesetzt von ada am 2026-01-02 10:00 UTC“.
staff-admin-set-by = Hier gesetzt von { $username } am { $when }
staff-admin-from-file = Aus der Konfigurationsdatei
staff-admin-save = Speichern
staff-admin-reset = Den Wert der Konfigurationsdatei verwenden
staff-admin-national = Nationale Einstellungen
staff-admin-country = Land (ISO-3166-1-Code, z. B. BE)
staff-admin-takedown-by = Wer Meldungen an Hoster in diesem Land schickt
staff-admin-takedown-police = die Polizei, nach Anordnung eines Richters oder Staatsanwalts
staff-admin-takedown-hotline = die Meldestelle, nach Freigabe durch die Polizei oder nach der Einspruchsfrist
staff-admin-objection-hours = Stunden, die die Polizei für einen Einspruch hat (1 bis 720)
staff-admin-retention = Aufbewahrungsfristen
staff-admin-retention-intro = In Tagen, von 1 bis 3650; 0 bewahrt diese Daten für immer auf. Die Datenschutzseite nennt sie.
staff-admin-retention-contact = Kontaktdaten der Meldenden
staff-admin-retention-description = Was Meldende schrieben
staff-admin-retention-closed = Einzelheiten geschlossener Fälle
staff-admin-retention-history = Erledigte Aufträge und ersetzte Rückverfolgungen
staff-admin-retention-audit = Audit-Ereignisse
staff-admin-token-created = Das neue Token steht unten. Kopieren Sie es jetzt: Es wird nur dieses eine Mal gezeigt und nur als Hash gespeichert.
staff-admin-token-new = Neues Token
staff-admin-token-kind = Was das Token darf
staff-admin-token-kind-cases = cases: die API für Mitarbeitende, als Benutzer
staff-admin-token-kind-export = export: nur die Exporte von Fällen, als Benutzer
staff-admin-token-kind-blocklist = blocklist: nur die Sperrliste, für einen Provider oder Anbieter
staff-admin-token-kind-partner = partner: Weiterleitungen einer Partner-Meldestelle an uns
staff-admin-token-owner = Benutzer, Partner oder Provider
staff-admin-token-create = Token erstellen
staff-admin-token-caption = { $count ->
    [one] { $count } Token
   *[other] { $count } Tokens
}
staff-admin-token-scope = Bereich
staff-admin-token-created-at = Erstellt
staff-admin-token-last-used = Zuletzt benutzt
staff-admin-token-state = Zustand
staff-admin-token-revoked = Widerrufen { $when }
staff-admin-token-revoke = Token { $id } widerrufen
staff-admin-partner-key = Der öffentliche Signaturschlüssel dieser Meldestelle, für Partner (sie prüfen damit unsere Weiterleitungen):
staff-admin-partner-caption = { $count ->
    [one] { $count } Partner-Meldestelle
   *[other] { $count } Partner-Meldestellen
}
staff-admin-partner-name = Name
staff-admin-partner-countries = Länder (z. B. NL, LU)
staff-admin-partner-channel = Kanal
staff-partner-channel-manual = von Hand (ICCAM, ein Portal)
staff-partner-channel-email = E-Mail
staff-partner-channel-api = API (signierte Nachrichten)
staff-admin-partner-endpoint = Endpunkt (Basis-URL für api, Adresse für email)
staff-admin-partner-public-key = Sein öffentlicher Ed25519-Schlüssel (64 Hexadezimalzeichen)
staff-admin-partner-encrypt-to = Sein öffentlicher age-Schlüssel, um Weiterleitungs-E-Mails zu verschlüsseln (age1…)
staff-admin-partner-token = Das Token, das er uns gab (leer behält das gespeicherte)
staff-admin-partner-active = aktiv
staff-admin-partner-disabled = deaktiviert
staff-admin-partner-edit = { $name } ändern
staff-admin-partner-disable = { $name } deaktivieren
staff-admin-partner-enable = { $name } aktivieren
staff-admin-partner-form = Einen Partner hinzufügen oder ändern
staff-admin-police-heading = Polizeikontakte
staff-admin-police-text = Fälle gehen an die Konten der Verbindungsbeamten der Polizei (Rolle police). Auf der Kontenseite hinzufügen, deaktivieren oder den zweiten Faktor erneuern:
staff-admin-users-title = Konten
staff-admin-user-caption = { $count ->
    [one] { $count } Konto
   *[other] { $count } Konten
}
staff-admin-user-name = Benutzername
staff-admin-user-role = Rolle
staff-admin-user-second-factor = Zweiter Faktor
staff-admin-user-2fa-used = eingerichtet
staff-admin-user-2fa-waiting = noch nicht benutzt
staff-admin-user-reset = Neuer zweiter Faktor für { $name }
staff-admin-user-new = Neues Konto
staff-admin-user-password = Erstes Passwort (mindestens 12 Zeichen)
staff-admin-user-password-again = Dasselbe Passwort noch einmal
staff-admin-user-add = Konto hinzufügen
staff-admin-user-created = Konto { $name } angelegt.
staff-admin-user-reset-done = { $name } hat einen neuen zweiten Faktor; der alte und die Sitzungen funktionieren nicht mehr.
staff-admin-user-uri-once = Geben Sie dies jetzt der Inhaberin oder dem Inhaber für die Authenticator-App: Es wird nur dieses eine Mal angezeigt.
staff-admin-template-builtin = Keine Vorlage gesetzt: Meldungen verwenden die eingebauten Texte, auf Niederländisch, Französisch, Deutsch oder Englisch je nach Sprache des Landes des Hosters (sonst in der Standardsprache der Website). Schreiben Sie unten eine, um sie zu ersetzen; sie muss die Adresse, die Rechtsvorschrift, eine Erklärung in gutem Glauben und die E-Mail-Adresse der Beschwerdestelle enthalten (DSA Art. 16 Abs. 2).
staff-admin-template-intro = Eine minijinja-Vorlage: Die erste Zeile ist der Betreff, der Text muss {"{{ address }}"} enthalten. Variablen: { $variables }.
staff-admin-template-text = Vorlage der Meldung
staff-admin-template-preview = Vorschau
staff-admin-template-preview-heading = Vorschau
staff-admin-template-sample = Mit erfundenen Angaben (eine Dokumentationsadresse, kein echter Fall):
staff-admin-file-value = Die Konfigurationsdatei sagt: { $value }

staff-nav-account = Mein Konto
staff-account-title = Mein Konto
staff-account-password = Mein Passwort ändern
staff-account-current = Aktuelles Passwort
staff-account-new = Neues Passwort (12 Zeichen oder mehr)
staff-account-again = Neues Passwort wiederholen
staff-account-change = Mein Passwort ändern
staff-account-others-end = Alle anderen Sitzungen dieses Kontos werden beendet: melden Sie sich auf anderen Geräten neu an.
staff-account-changed = Ihr Passwort wurde geändert; { $ended } andere Sitzungen wurden beendet.
staff-account-not-changed = Das Passwort wurde nicht geändert.
staff-account-mismatch = Die beiden neuen Passwörter stimmen nicht überein.
staff-account-wrong-current = Das aktuelle Passwort ist nicht richtig.
staff-account-waiting = Zu viele fehlgeschlagene Versuche für dieses Konto; versuchen Sie es später erneut.

# Answers from reporters.
staff-badge-new-answer = neue Antwort der meldenden Person
staff-dialogue-title = Nachrichten mit der meldenden Person
staff-dialogue-reporter = die meldende Person schrieb
staff-dialogue-hotline = wir schrieben

# The supervisor's dashboard.
staff-nav-dashboard = Übersicht
staff-dashboard-title = Übersicht für die Leitung
staff-dashboard-waiting = Wartende Fälle, je Schritt
staff-dashboard-nothing-waiting = Keine offenen Fälle.
staff-dashboard-leg = Wartet auf
staff-dashboard-cases = Fälle
staff-dashboard-oldest = Längste Wartezeit
staff-dashboard-age = { $days } T { $hours } Std
staff-dashboard-leg-new = die Prüfung (neu)
staff-dashboard-leg-in_assessment = die Analystin oder den Analysten (in Prüfung)
staff-dashboard-leg-assessed = die Weiterleitung (geprüft)
staff-dashboard-leg-referred = die Polizei oder den Partner (weitergeleitet)
staff-dashboard-leg-awaiting_removal = den Hoster (Entfernung erwartet)
staff-dashboard-leg-removed = das Ende der Beobachtung (entfernt)
staff-dashboard-leg-closed = nichts (geschlossen)
staff-dashboard-removal = Innerhalb von 3 Tagen nach der Meldung entfernt (INHOPE)
staff-dashboard-this-month = Dieser Monat
staff-dashboard-last-month = Letzter Monat
staff-dashboard-share = { $percent } % ({ $removed } von { $noticed })
staff-dashboard-share-none = keine Meldungen versandt
staff-dashboard-welfare = Prüfzeit heute
staff-dashboard-alerts = Nicht versandte Alarme
staff-dashboard-alerts-none = Alle Alarme wurden versandt.
staff-dashboard-alerts-count = { $count ->
    [one] Ein Alarm wurde nicht versandt.
   *[other] { $count } Alarme wurden nicht versandt.
}
staff-dashboard-alert-what = Alarm
staff-dashboard-alert-state = Zustand
staff-dashboard-alert-attempts = Versuche
staff-dashboard-alert-error = Letzter Fehler
staff-dashboard-alert-urgent = dringende Meldung an die Bereitschaft
staff-dashboard-alert-police = neue Weiterleitungen an die Polizei
staff-dashboard-alert-reporter = Neuigkeiten-Mail an eine meldende Person
staff-dashboard-alert-given-up = aufgegeben
staff-dashboard-alert-retrying = fehlgeschlagen, wird wiederholt

## Why this route (hotline_domain::routing::Route::code), one sentence per route and reason
staff-route-national_police = Im Inland gehostet: an die nationale Polizei weitergeleitet, die eine richterliche Anordnung erwirkt und sich an den Hosting-Anbieter wendet.
staff-route-national_police_notice = Im Inland gehostet: an die nationale Polizei weitergeleitet; die Hotline schickt den Hinweis an den Hosting-Anbieter, sobald die Polizei ihn freigibt, oder nach { $hours } Stunden ohne Einspruch.
staff-route-partner = Gehostet in { $country }: an die Partner-Hotline { $partner } weitergeleitet.
staff-route-international_onion = Ein Onion-Dienst, dessen Standort bewusst verborgen ist und sich nicht ermitteln lässt: an die nationale Polizei für den internationalen Weg weitergeleitet.
staff-route-international_untraceable = Nicht ermittelbar (Grund siehe Hosting): an die nationale Polizei für den internationalen Weg weitergeleitet.
staff-route-international_country_unknown = Das Land des Hostings ist unbekannt: an die nationale Polizei für den internationalen Weg weitergeleitet.
staff-route-international_hosted_in = Gehostet in { $countries }, wo es keine Partner-Hotline gibt: an die nationale Polizei für den internationalen Weg weitergeleitet.
staff-route-unopened_onion = Ungeöffnet weitergegeben (ein Onion-Dienst, nicht ermittelbar): an die nationale Polizei weitergeleitet, die den Inhalt bewertet und im Ausland Gehostetes an die dortige Polizei weitergibt; die Hotline schickt keinen Hinweis.
staff-route-unopened_untraceable = Ungeöffnet weitergegeben (nicht ermittelbar, Grund siehe Hosting): an die nationale Polizei weitergeleitet, die den Inhalt bewertet und im Ausland Gehostetes an die dortige Polizei weitergibt; die Hotline schickt keinen Hinweis.
staff-route-unopened_country_unknown = Ungeöffnet weitergegeben (Land des Hostings unbekannt): an die nationale Polizei weitergeleitet, die den Inhalt bewertet und im Ausland Gehostetes an die dortige Polizei weitergibt; die Hotline schickt keinen Hinweis.
staff-route-unopened_hosted_in = Ungeöffnet weitergegeben (gehostet in { $countries }): an die nationale Polizei weitergeleitet, die den Inhalt bewertet und im Ausland Gehostetes an die dortige Polizei weitergibt; die Hotline schickt keinen Hinweis.
staff-route-close_not_illegal = Als nicht illegal bewertet: der Fall wird abgeschlossen.
staff-route-close_unavailable = Der Inhalt war bei der Bewertung nicht mehr vorhanden: der Fall wird abgeschlossen.
staff-route-close_out_of_remit = Außerhalb des Auftrags dieser Hotline: der Fall wird abgeschlossen.
staff-route-wait_awaiting_assessment = Wartet auf eine Bewertung.
staff-route-wait_awaiting_trace = Wartet auf die Ermittlung, wo die Adresse gehostet wird.

## Refusals built in Rust (hotline_domain::Refusal codes: staff-error- + code), and assessment problems
staff-error-no_case = Es gibt keinen Fall mit dieser Nummer.
staff-error-no_case_number = Es gibt keinen Fall { $case }.
staff-error-illegal_move = Ein Fall kann nach dem Verfahren dieser Hotline nicht von „{ $from }“ zu „{ $to }“ wechseln.
staff-error-move_not_offered = Ein Fall kann hier nicht von „{ $from }“ zu „{ $to }“ wechseln.
staff-error-case_changed = Fall { $case } wurde gleichzeitig von jemand anderem geändert; laden Sie die Seite neu und versuchen Sie es noch einmal.
staff-error-duplicate_open_case = Ein anderer offener Fall (#{ $case }) hat diese Adresse bereits.
staff-error-refused = Die Aktion wurde abgelehnt.
staff-error-report_not_of_case = Diese Meldung gehört nicht zu diesem Fall.
staff-error-nothing_to_review = Der Fall hat noch keine Bewertung, die überprüft werden könnte.
staff-error-not_an_assignee = „{ $name }“ ist keine aktive Analystin, kein aktiver Analyst und keine Leitung.
staff-error-no_user = Es gibt keinen Benutzer „{ $name }“.
staff-error-no_notice_sent = Für diesen Fall wurde noch kein Hinweis verschickt.
staff-error-not_referred_to_police = Dieser Fall wurde nicht an die Polizei weitergeleitet.
staff-error-bad_username = Ein Benutzername hat 1 bis 64 Zeichen: Kleinbuchstaben, Ziffern, „.“, „_“ oder „-“.
staff-error-password_too_short = Ein Passwort hat mindestens { $min } Zeichen.
staff-error-password_too_long = Ein Passwort hat höchstens { $max } Bytes.
staff-error-user_exists = Ein Benutzer „{ $name }“ existiert bereits.
staff-error-disable_yourself = Sie können Ihr eigenes Konto nicht deaktivieren; bitten Sie eine andere Administratorin oder einen anderen Administrator.
staff-error-disable_last_admin = Dies ist das letzte aktive Administratorkonto; aktivieren oder ergänzen Sie zuerst ein weiteres.
staff-error-bad_unit = Eine Polizeidienststelle hat 1 bis 40 Kleinbuchstaben, Ziffern, „-“ oder „_“, nicht „{ $unit }“.
staff-error-settings_changed = Die Einstellungen wurden inzwischen von jemand anderem geändert (jetzt Version { $version }); laden Sie die Seite neu.
staff-error-welfare_limit = Sie haben heute { $minutes } Minuten mit Bewertungen verbracht, mehr als die Grenze von { $cap }; eine Leitung kann die Grenze aufheben.
staff-error-forwards_unopened = Diese Hotline gibt Meldungen ungeöffnet weiter: hier bewertet niemand Inhalte.
staff-error-close_reason_needed = Geben Sie an, warum der Fall abgeschlossen wird.
staff-error-no_case_selected = Wählen Sie mindestens einen Fall aus.
staff-error-none_closed_as_spam = Kein Fall wurde als Spam abgeschlossen: { $cases } können in ihrem jetzigen Zustand nicht als Spam abgeschlossen werden.
staff-error-message_length = Eine Nachricht hat 1 bis { $max } Zeichen.
staff-error-no_registrable_domain = Diese Adresse hat keine registrierbare Domain (sie ist eine IP-Adresse oder ein Onion-Dienst).
staff-error-partner_reference_needed = Geben Sie das Aktenzeichen des Partners an (1 bis { $max } Zeichen).
staff-error-no_referral_by_hand = Dieser Fall wartet nicht auf eine Weiterleitung von Hand.
staff-error-no_referred_assessment = Die weiterleitende Hotline hat diesem Fall keine Bewertung beigefügt.
staff-error-referred_assessment_invalid = Die Bewertung der weiterleitenden Hotline entspricht nicht unseren Regeln; bewerten Sie den Fall selbst.
staff-error-forbidden = Ihre Rolle ({ $role }) erlaubt das nicht.
staff-error-blocklist_owner_needed = Nennen Sie den Internetanbieter oder Hersteller, für den das Sperrlisten-Token bestimmt ist.
staff-error-no_partner = Es gibt keinen Partner „{ $name }“.
staff-error-no_token = Es gibt kein gültiges Token mit dieser Nummer.
staff-error-police_step_unknown = „{ $step }“ ist kein Schritt der Polizei.
staff-error-police_note_too_long = Eine Anmerkung hat höchstens { $max } Zeichen.
staff-error-police_reference_needed = Geben Sie das Aktenzeichen der Polizei an (1 bis { $max } Zeichen).
staff-error-police_decline_reason_needed = Geben Sie an, warum die Polizei abgelehnt hat.
staff-error-police_country_needed = Nennen Sie das Land, an das weitergegeben wurde (den Ländercode aus zwei Buchstaben, z. B. NL).
staff-error-police_step_not_referred = Die Polizei vermerkt Schritte zu einem Fall, der an sie weitergeleitet wurde; dieser Fall ist „{ $state }“.
staff-error-police_no_hold = Es gibt keine laufende Zurückstellung, die aufgehoben werden könnte.
staff-error-police_order_not_requested = Eine Anordnung kann erst zugestellt werden, nachdem sie beantragt wurde: vermerken Sie zuerst „Anordnung beantragt“.
staff-error-close_already_closed = Der Fall ist bereits abgeschlossen.
staff-error-close_by_rule = „{ $reason }“ wird von der Regel vermerkt, die darüber entscheidet (eine Antwort der Polizei oder des Partners), nicht von Hand gewählt.
staff-error-close_needs_assessment = Ein Abschluss als „{ $reason }“ braucht eine Bewertung mit dem Ergebnis „{ $classification }“; vermerken Sie stattdessen diese Bewertung.
staff-error-close_needs_removal = Ein Abschluss als entfernt setzt voraus, dass die Entfernung zuerst bestätigt wurde.
staff-assess-problem-missing = Dieses Feld ist erforderlich.
staff-assess-problem-not-one-of = „{ $given }“ ist keine der Auswahlmöglichkeiten.
staff-assess-problem-too-long = Höchstens { $max } Zeichen.
staff-assess-problem-not-applicable = Nur für illegale Inhalte; lassen Sie das Feld leer.
staff-assess-problem-reason-not-applicable = Nur für Inhalte, die nicht illegal oder nicht verfügbar sind; lassen Sie das Feld leer.
staff-assess-problem-none-with-others = „Keine“ kann nicht mit einer Zahlungsart kombiniert werden.
staff-error-unopened_needs_police_takedown = Das Verfahren „ungeöffnet weitergeben“ setzt voraus, dass die Polizei die Meldungen an Hoster schickt: stellen Sie zuerst „Wer Meldungen an Hoster in diesem Land schickt“ auf die Polizei.
staff-error-bad_procedure = Wählen Sie eines der angebotenen Verfahren, nicht „{ $given }“.
staff-error-number_too_large = Darf höchstens { $max } sein.
staff-error-required = Dieses Feld ist erforderlich.
staff-error-not_a_number = Muss eine ganze Zahl sein, nicht „{ $given }“.
staff-error-country_unassigned = „{ $given }“ ist kein vergebener Ländercode.
staff-error-country_format = Muss ein Ländercode aus zwei Buchstaben wie BE sein, nicht „{ $given }“.
staff-error-bad_takedown_by = Wählen Sie die Polizei oder die Hotline, nicht „{ $given }“.
staff-error-objection_hours_range = Muss zwischen 1 und { $max } Stunden liegen.
staff-error-objection_hours_not_a_number = Muss eine ganze Zahl von Stunden zwischen 1 und { $max } sein, nicht „{ $given }“.
staff-error-retention_days = Muss eine Zahl von Tagen zwischen 1 und { $max } sein, oder 0 für unbegrenzt; nicht „{ $given }“.
staff-error-contact_longer_than_description = Kontaktdaten dürfen nicht länger aufbewahrt werden als die Beschreibung.
staff-error-audit_days_min = Das Prüfprotokoll wird mindestens { $min } Tage aufbewahrt, oder 0 für unbegrenzt.
staff-error-bad_role = Wählen Sie eine der angebotenen Rollen.
staff-error-passwords_differ = Die beiden Passwörter stimmen nicht überein.
staff-error-partner_name_needed = Geben Sie den Namen des Partners an, höchstens 100 Zeichen.
staff-error-partner_country = „{ $given }“ ist kein Ländercode wie NL.
staff-error-partner_countries_needed = Nennen Sie mindestens ein Land, das der Partner abdeckt, z. B. NL.
staff-error-partner_channel = Wählen Sie einen der angebotenen Wege, nicht „{ $given }“.
staff-error-partner_public_key_format = Muss 64 Hexadezimalzeichen haben (ein öffentlicher Ed25519-Schlüssel).
staff-error-partner_api_endpoint_needed = Ein Partner, der über seine API erreicht wird, braucht seine Basisadresse (https://…).
staff-error-partner_api_key_needed = Ein Partner, der über seine API erreicht wird, braucht seinen öffentlichen Ed25519-Schlüssel.
staff-error-partner_api_token_needed = Ein Partner, der über seine API erreicht wird, braucht das Token, das er uns ausgestellt hat.
staff-error-partner_email = „{ $given }“ ist keine E-Mail-Adresse (name@example.org).
staff-error-partner_encrypt_not_email = Nur für Partner, die per E-Mail erreicht werden.
staff-error-partner_encrypt_format = Muss ein öffentlicher age-Schlüssel sein (age1…, 62 Zeichen).
staff-error-login_refused = Benutzername, Passwort oder Code stimmen nicht.
staff-error-login_busy = Zu viele Anmeldungen gleichzeitig; versuchen Sie es in einigen Sekunden erneut.
staff-error-login_locked = Zu viele Fehlversuche: dieses Konto ist bis { $until } UTC gesperrt.
staff-error-search_as_number = Eine AS-Nummer ist eine ganze Zahl.
staff-error-search_case_number = Eine Fallnummer ist eine ganze Zahl.
staff-error-search_ip = Das ist keine IP-Adresse.
staff-error-search_country = Ein Land wird mit seinem Code aus zwei Buchstaben angegeben (NL, DE, …).
