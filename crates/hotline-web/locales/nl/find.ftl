### The analysts' workbench: search, grouped views, bulk work, the case page's
### summary and related cases, and the staff's words for codes (states, legs, categories).

staff-label-other = overig ({ $code })
staff-nav-search = Zoeken
staff-state-new = Wacht op beoordeling
staff-state-in_assessment = In beoordeling
staff-state-assessed = Beoordeeld
staff-state-referred = Doorgestuurd
staff-state-awaiting_removal = Wacht op verwijdering
staff-state-removed = Verwijderd
staff-state-closed = Gesloten
staff-case-waits = Wacht op
staff-waits-new = een analist die het beoordeelt
staff-waits-in_assessment = de analist die het beoordeelt
staff-waits-assessed = een analist die het doorstuurt of sluit
staff-waits-referred = de politie of het partnermeldpunt waarnaar het is doorgestuurd
staff-waits-awaiting_removal = de hoster om het te verwijderen (controles volgen)
staff-waits-removed = niets: de monitoring let op terugkeer
staff-waits-closed = niets: de zaak is gesloten
staff-waits-police-hold = de politie: er geldt een blokkade, er gaat geen melding uit
staff-waits-host-changed = een analist: de hosting is vlak voor het versturen van de melding veranderd ({ $change }), dus ze is niet verstuurd; controleer de nieuwe hosting, daarna stuurt “Opnieuw traceren” de melding naar de host die dan gevonden wordt
staff-class-baseline = Overal illegaal (baseline)
staff-class-national = Illegaal naar nationaal recht
staff-class-not_illegal = Niet illegaal
staff-class-unavailable = Niet beschikbaar
staff-class-out_of_remit = Buiten ons mandaat
staff-age-infant = Zuigeling of peuter
staff-age-pre_pubescent = Prepuberaal
staff-age-pubescent = Puberaal
staff-age-not_determined = Leeftijdsgroep niet bepaald
staff-gender-female = Vrouwelijk
staff-gender-male = Mannelijk
staff-gender-both = Beide
staff-gender-not_determined = Geslacht niet bepaald
staff-media-image = Afbeeldingen
staff-media-video = Video
staff-media-text = Tekst
staff-media-link = Link
staff-media-container = Archief of container
staff-media-other = Andere media
staff-site-website = Website
staff-site-file_host = Bestandshost
staff-site-image_store = Beeldopslag
staff-site-image_board = Imageboard
staff-site-forum = Forum
staff-site-banner_site = Bannersite
staff-site-link_site = Linksite
staff-site-social_network = Sociaal netwerk
staff-site-redirector = Doorverwijzer
staff-site-web_archive = Webarchief
staff-site-search_provider = Zoekdienst
staff-site-image_host = Beeldhost
staff-site-blog = Blog
staff-site-not_applicable = Niet van toepassing
staff-commercial-commercial = Commercieel
staff-commercial-non_commercial = Niet commercieel
staff-commercial-not_determined = Commercieel karakter niet bepaald
staff-payment-amex = American Express
staff-payment-diners = Diners Club
staff-payment-mastercard = Mastercard
staff-payment-paypal = PayPal
staff-payment-visa = Visa
staff-payment-western_union = Western Union
staff-payment-bitcoin = Bitcoin
staff-payment-sms = Sms
staff-payment-email = E-mail
staff-payment-other = Andere betaling
staff-payment-none = Geen betaling
staff-reason-adult_pornography = Pornografie met volwassenen
staff-reason-nudism_or_not_sexualised = Naturisme, of niet geseksualiseerd
staff-reason-below_threshold = Onder de drempel van strafbaarheid
staff-reason-virtual_material = Virtueel materiaal
staff-reason-age_unclear = Leeftijd onduidelijk of niet te beoordelen
staff-reason-age_over_national_threshold = Leeftijd boven de nationale grens
staff-reason-linking_not_illegal = Links of linklijsten, niet strafbaar
staff-reason-content_not_found = Inhoud niet gevonden
staff-reason-password_protected = Met wachtwoord beveiligd
staff-reason-account_disabled = Account uitgeschakeld
staff-reason-link_expired = Link verlopen
staff-reason-not_found_or_site_down = Niet gevonden (404) of site offline
staff-reason-temporarily_unavailable = Tijdelijk niet beschikbaar (503)
staff-reason-removed_before_assessment = Verwijderd voor de beoordeling
staff-reason-unable_to_access = Niet toegankelijk
staff-reason-other = Andere reden
staff-leg-received = Ontvangen
staff-leg-received_to_assessed = Ontvangen tot beoordeeld
staff-leg-received_to_referred = Ontvangen tot doorverwezen
staff-leg-received_to_notice_sent = Ontvangen tot kennisgeving verstuurd
staff-leg-notice_sent_to_removed = Kennisgeving verstuurd tot verwijderd
staff-leg-received_to_removed = Ontvangen tot verwijderd
staff-leg-traced = Getraceerd
staff-leg-assessment_started = Beoordeling begonnen
staff-leg-assessed = Beoordeeld
staff-leg-reviewed = Nagekeken
staff-leg-second_opinion_requested = Tweede mening gevraagd
staff-leg-reassigned = Opnieuw toegewezen
staff-leg-escalated = Geëscaleerd
staff-leg-referral_to_partner_queued = Doorverwijzing naar partnermeldpunt klaargezet
staff-leg-referred_partner = Doorgestuurd naar partnermeldpunt
staff-leg-referral_uncertain = Doorverwijzing onzeker
staff-leg-referred_police = Doorgestuurd naar de politie
staff-leg-received_from_partner = Ontvangen van partnermeldpunt
staff-leg-host_answered = De host antwoordde
staff-leg-reporter_answered = De melder antwoordde
staff-leg-partner_update = Bericht van het partnermeldpunt
staff-leg-notice_sent = Melding verstuurd
staff-leg-renotice_sent = Melding opnieuw verstuurd
staff-leg-escalation_sent = Escalatie verstuurd
staff-leg-notice_acknowledged = Hoster bevestigde de melding
staff-leg-notice_refused = Hoster weigerde
staff-leg-awaiting_removal = Wacht op verwijdering
staff-leg-removed = Verwijderd
staff-leg-removed_by_host = Verwijderd door de hoster
staff-leg-reappeared = Teruggekeerd
staff-leg-referred = Doorgestuurd
staff-leg-closed = Gesloten
staff-leg-closed_as_spam = Gesloten als spam
staff-leg-reopened = Heropend
staff-leg-legal_hold = Juridische bewaring
staff-leg-legal_hold_lifted = Juridische bewaring opgeheven
staff-leg-reporter_messaged = Bericht aan de melder
staff-leg-police_acknowledged = Politie bevestigde
staff-leg-police_hold = Politieblokkade
staff-leg-police_release = Politieblokkade opgeheven
staff-leg-cleared = Vrijgegeven door de politie
staff-leg-order_requested = Bevel aangevraagd
staff-leg-order_served = Bevel betekend
staff-leg-police_declined = Afgewezen door de politie
staff-leg-police_passed_abroad = Door de politie naar het buitenland doorgegeven
staff-leg-police_preserve_evidence = De politie vroeg het bewijs te bewaren
staff-leg-host_changed = Host veranderd vóór de melding
staff-search-title = Zaken zoeken
staff-search-what = Zoek naar
staff-search-by = In
staff-search-submit = Zoeken
staff-search-hint = Zonder veld is een getal een zaak, AS64500 een AS-nummer, een IP-adres een IP, twee hoofdletters een land, een naam een domein of host, en al het andere een stuk van een adres.
staff-search-open-group = Deze zaken samen behandelen (in één keer beoordelen of sluiten)
staff-search-nothing = Geen zaak gevonden voor { $what }.
staff-search-short-fragment = Minder dan { $min } tekens: alleen de nieuwste { $cases } zaken zijn doorzocht. Typ { $min } tekens of meer om alle zaken te doorzoeken.
staff-search-by-any = Elk veld
staff-search-by-address = Deel van het adres
staff-search-by-domain = Registreerbaar domein
staff-search-by-host = Host
staff-search-by-ip = IP-adres
staff-search-by-asn = AS-nummer
staff-search-by-country = Land van hosting
staff-search-by-case = Zaaknummer
staff-search-by-partner = Referentie van partner
staff-search-by-police = Dossiernummer politie
staff-field-country = Gehost in
staff-country-unknown = nog onbekend
staff-waiting-hours = { $count ->
    [one] wacht { $count } uur
   *[other] wacht { $count } uur
}
staff-waiting-days = { $count ->
    [one] wacht { $count } dag
   *[other] wacht { $count } dagen
}
staff-views-label = Weergaven van de wachtrij
staff-views-queue = Per zaak
staff-views-report = Per melding
staff-views-domain = Per domein
staff-views-host = Per host
staff-views-search = Zoeken
staff-groups-report-title = Open zaken per melding
staff-groups-domain-title = Open zaken per registreerbaar domein
staff-groups-host-title = Open zaken per host
staff-groups-report-col = Melding
staff-groups-domain-col = Registreerbaar domein
staff-groups-host-col = Host
staff-groups-open = Open zaken
staff-groups-oldest = Oudste open zaak
staff-groups-none = Er staat niets open.
staff-groups-caption = { $count ->
    [one] { $count } groep
   *[other] { $count } groepen
}
staff-group-report-name = Melding van { $date }
staff-group-report-detail = { $addresses } adressen, { $waiting } wachten op beoordeling
staff-group-host-title = Open zaken van host { $host }
staff-group-domain-title = Open zaken van domein { $domain }
staff-group-report-title = { $count ->
    [one] Een melding van { $count } adres
   *[other] Een melding van { $count } adressen
}
staff-group-caption = { $count ->
    [one] { $count } zaak; elke open zaak is aangevinkt
   *[other] { $count } zaken; elke open zaak is aangevinkt
}
staff-group-select = Gekozen
staff-group-select-case = Zaak { $id } kiezen
staff-bulk-assess-legend = Eén beoordeling voor elke gekozen zaak
staff-bulk-assess-submit = Deze beoordeling vastleggen voor de gekozen zaken
staff-bulk-close-legend = Elke gekozen zaak sluiten
staff-bulk-close-submit = De gekozen zaken sluiten
staff-bulk-assessed = { $count ->
    [one] { $count } zaak beoordeeld
   *[other] { $count } zaken beoordeeld
}
staff-bulk-closed = { $count ->
    [one] { $count } zaak gesloten
   *[other] { $count } zaken gesloten
}
staff-bulk-skipped = { $count ->
    [one] { $count } zaak overgeslagen
   *[other] { $count } zaken overgeslagen
}
staff-bulk-why = Waarom
staff-bulk-back = Terug naar de weergave
staff-bulk-skip-internal = Een interne fout hield het tegen; probeer deze zaak apart.
staff-bulk-skip-refused = Geweigerd: { $why }
staff-bulk-skip-missing = Deze zaak bestaat niet.
staff-bulk-skip-state = De status laat geen beoordeling toe: { $state }.
staff-bulk-skip-closed = Ze is al gesloten.
staff-work-title = Waar het staat en wat er wacht
staff-work-hosting = Hosting
staff-work-cdn = achter { $cdn }
staff-work-abuse = abuse-contact: { $contact }
staff-work-to-assessment = Naar het beoordelingsformulier
staff-case-back-to-view = Terug naar de lijst
staff-assess-submit-next = Vastleggen en volgende zaak openen
staff-related-title = Verwante zaken
staff-related-none = Geen andere zaak deelt dit domein, deze host of dit IP-adres.
staff-related-host = Zelfde host
staff-related-domain = Zelfde domein, andere hosts
staff-related-ip = Zelfde IP-adres
staff-domain-history = Domein { $domain }: nu { $open } open zaken; eerste zaak ontvangen op { $first }.
staff-check-online = Nog online
staff-check-gone = Weg
staff-check-error = Controle mislukt
staff-notice-state-pending = wacht op verzending
staff-notice-state-sending = wordt verstuurd
staff-notice-state-sent = verstuurd
staff-notice-state-uncertain = aflevering onzeker
staff-assessment-kind-assessment = Beoordeling
staff-assessment-kind-review = Nakijken
staff-channel-web = webformulier
staff-channel-api = API
staff-channel-partner = partnermeldpunt
staff-channel-import = geïmporteerd bestand
staff-language-nl = Nederlands
staff-language-fr = Frans
staff-language-de = Duits
staff-language-en = Engels
staff-job-trace = Tracering
staff-job-check = Controle
staff-job-notice = Melding aan de hoster
staff-job-refer_partner = Doorverwijzing naar partnermeldpunt
staff-job-partner_update = Bericht voor het partnermeldpunt
staff-job-police_notify = Bericht aan de politie
staff-job-urgent_alert = Dringende waarschuwing
staff-job-retention = Bewaartermijn
staff-job-state-queued = in de wachtrij
staff-job-state-running = bezig
staff-job-state-done = klaar
staff-job-state-dead = opgegeven
