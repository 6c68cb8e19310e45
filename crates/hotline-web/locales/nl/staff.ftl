### De medewerkerspagina's: voor analisten, supervisors en de politie.
### Kort en eenvoudig houden. Statusnamen, classificatiecodes en andere waarden
### uit de database worden getoond zoals ze zijn en worden hier niet vertaald.

## Elke medewerkerspagina

staff-site-name = Meldpunt – medewerkers
staff-brand = Meldpunt · medewerkers
staff-skip-to-content = Naar de inhoud
staff-nav-label = Medewerkers
staff-nav-queue = Wachtrij
staff-nav-welfare = Welzijn
staff-nav-audit = Auditlog
# Wie aangemeld is, bv. "ann (analyst)". De rol is een code en blijft zoals ze is.
staff-signed-in-as = { $username } ({ $role })
staff-sign-out = Afmelden
staff-filter = Filteren
staff-badge-urgent = dringend
staff-badge-review = tweede mening

## Gegevens van een dossier: kolommen in de wachtrij en de dossierpagina

staff-field-case = Dossier
staff-field-address = Adres
staff-field-host = Host
staff-field-state = Status
staff-field-reports = Meldingen
staff-field-received = Ontvangen
staff-field-assignee = Toegewezen aan

## Tabelkolommen op meerdere pagina's

staff-col-when = Wanneer
staff-col-by = Door
staff-col-kind = Soort
staff-col-what = Wat
staff-col-details = Details

## Aanmelden

staff-login-title = Aanmelden
staff-login-username = Gebruikersnaam
staff-login-password = Wachtwoord
staff-login-totp = Code uit uw authenticatie-app
staff-login-submit = Aanmelden

## Wachtrij

staff-queue-title = Wachtrij
# $limit is een aantal minuten, bv. "60 minuten".
staff-queue-welfare = Beoordelingstijd vandaag: { $minutes } van { $limit }.
staff-queue-welfare-lifted = Beoordelingstijd vandaag: { $minutes } van { $limit } (limiet opgeheven door een supervisor).
staff-queue-new-referrals = { $count ->
    [one] { $count } nieuwe doorverwijzing wacht op uw eenheid
   *[other] { $count } nieuwe doorverwijzingen wachten op uw eenheid
}
staff-minutes = { $count ->
    [one] { $count } minuut
   *[other] { $count } minuten
}
staff-queue-welfare-over = U hebt de limiet voor vandaag bereikt: geen nieuw beoordelingswerk tot een supervisor de limiet opheft. Neem een pauze.
staff-queue-take-next = Volgend dossier beoordelen
staff-queue-all-open = alle open
staff-queue-assignee-hint = iedereen; - voor niemand
staff-queue-older-than = Ouder dan (uren)
staff-queue-urgent-only = alleen dringende
staff-queue-review-asked = tweede mening gevraagd
staff-queue-caption = { $count ->
    [one] { $count } dossier op deze pagina
   *[other] { $count } dossiers op deze pagina
}
staff-queue-next-page = Volgende pagina

## Dossierpagina

staff-case-title = Dossier #{ $id }
# Voor het registreerbare domein, bv. "(domein example.com)".
staff-case-domain = domein
staff-case-nobody = niemand
staff-case-second-opinion = Tweede mening
staff-case-asked-by = gevraagd door { $name }
staff-case-police = Politie
staff-case-referred = Doorgegeven aan de politie
staff-case-next-steps = Volgende stappen
staff-case-start = Beoordeling starten
staff-case-reopen = Heropenen
staff-case-ask-second-opinion = Een supervisor om een tweede mening vragen
staff-case-confirm = Laatste beoordeling bevestigen
staff-case-assign-to = Toewijzen aan
staff-case-assign-hint = gebruikersnaam, of leeg
staff-case-reassign = Opnieuw toewijzen

# Knoppen die een dossier naar een andere status brengen.
staff-move-referred = Doorgeven aan de politie
staff-move-awaiting_removal = Wacht op verwijdering
# Van "removed" terug naar "awaiting removal".
staff-move-reappeared = Opnieuw opgedoken: wacht opnieuw op verwijdering
staff-move-removed = Verwijderd
staff-move-closed = Dossier afsluiten

# Het beoordelingsformulier. De opties zijn codes en blijven zoals ze zijn.
staff-assess-title = Beoordeling
staff-assess-classification = Classificatie
staff-assess-reason = Reden (als niet strafbaar of niet beschikbaar)
staff-assess-age_group = Leeftijdsgroep van het jongste slachtoffer
staff-assess-gender = Geslacht van de slachtoffers
staff-assess-media = Media
staff-assess-site_type = Soort site
staff-assess-commercial = Commercieel karakter
staff-assess-payment_methods = Betaalmiddelen (bij commerciële sites)
staff-assess-flags = Ook (bij illegale inhoud)
staff-assess-virtual = Virtueel (getekend, computergemaakt of door AI gemaakt)
staff-assess-child_modelling = Kindermodellen
staff-assess-user_generated = Door de gebruiker zelf gemaakt
staff-assess-statute = Wetsverwijzing (als strafbaar naar nationaal recht)
staff-assess-submit = Beoordeling registreren

# Eerdere beoordelingen. $age, $gender, $media en $site zijn codes.
staff-assessments-title = Beoordelingen
staff-assessment-details = leeftijdsgroep { $age }, { $gender }, { $media }, { $site }, { $commercial }
staff-assessment-reason = reden { $reason }
staff-iccam-title = Voor ICCAM
staff-iccam-hint = De beoordeling in de veldnamen en volgorde van ICCAM, om veld per veld over te nemen.
staff-referred-title = De beoordeling van de doorverwijzende hotline ({ $partner })
staff-referred-traced = Hun tracering, { $date }:
staff-referred-accept = Hun beoordeling overnemen

# De meldingen bij een dossier. $channel, $where en $language zijn codes.
staff-case-reports = Meldingen ({ $count })
staff-report-received = Ontvangen op { $date }
staff-report-origin = Kanaal { $channel }, vindplaats { $where }, taal { $language }.
# Gevolgd door het adres zoals de melder het heeft ingetypt.
staff-report-as-typed = Zoals ingetypt:
staff-report-contact-name = Naam van de melder: { $name }
staff-report-contact-email = E-mail van de melder: { $email }
staff-report-police-may-contact = De melder gaat akkoord met contact door de politie.
staff-message-label = Bericht aan deze melder (verschijnt op de statuspagina van de melder)
staff-message-submit = Bericht versturen

staff-timeline-title = Tijdlijn

## Welzijn

staff-welfare-title = Welzijn
staff-welfare-heading = Beoordelingstijd vandaag ({ $day })
staff-welfare-intro = De daglimiet is { $limit ->
        [one] { $limit } minuut
       *[other] { $limit } minuten
    }. Daarboven krijgt een analist uit de wachtrij geen beoordelingswerk meer tot een supervisor de limiet voor die dag opheft.
staff-welfare-analyst = Analist
staff-welfare-minutes = Minuten
staff-welfare-limit = Limiet
staff-welfare-lifted = opgeheven
staff-welfare-lift = Opheffen voor vandaag

## Auditlog

staff-audit-title = Auditlog
staff-audit-actor = Wie
staff-audit-action = Handeling
staff-audit-object = Object
staff-audit-action-example = bv. login.failed
staff-audit-object-example = bv. case:12
staff-audit-when = Wanneer (UTC)
staff-audit-older = Oudere gebeurtenissen

## Trace
staff-trace-title = Waar het gehost wordt
staff-trace-none = Nog niet getraceerd.
staff-trace-age = Getraceerd op { $when }
staff-trace-untraceable = Niet te traceren: { $why }
staff-untraceable-onion = een onion-dienst: de locatie is bewust verborgen en niet te traceren
staff-untraceable-no_address = de naam heeft geen adres
staff-untraceable-no_such_name = de naam bestaat niet
staff-trace-ip = Adres
staff-trace-asn = Netwerk (AS)
staff-trace-country = Land
staff-trace-cdn = CDN of proxy
staff-trace-abuse = Misbruikcontact
staff-contact-source-network = uit het RDAP-record van het netwerk, { $record }
staff-contact-source-parent_network = uit het RDAP-record van een omvattend netwerk, { $record }
staff-contact-source-autnum = uit het RDAP-record van het AS van het netwerk, { $record }
staff-contact-source-registrar = uit het RDAP-record van de registrar, { $record }
staff-trace-cnames = Aliassen (CNAME)
staff-trace-registrar = Registrar
staff-trace-errors = Mislukte stappen
staff-trace-again = Opnieuw traceren
staff-jobs-title = Achtergrondtaken

## Routing and the police
staff-route-title = Waarom deze route
staff-police-title = Politie
staff-police-note = Opmerking (optioneel)
staff-police-acknowledged = Ontvangst bevestigd
staff-police-hold = Wachten: er loopt een onderzoek
staff-police-cleared = Vrijgegeven: de hostingprovider mag verwittigd worden
staff-police-order_requested = Bevel gevraagd
staff-police-order_served = Bevel betekend
staff-police-release = Opgeheven: er hoeft niet langer gewacht te worden
staff-police-declined = Geweigerd
staff-police-passed_abroad = Doorgegeven aan de politie in het buitenland
staff-police-preserve_evidence = Vroeg dat de host het bewijs bewaart
staff-police-hold-in-force = De politie vraagt te wachten: er gaat geen melding naar wie dan ook tot de politie dit opheft.
staff-police-hold-badge = wachten op politie
staff-police-file-number = politiedossier { $reference }
staff-police-step = Stap
staff-police-reference = Dossiernummer van de politie (bij “ontvangst bevestigd”)
staff-police-decline-reason = Reden (bij “geweigerd”)
staff-police-country = Landcode (bij “doorgegeven aan de politie in het buitenland”, bv. NL)
staff-police-record = Stap registreren
staff-decline-not_illegal = Niet illegaal
staff-decline-no_jurisdiction = Niet bevoegd
staff-decline-duplicate = Dubbel
staff-decline-other = Andere
staff-close-reason = Reden van afsluiten
staff-case-closed-reason = Afgesloten omdat
staff-close-not_illegal = Niet illegaal (volgens de beoordeling)
staff-close-unavailable = Niet beschikbaar (volgens de beoordeling)
staff-close-out_of_remit = Buiten onze opdracht (volgens de beoordeling)
staff-close-duplicate = Dubbel
staff-close-declined_by_police = Geweigerd door de politie
staff-close-not_illegal_for_partner = Niet illegaal voor het partnermeldpunt
staff-close-removed = Verwijderd
staff-close-spam = Spam
staff-close-other = Andere

## Notices and the host's answer
staff-notices-title = Kennisgevingen aan de hostingprovider
staff-host-title = Antwoord van de hostingprovider
staff-host-reason = Opgegeven reden (bij weigering)
staff-host-acknowledged = Ontvangst bevestigd
staff-host-removed = Verwijderd
staff-host-refused = Geweigerd

## Referral to a partner by hand
staff-partner-manual-title = Stuur dit manueel door naar { $partner }
staff-partner-reference = Hun referentie (bijvoorbeeld een ICCAM-referentie)
staff-partner-record = Doorverwijzing registreren

staff-checks-title = Nog online?
staff-checks-none = Nog niet gecontroleerd. Controles beginnen zodra de zaak op verwijdering wacht (DNS en een HTTP HEAD-verzoek; er wordt niets gedownload).
staff-checks-when = Wanneer
staff-checks-outcome = Resultaat
staff-checks-detail = Detail
staff-domain-dedicated = Het domein { $domain } is gemarkeerd als gewijd aan misbruikmateriaal: de DNS-blokkeerlijst noemt het in zijn geheel.
staff-domain-marked-by = Gemarkeerd door { $who }.
staff-domain-not-dedicated = Het domein { $domain } is niet gemarkeerd als gewijd: de blokkeerlijst noemt alleen dit adres.
staff-domain-mark = Markeer het hele domein als gewijd aan misbruikmateriaal
staff-domain-unmark = Verwijder de markering van het domein
## Statistieken en het verslag als betrouwbare melder
staff-nav-statistics = Statistieken
staff-statistics-title = Statistieken
staff-statistics-from = Van
staff-statistics-to = Tot en met
staff-statistics-show = Tonen
staff-statistics-scope = Dossiers geopend en meldingen ontvangen in de periode (UTC), gevolgd tot vandaag. Categorienamen worden getoond zoals ze opgeslagen zijn.
staff-statistics-csv = Downloaden als CSV
staff-statistics-annual-link = Jaarverslag als betrouwbare melder
staff-statistics-reports = Meldingen ontvangen
staff-statistics-cases = Dossiers geopend
staff-statistics-legs = Stappen van de tijdlijn
staff-statistics-percentile = Mediaan en p90 volgens de methode van de dichtstbijzijnde rang: elk is de tijd van een echt dossier, nooit een gemiddelde.
staff-statistics-legs-chart = Mediaan (donker) en p90 (licht) van elke stap, in uren
staff-statistics-leg = Stap
staff-statistics-count = Aantal
staff-statistics-median = Mediaan
staff-statistics-league = Reactietijden van providers: van kennisgeving tot verwijdering, snelste eerst
staff-statistics-league-chart = Mediaan (donker) en p90 (licht) van kennisgeving tot verwijdering per provider, in uren
staff-statistics-provider = Provider
staff-statistics-removals = Verwijderingen
staff-statistics-by-channel = Meldingen per kanaal
staff-statistics-by-classification = Dossiers per classificatie
staff-statistics-by-outcome = Dossiers per afloop
staff-statistics-by-site-type = Dossiers per soort site
staff-statistics-by-age-group = Dossiers per leeftijdsgroep
staff-statistics-by-country = Stappen per hostingland (mediaan / p90 (aantal))
staff-statistics-by-provider = Stappen per hostingprovider (mediaan / p90 (aantal))
staff-statistics-country = Land
staff-annual-title = Verslag als betrouwbare melder { $year } (DSA art. 22, lid 3)
staff-annual-year = Jaar
staff-annual-scope = Kennisgevingen verstuurd in het jaar (UTC), per provider, soort illegale inhoud en de maatregel van de provider, met de tijd van kennisgeving tot verwijdering.
staff-annual-notices = Kennisgevingen
staff-annual-time-to-removal = Tijd van kennisgeving tot verwijdering: mediaan
staff-annual-by-provider = Kennisgevingen per provider
staff-annual-by-content-type = Kennisgevingen per soort illegale inhoud
staff-annual-by-action = Kennisgevingen per genomen maatregel
staff-annual-detail = Per provider, soort inhoud en maatregel
staff-annual-content-type = Soort inhoud
staff-annual-action = Genomen maatregel
staff-case-legal-hold = Gerechtelijke bewaarplicht
staff-case-held = Volledig bewaard: de bewaartermijnen slaan dit dossier over
staff-case-hold = Onder bewaarplicht plaatsen
staff-case-release-hold = Bewaarplicht opheffen
staff-spam-select = Dossier #{ $id } selecteren
staff-spam-close = Geselecteerde dossiers sluiten als spam

## Beheerpagina's: instellingen zonder herstart, tokens, partners, het sjabloon van de melding

staff-nav-admin = Beheer
staff-admin-nav-label = Beheerpagina's
staff-admin-settings-title = Instellingen
staff-admin-template-title = Sjabloon van de melding
staff-admin-tokens-title = API-tokens
staff-admin-partners-title = Partners en politie
staff-admin-settings-intro = Deze instellingen gelden meteen, zonder herstart, op elke server. Een waarde die hier is ingesteld vervangt die van het configuratiebestand tot u die van het bestand terugzet.
staff-admin-saved = Opgeslagen. De nieuwe instellingen gelden nu.
staff-admin-not-saved = Er is niets opgeslagen. Verbeter:
staff-admin-procedure = Werkwijze
staff-admin-procedure-assess = assess: analisten beoordelen eerst elk dossier
staff-admin-procedure-forward = forward-unopened: elk adres gaat ongeopend naar de politie
# Waar een waarde vandaan komt, bv. "Hier ingesteld door ada op 2026-01-02 10:00 UTC".
staff-admin-set-by = Hier ingesteld door { $username } op { $when }
staff-admin-from-file = Uit het configuratiebestand
staff-admin-save = Opslaan
staff-admin-reset = De waarde van het configuratiebestand gebruiken
staff-admin-national = Nationale instellingen
staff-admin-country = Land (ISO 3166-1-code, bv. BE)
staff-admin-takedown-by = Wie stuurt meldingen naar hosts in dit land
staff-admin-takedown-police = de politie, na een bevel van een magistraat
staff-admin-takedown-hotline = het meldpunt, na akkoord van de politie of na de bezwaartermijn
staff-admin-objection-hours = Uren die de politie heeft om bezwaar te maken (1 tot 720)
staff-admin-retention = Bewaartermijnen
staff-admin-retention-intro = In dagen, van 1 tot 3650; 0 bewaart die gegevens voor altijd. De privacypagina vermeldt ze.
staff-admin-retention-contact = Contactgegevens van melders
staff-admin-retention-description = Wat melders schreven
staff-admin-retention-closed = Details van afgesloten dossiers
staff-admin-retention-history = Afgewerkte taken en vervangen traceringen
staff-admin-retention-audit = Auditgebeurtenissen
staff-admin-token-created = Het nieuwe token staat hieronder. Kopieer het nu: het wordt maar één keer getoond en enkel als hash bewaard.
staff-admin-token-new = Nieuw token
staff-admin-token-kind = Wat het token mag
staff-admin-token-kind-cases = cases: de API voor medewerkers, als gebruiker
staff-admin-token-kind-export = export: enkel de exports van dossiers, als gebruiker
staff-admin-token-kind-blocklist = blocklist: enkel de blokkeerlijst, voor een provider of leverancier
staff-admin-token-kind-partner = partner: doorverwijzingen van een partnermeldpunt naar ons
staff-admin-token-owner = Gebruiker, partner of provider
staff-admin-token-create = Token aanmaken
staff-admin-token-caption = { $count ->
    [one] { $count } token
   *[other] { $count } tokens
}
staff-admin-token-scope = Bereik
staff-admin-token-created-at = Aangemaakt
staff-admin-token-last-used = Laatst gebruikt
staff-admin-token-state = Toestand
staff-admin-token-revoked = Ingetrokken { $when }
staff-admin-token-revoke = Token { $id } intrekken
staff-admin-partner-key = De publieke ondertekeningssleutel van dit meldpunt, voor partners (zij controleren er onze doorverwijzingen mee):
staff-admin-partner-caption = { $count ->
    [one] { $count } partnermeldpunt
   *[other] { $count } partnermeldpunten
}
staff-admin-partner-name = Naam
staff-admin-partner-countries = Landen (bv. NL, LU)
staff-admin-partner-channel = Kanaal
staff-partner-channel-manual = met de hand (ICCAM, een portaal)
staff-partner-channel-email = e-mail
staff-partner-channel-api = API (ondertekende berichten)
staff-admin-partner-endpoint = Eindpunt (basis-URL voor api, adres voor email)
staff-admin-partner-public-key = Zijn publieke Ed25519-sleutel (64 hexadecimale tekens)
staff-admin-partner-encrypt-to = Zijn publieke age-sleutel, om doorverwijzingsmails te versleutelen (age1…)
staff-admin-partner-token = Het token dat hij ons gaf (leeg houdt het bewaarde)
staff-admin-partner-active = actief
staff-admin-partner-disabled = uitgeschakeld
staff-admin-partner-edit = { $name } wijzigen
staff-admin-partner-disable = { $name } uitschakelen
staff-admin-partner-enable = { $name } inschakelen
staff-admin-partner-form = Een partner toevoegen of wijzigen
staff-admin-police-heading = Politiecontacten
staff-admin-police-text = Dossiers worden doorverwezen naar de accounts van de verbindingsofficieren van de politie (rol police). Voeg ze toe, schakel ze uit of geef ze een nieuwe tweede factor op de accountpagina:
staff-admin-users-title = Accounts
staff-admin-user-caption = { $count ->
    [one] { $count } account
   *[other] { $count } accounts
}
staff-admin-user-name = Gebruikersnaam
staff-admin-user-role = Rol
staff-admin-user-second-factor = Tweede factor
staff-admin-user-2fa-used = ingesteld
staff-admin-user-2fa-waiting = nog niet gebruikt
staff-admin-user-reset = Nieuwe tweede factor voor { $name }
staff-admin-user-new = Nieuw account
staff-admin-user-password = Eerste wachtwoord (minstens 12 tekens)
staff-admin-user-password-again = Hetzelfde wachtwoord nog eens
staff-admin-user-add = Account toevoegen
staff-admin-user-created = Account { $name } aangemaakt.
staff-admin-user-reset-done = { $name } heeft een nieuwe tweede factor; de oude en de sessies werken niet meer.
staff-admin-user-uri-once = Geef dit nu aan de eigenaar voor de authenticator-app: het wordt maar één keer getoond.
staff-admin-template-builtin = Er is geen sjabloon ingesteld: meldingen gebruiken de ingebouwde teksten, in het Nederlands, Frans, Duits of Engels naar de taal van het land van de host (anders de standaardtaal van de site). Schrijf er hieronder een om ze te vervangen; het moet het adres, het wetsartikel, een verklaring te goeder trouw en het e-mailadres van het meldpunt geven (DSA art. 16, lid 2).
staff-admin-template-intro = Een minijinja-sjabloon: de eerste regel is het onderwerp, de tekst moet {"{{ address }}"} geven. Variabelen: { $variables }.
staff-admin-template-text = Sjabloon van de melding
staff-admin-template-preview = Voorbeeld
staff-admin-template-preview-heading = Voorbeeld
staff-admin-template-sample = Met verzonnen gegevens (een documentatieadres, geen echt dossier):
staff-admin-file-value = Het configuratiebestand zegt: { $value }

staff-nav-account = Mijn account
staff-account-title = Mijn account
staff-account-password = Mijn wachtwoord wijzigen
staff-account-current = Huidig wachtwoord
staff-account-new = Nieuw wachtwoord (12 tekens of meer)
staff-account-again = Nieuw wachtwoord nogmaals
staff-account-change = Mijn wachtwoord wijzigen
staff-account-others-end = Alle andere sessies van dit account worden beëindigd: meld u op andere apparaten opnieuw aan.
staff-account-changed = Uw wachtwoord is gewijzigd; { $ended } andere sessies zijn beëindigd.
staff-account-not-changed = Het wachtwoord is niet gewijzigd.
staff-account-mismatch = De twee nieuwe wachtwoorden zijn niet gelijk.
staff-account-wrong-current = Het huidige wachtwoord klopt niet.
staff-account-waiting = Te veel mislukte pogingen op dit account; probeer het later opnieuw.

# Answers from reporters.
staff-badge-new-answer = nieuw antwoord van de melder
staff-dialogue-title = Berichten met de melder
staff-dialogue-reporter = de melder schreef
staff-dialogue-hotline = wij schreven

# The supervisor's dashboard.
staff-nav-dashboard = Overzicht
staff-dashboard-title = Overzicht voor de supervisor
staff-dashboard-waiting = Wachtende dossiers, per stap
staff-dashboard-nothing-waiting = Geen open dossiers.
staff-dashboard-leg = Wacht op
staff-dashboard-cases = Dossiers
staff-dashboard-oldest = Langste wachttijd
staff-dashboard-age = { $days } d { $hours } u
staff-dashboard-leg-new = beoordeling (nieuw)
staff-dashboard-leg-in_assessment = de analist (in beoordeling)
staff-dashboard-leg-assessed = doorverwijzing (beoordeeld)
staff-dashboard-leg-referred = de politie of partner (doorverwezen)
staff-dashboard-leg-awaiting_removal = de host (wacht op verwijdering)
staff-dashboard-leg-removed = het einde van de controle (verwijderd)
staff-dashboard-leg-closed = niets (gesloten)
staff-dashboard-removal = Verwijderd binnen 3 dagen na de melding (INHOPE)
staff-dashboard-this-month = Deze maand
staff-dashboard-last-month = Vorige maand
staff-dashboard-share = { $percent } % ({ $removed } van { $noticed })
staff-dashboard-share-none = geen meldingen verstuurd
staff-dashboard-welfare = Beoordelingstijd vandaag
staff-dashboard-alerts = Waarschuwingen die niet vertrokken
staff-dashboard-alerts-none = Elke waarschuwing is vertrokken.
staff-dashboard-alerts-count = { $count ->
    [one] Eén waarschuwing is niet vertrokken.
   *[other] { $count } waarschuwingen zijn niet vertrokken.
}
staff-dashboard-alert-what = Waarschuwing
staff-dashboard-alert-state = Toestand
staff-dashboard-alert-attempts = Pogingen
staff-dashboard-alert-error = Laatste fout
staff-dashboard-alert-urgent = dringende melding aan de mensen van wacht
staff-dashboard-alert-police = nieuwe doorverwijzingen naar de politie
staff-dashboard-alert-reporter = nieuwsmail aan een melder
staff-dashboard-alert-given-up = opgegeven
staff-dashboard-alert-retrying = mislukt, wordt opnieuw geprobeerd

## Why this route (hotline_domain::routing::Route::code), one sentence per route and reason
staff-route-national_police = Gehost in dit land: doorverwezen naar de nationale politie, die een bevel van een magistraat verkrijgt en de hostingprovider contacteert.
staff-route-national_police_notice = Gehost in dit land: doorverwezen naar de nationale politie; het meldpunt stuurt de kennisgeving naar de hostingprovider zodra de politie die vrijgeeft, of na { $hours } uur zonder bezwaar.
staff-route-partner = Gehost in { $country }: doorverwezen naar het partnermeldpunt { $partner }.
staff-route-international_onion = Een onion-dienst, waarvan de locatie bewust verborgen is en niet te traceren valt: doorverwezen naar de nationale politie voor het internationale kanaal.
staff-route-international_untraceable = Niet te traceren (zie de hosting voor de reden): doorverwezen naar de nationale politie voor het internationale kanaal.
staff-route-international_country_unknown = Het land van de hosting is niet gekend: doorverwezen naar de nationale politie voor het internationale kanaal.
staff-route-international_hosted_in = Gehost in { $countries }, waar we geen partnermeldpunt hebben: doorverwezen naar de nationale politie voor het internationale kanaal.
staff-route-unopened_onion = Ongeopend doorgestuurd (een onion-dienst, niet te traceren): doorverwezen naar de nationale politie, die de inhoud beoordeelt en wat in het buitenland gehost wordt aan de politie daar doorgeeft; het meldpunt stuurt geen kennisgeving.
staff-route-unopened_untraceable = Ongeopend doorgestuurd (niet te traceren, zie de hosting voor de reden): doorverwezen naar de nationale politie, die de inhoud beoordeelt en wat in het buitenland gehost wordt aan de politie daar doorgeeft; het meldpunt stuurt geen kennisgeving.
staff-route-unopened_country_unknown = Ongeopend doorgestuurd (land van de hosting niet gekend): doorverwezen naar de nationale politie, die de inhoud beoordeelt en wat in het buitenland gehost wordt aan de politie daar doorgeeft; het meldpunt stuurt geen kennisgeving.
staff-route-unopened_hosted_in = Ongeopend doorgestuurd (gehost in { $countries }): doorverwezen naar de nationale politie, die de inhoud beoordeelt en wat in het buitenland gehost wordt aan de politie daar doorgeeft; het meldpunt stuurt geen kennisgeving.
staff-route-close_not_illegal = Beoordeeld als niet illegaal: het dossier wordt afgesloten.
staff-route-close_unavailable = De inhoud was verdwenen bij de beoordeling: het dossier wordt afgesloten.
staff-route-close_out_of_remit = Buiten de opdracht van dit meldpunt: het dossier wordt afgesloten.
staff-route-wait_awaiting_assessment = Wacht op een beoordeling.
staff-route-wait_awaiting_trace = Wacht op de tracering van waar het adres gehost wordt.

## Refusals built in Rust (hotline_domain::Refusal codes: staff-error- + code), and assessment problems
staff-error-no_case = Er is geen dossier met dit nummer.
staff-error-no_case_number = Er is geen dossier { $case }.
staff-error-illegal_move = Een dossier kan onder de procedure van dit meldpunt niet van “{ $from }” naar “{ $to }” gaan.
staff-error-move_not_offered = Een dossier kan hier niet van “{ $from }” naar “{ $to }” gaan.
staff-error-case_changed = Dossier { $case } werd tegelijk door iemand anders gewijzigd; laad de pagina opnieuw en probeer nog eens.
staff-error-duplicate_open_case = Een ander open dossier (#{ $case }) heeft dit adres al.
staff-error-refused = De handeling werd geweigerd.
staff-error-report_not_of_case = Die melding hoort niet bij dit dossier.
staff-error-nothing_to_review = Het dossier heeft nog geen beoordeling om na te kijken.
staff-error-not_an_assignee = “{ $name }” is geen actieve analist of supervisor.
staff-error-no_user = Er is geen gebruiker “{ $name }”.
staff-error-no_notice_sent = Voor dit dossier is nog geen kennisgeving verstuurd.
staff-error-not_referred_to_police = Dit dossier werd niet naar de politie doorverwezen.
staff-error-bad_username = Een gebruikersnaam telt 1 tot 64 tekens: kleine letters, cijfers, “.”, “_” of “-”.
staff-error-password_too_short = Een wachtwoord telt minstens { $min } tekens.
staff-error-password_too_long = Een wachtwoord telt hoogstens { $max } bytes.
staff-error-user_exists = Er bestaat al een gebruiker “{ $name }”.
staff-error-disable_yourself = U kunt uw eigen account niet uitschakelen; vraag het aan een andere beheerder.
staff-error-disable_last_admin = Dit is de laatste actieve beheerdersaccount; schakel eerst een andere beheerder in of voeg er een toe.
staff-error-bad_unit = Een politie-eenheid telt 1 tot 40 kleine letters, cijfers, “-” of “_”, niet “{ $unit }”.
staff-error-settings_changed = De instellingen werden intussen door iemand anders gewijzigd (nu versie { $version }); laad de pagina opnieuw.
staff-error-welfare_limit = U hebt vandaag { $minutes } minuten aan beoordelingen besteed, meer dan de grens van { $cap }; een supervisor kan de grens opheffen.
staff-error-forwards_unopened = Dit meldpunt stuurt meldingen ongeopend door: hier beoordeelt niemand inhoud.
staff-error-close_reason_needed = Zeg waarom het dossier wordt afgesloten.
staff-error-no_case_selected = Kies minstens één dossier.
staff-error-none_closed_as_spam = Geen enkel dossier werd als spam afgesloten: { $cases } kunnen in hun huidige toestand niet als spam worden afgesloten.
staff-error-message_length = Een bericht telt 1 tot { $max } tekens.
staff-error-no_registrable_domain = Dit adres heeft geen registreerbaar domein (het is een IP-adres of een onion-dienst).
staff-error-partner_reference_needed = Geef het referentienummer van de partner (1 tot { $max } tekens).
staff-error-no_referral_by_hand = Dit dossier wacht niet op een doorverwijzing met de hand.
staff-error-no_referred_assessment = Het doorverwijzende meldpunt stuurde geen beoordeling mee met dit dossier.
staff-error-referred_assessment_invalid = De beoordeling van het doorverwijzende meldpunt voldoet niet aan onze regels; beoordeel het dossier zelf.
staff-error-forbidden = Uw rol ({ $role }) laat dit niet toe.
staff-error-blocklist_owner_needed = Geef de internetprovider of leverancier voor wie het blokkeerlijsttoken bedoeld is.
staff-error-no_partner = Er is geen partner “{ $name }”.
staff-error-no_token = Er is geen geldig token met dit nummer.
staff-error-police_step_unknown = “{ $step }” is geen politiestap.
staff-error-police_note_too_long = Een opmerking telt hoogstens { $max } tekens.
staff-error-police_reference_needed = Geef het dossiernummer van de politie (1 tot { $max } tekens).
staff-error-police_decline_reason_needed = Zeg waarom de politie weigerde.
staff-error-police_country_needed = Geef het land waaraan het werd doorgegeven (de landcode van twee letters, bv. NL).
staff-error-police_step_not_referred = De politie registreert stappen voor een dossier dat naar haar werd doorverwezen; dit dossier staat op “{ $state }”.
staff-error-police_no_hold = Er loopt geen wachtopdracht die kan worden opgeheven.
staff-error-police_order_not_requested = Een bevel kan pas betekend worden nadat het gevraagd werd: registreer eerst “bevel gevraagd”.
staff-error-close_already_closed = Het dossier is al afgesloten.
staff-error-close_by_rule = “{ $reason }” wordt geregistreerd door de regel die erover beslist (een antwoord van de politie of de partner), niet met de hand gekozen.
staff-error-close_needs_assessment = Afsluiten als “{ $reason }” vraagt een beoordeling die tot “{ $classification }” besloot; registreer liever die beoordeling.
staff-error-close_needs_removal = Afsluiten als verwijderd kan pas nadat de verwijdering bevestigd werd.
staff-assess-problem-missing = Dit veld is verplicht.
staff-assess-problem-not-one-of = “{ $given }” is geen van de keuzes.
staff-assess-problem-too-long = Hoogstens { $max } tekens.
staff-assess-problem-not-applicable = Enkel voor illegale inhoud; laat dit leeg.
staff-assess-problem-reason-not-applicable = Enkel voor inhoud die niet illegaal of niet beschikbaar is; laat dit leeg.
staff-assess-problem-none-with-others = “Geen” kan niet samen met een betaalmiddel gekozen worden.
staff-error-unopened_needs_police_takedown = De procedure “ongeopend doorsturen” vraagt dat de politie de meldingen naar hosts stuurt: zet eerst “Wie stuurt meldingen naar hosts in dit land” op de politie.
staff-error-bad_procedure = Kies een van de aangeboden procedures, niet “{ $given }”.
staff-error-number_too_large = Mag hoogstens { $max } zijn.
staff-error-required = Dit veld is verplicht.
staff-error-not_a_number = Moet een geheel getal zijn, niet “{ $given }”.
staff-error-country_unassigned = “{ $given }” is geen toegekende landcode.
staff-error-country_format = Moet een landcode van twee letters zijn, zoals BE, niet “{ $given }”.
staff-error-bad_takedown_by = Kies de politie of het meldpunt, niet “{ $given }”.
staff-error-objection_hours_range = Moet tussen 1 en { $max } uur liggen.
staff-error-objection_hours_not_a_number = Moet een geheel aantal uren tussen 1 en { $max } zijn, niet “{ $given }”.
staff-error-retention_days = Moet een aantal dagen van 1 tot { $max } zijn, of 0 om voor altijd te bewaren; niet “{ $given }”.
staff-error-contact_longer_than_description = Contactgegevens mogen niet langer bewaard worden dan de beschrijving.
staff-error-audit_days_min = Het auditlogboek wordt minstens { $min } dagen bewaard, of 0 voor altijd.
staff-error-bad_role = Kies een van de aangeboden rollen.
staff-error-passwords_differ = De twee wachtwoorden verschillen.
staff-error-partner_name_needed = Geef de naam van de partner, hoogstens 100 tekens.
staff-error-partner_country = “{ $given }” is geen landcode zoals NL.
staff-error-partner_countries_needed = Geef minstens één land dat de partner dekt, bv. NL.
staff-error-partner_channel = Kies een van de aangeboden kanalen, niet “{ $given }”.
staff-error-partner_public_key_format = Moet 64 hexadecimale tekens tellen (een publieke Ed25519-sleutel).
staff-error-partner_api_endpoint_needed = Een partner die via zijn API bereikt wordt, heeft zijn basisadres nodig (https://…).
staff-error-partner_api_key_needed = Een partner die via zijn API bereikt wordt, heeft zijn publieke Ed25519-sleutel nodig.
staff-error-partner_api_token_needed = Een partner die via zijn API bereikt wordt, heeft het token nodig dat hij ons gaf.
staff-error-partner_email = “{ $given }” is geen e-mailadres (naam@example.org).
staff-error-partner_encrypt_not_email = Enkel voor partners die per e-mail bereikt worden.
staff-error-partner_encrypt_format = Moet een publieke age-sleutel zijn (age1…, 62 tekens).
staff-error-login_refused = De gebruikersnaam, het wachtwoord of de code klopt niet.
staff-error-login_busy = Te veel aanmeldingen tegelijk; probeer het over enkele seconden opnieuw.
staff-error-login_locked = Te veel mislukte pogingen: deze account is vergrendeld tot { $until } UTC.
staff-error-search_as_number = Een AS-nummer is een geheel getal.
staff-error-search_case_number = Een dossiernummer is een geheel getal.
staff-error-search_ip = Dit is geen IP-adres.
staff-error-search_country = Een land wordt aangeduid met zijn code van twee letters (NL, DE, …).
