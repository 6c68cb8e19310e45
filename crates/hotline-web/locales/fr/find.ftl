### The analysts' workbench: search, grouped views, bulk work, the case page's
### summary and related cases, and the staff's words for codes (states, legs, categories).

staff-label-other = autre ({ $code })
staff-nav-search = Recherche
staff-state-new = En attente d’évaluation
staff-state-in_assessment = En cours d’évaluation
staff-state-assessed = Évalué
staff-state-referred = Transmis
staff-state-awaiting_removal = En attente de retrait
staff-state-removed = Retiré
staff-state-closed = Clôturé
staff-case-waits = En attente de
staff-waits-new = l’évaluation par un analyste
staff-waits-in_assessment = l’analyste qui l’évalue
staff-waits-assessed = un analyste qui le transmet ou le clôture
staff-waits-referred = la police ou la hotline partenaire à qui il a été transmis
staff-waits-awaiting_removal = l’hébergeur, qui doit le retirer (des vérifications suivent)
staff-waits-removed = rien : la surveillance guette son retour
staff-waits-closed = rien : le dossier est clôturé
staff-waits-police-hold = la police : un gel est en vigueur, aucune notification ne part
staff-waits-host-changed = un analyste : l’hébergement a changé juste avant l’envoi de la notification ({ $change }), elle n’est donc pas partie ; vérifiez le nouvel hébergement, puis « Localiser à nouveau » envoie la notification à l’hébergeur trouvé alors
staff-class-baseline = Illégal partout (baseline)
staff-class-national = Illégal selon le droit national
staff-class-not_illegal = Pas illégal
staff-class-unavailable = Indisponible
staff-class-out_of_remit = Hors de notre mission
staff-age-infant = Nourrisson ou petit enfant
staff-age-pre_pubescent = Prépubère
staff-age-pubescent = Pubère
staff-age-not_determined = Tranche d’âge non déterminée
staff-gender-female = Féminin
staff-gender-male = Masculin
staff-gender-both = Les deux
staff-gender-not_determined = Genre non déterminé
staff-media-image = Images
staff-media-video = Vidéo
staff-media-text = Texte
staff-media-link = Lien
staff-media-container = Archive ou conteneur
staff-media-other = Autres médias
staff-site-website = Site web
staff-site-file_host = Hébergeur de fichiers
staff-site-image_store = Banque d’images
staff-site-image_board = Forum d’images
staff-site-forum = Forum
staff-site-banner_site = Site de bannières
staff-site-link_site = Site de liens
staff-site-social_network = Réseau social
staff-site-redirector = Redirecteur
staff-site-web_archive = Archive du web
staff-site-search_provider = Moteur de recherche
staff-site-image_host = Hébergeur d’images
staff-site-blog = Blog
staff-site-not_applicable = Sans objet
staff-commercial-commercial = Commercial
staff-commercial-non_commercial = Non commercial
staff-commercial-not_determined = Caractère commercial non déterminé
staff-payment-amex = American Express
staff-payment-diners = Diners Club
staff-payment-mastercard = Mastercard
staff-payment-paypal = PayPal
staff-payment-visa = Visa
staff-payment-western_union = Western Union
staff-payment-bitcoin = Bitcoin
staff-payment-sms = SMS
staff-payment-email = Courriel
staff-payment-other = Autre paiement
staff-payment-none = Aucun paiement
staff-reason-adult_pornography = Pornographie adulte
staff-reason-nudism_or_not_sexualised = Naturisme, ou non sexualisé
staff-reason-below_threshold = Sous le seuil d’illégalité
staff-reason-virtual_material = Matériel virtuel
staff-reason-age_unclear = Âge incertain ou impossible à évaluer
staff-reason-age_over_national_threshold = Âge au-dessus du seuil national
staff-reason-linking_not_illegal = Liens ou listes de liens, non illégaux
staff-reason-content_not_found = Contenu introuvable
staff-reason-password_protected = Protégé par mot de passe
staff-reason-account_disabled = Compte désactivé
staff-reason-link_expired = Lien expiré
staff-reason-not_found_or_site_down = Introuvable (404) ou site hors ligne
staff-reason-temporarily_unavailable = Temporairement indisponible (503)
staff-reason-removed_before_assessment = Retiré avant l’évaluation
staff-reason-unable_to_access = Inaccessible
staff-reason-other = Autre raison
staff-leg-received = Reçu
staff-leg-received_to_assessed = De la réception à l’évaluation
staff-leg-received_to_referred = De la réception au renvoi
staff-leg-received_to_notice_sent = De la réception à l’envoi de la notification
staff-leg-notice_sent_to_removed = De la notification au retrait
staff-leg-received_to_removed = De la réception au retrait
staff-leg-traced = Localisé
staff-leg-assessment_started = Évaluation commencée
staff-leg-assessed = Évalué
staff-leg-reviewed = Révisé
staff-leg-second_opinion_requested = Deuxième avis demandé
staff-leg-reassigned = Réattribué
staff-leg-escalated = Escaladé
staff-leg-referral_to_partner_queued = Transmission à une hotline partenaire en file
staff-leg-referred_partner = Transmis à une hotline partenaire
staff-leg-referral_uncertain = Transmission incertaine
staff-leg-referred_police = Transmis à la police
staff-leg-received_from_partner = Reçu d’une hotline partenaire
staff-leg-host_answered = L’hébergeur a répondu
staff-leg-reporter_answered = Le signalant a répondu
staff-leg-partner_update = Nouvelles de la hotline partenaire
staff-leg-notice_sent = Notification envoyée
staff-leg-renotice_sent = Notification renvoyée
staff-leg-escalation_sent = Escalade envoyée
staff-leg-notice_acknowledged = L’hébergeur a accusé réception
staff-leg-notice_refused = L’hébergeur a refusé
staff-leg-awaiting_removal = En attente de retrait
staff-leg-removed = Retiré
staff-leg-removed_by_host = Retiré par l’hébergeur
staff-leg-reappeared = Réapparu
staff-leg-referred = Transmis
staff-leg-closed = Clôturé
staff-leg-closed_as_spam = Clôturé comme spam
staff-leg-reopened = Rouvert
staff-leg-legal_hold = Conservation légale
staff-leg-legal_hold_lifted = Conservation légale levée
staff-leg-reporter_messaged = Message à la personne signalante
staff-leg-police_acknowledged = La police a accusé réception
staff-leg-police_hold = Gel par la police
staff-leg-police_release = Gel de la police levé
staff-leg-cleared = Libéré par la police
staff-leg-order_requested = Injonction demandée
staff-leg-order_served = Injonction signifiée
staff-leg-police_declined = Refusé par la police
staff-leg-police_passed_abroad = Transmis à l’étranger par la police
staff-leg-police_preserve_evidence = La police a demandé de conserver les preuves
staff-leg-host_changed = Hébergeur changé avant la notification
staff-search-title = Rechercher des dossiers
staff-search-what = Rechercher
staff-search-by = Dans
staff-search-submit = Rechercher
staff-search-hint = Sans champ, un nombre est un dossier, AS64500 un numéro d’AS, une adresse IP une IP, deux majuscules un pays, un nom un domaine ou un hôte, le reste un morceau d’adresse.
staff-search-open-group = Traiter ces dossiers ensemble (les évaluer ou clôturer d’un coup)
staff-search-nothing = Aucun dossier trouvé pour { $what }.
staff-search-short-fragment = Moins de { $min } caractères : seuls les { $cases } dossiers les plus récents ont été parcourus. Tapez { $min } caractères ou plus pour chercher dans tous les dossiers.
staff-search-by-any = Tout champ
staff-search-by-address = Partie de l’adresse
staff-search-by-domain = Domaine enregistrable
staff-search-by-host = Hôte
staff-search-by-ip = Adresse IP
staff-search-by-asn = Numéro d’AS
staff-search-by-country = Pays d’hébergement
staff-search-by-case = Numéro de dossier
staff-search-by-partner = Référence du partenaire
staff-search-by-police = Numéro de dossier de police
staff-field-country = Hébergé en
staff-country-unknown = pas encore connu
staff-waiting-hours = { $count ->
    [one] attend depuis { $count } heure
   *[other] attend depuis { $count } heures
}
staff-waiting-days = { $count ->
    [one] attend depuis { $count } jour
   *[other] attend depuis { $count } jours
}
staff-views-label = Vues de la file
staff-views-queue = Un par un
staff-views-report = Par signalement
staff-views-domain = Par domaine
staff-views-host = Par hôte
staff-views-search = Recherche
staff-groups-report-title = Dossiers ouverts par signalement
staff-groups-domain-title = Dossiers ouverts par domaine enregistrable
staff-groups-host-title = Dossiers ouverts par hôte
staff-groups-report-col = Signalement
staff-groups-domain-col = Domaine enregistrable
staff-groups-host-col = Hôte
staff-groups-open = Dossiers ouverts
staff-groups-oldest = Plus ancien dossier ouvert
staff-groups-none = Rien n’est ouvert.
staff-groups-caption = { $count ->
    [one] { $count } groupe
   *[other] { $count } groupes
}
staff-group-report-name = Signalement du { $date }
staff-group-report-detail = { $addresses } adresses, { $waiting } en attente d’évaluation
staff-group-host-title = Dossiers ouverts de l’hôte { $host }
staff-group-domain-title = Dossiers ouverts du domaine { $domain }
staff-group-report-title = { $count ->
    [one] Un signalement de { $count } adresse
   *[other] Un signalement de { $count } adresses
}
staff-group-caption = { $count ->
    [one] { $count } dossier ; chaque dossier ouvert est coché
   *[other] { $count } dossiers ; chaque dossier ouvert est coché
}
staff-group-select = Choisi
staff-group-select-case = Choisir le dossier { $id }
staff-bulk-assess-legend = Une évaluation pour chaque dossier choisi
staff-bulk-assess-submit = Enregistrer cette évaluation pour les dossiers choisis
staff-bulk-close-legend = Clôturer chaque dossier choisi
staff-bulk-close-submit = Clôturer les dossiers choisis
staff-bulk-assessed = { $count ->
    [one] { $count } dossier évalué
   *[other] { $count } dossiers évalués
}
staff-bulk-closed = { $count ->
    [one] { $count } dossier clôturé
   *[other] { $count } dossiers clôturés
}
staff-bulk-skipped = { $count ->
    [one] { $count } dossier ignoré
   *[other] { $count } dossiers ignorés
}
staff-bulk-why = Pourquoi
staff-bulk-back = Retour à la vue
staff-bulk-skip-internal = Une erreur interne l’a empêché ; essayez ce dossier seul.
staff-bulk-skip-refused = Refusé : { $why }
staff-bulk-skip-missing = Ce dossier n’existe pas.
staff-bulk-skip-state = Son état ne permet pas d’évaluation : { $state }.
staff-bulk-skip-closed = Il est déjà clôturé.
staff-work-title = Où il se trouve et ce qui attend
staff-work-hosting = Hébergement
staff-work-cdn = derrière { $cdn }
staff-work-abuse = contact abus : { $contact }
staff-work-to-assessment = Aller au formulaire d’évaluation
staff-case-back-to-view = Retour à la liste
staff-assess-submit-next = Enregistrer et ouvrir le dossier suivant
staff-related-title = Dossiers liés
staff-related-none = Aucun autre dossier ne partage ce domaine, cet hôte ou cette adresse IP.
staff-related-host = Même hôte
staff-related-domain = Même domaine, autres hôtes
staff-related-ip = Même adresse IP
staff-domain-history = Domaine { $domain } : { $open } dossiers ouverts ; premier dossier reçu le { $first }.
staff-check-online = Toujours en ligne
staff-check-gone = Disparu
staff-check-error = Vérification échouée
staff-notice-state-pending = en attente d’envoi
staff-notice-state-sending = en cours d’envoi
staff-notice-state-sent = envoyée
staff-notice-state-uncertain = remise incertaine
staff-assessment-kind-assessment = Évaluation
staff-assessment-kind-review = Révision
staff-channel-web = formulaire web
staff-channel-api = API
staff-channel-partner = hotline partenaire
staff-channel-import = fichier importé
staff-language-nl = néerlandais
staff-language-fr = français
staff-language-de = allemand
staff-language-en = anglais
staff-job-trace = Localisation
staff-job-check = Vérification
staff-job-notice = Notification à l’hébergeur
staff-job-refer_partner = Transmission à une hotline partenaire
staff-job-partner_update = Nouvelles pour la hotline partenaire
staff-job-police_notify = Message à la police
staff-job-urgent_alert = Alerte urgente
staff-job-retention = Conservation
staff-job-state-queued = en file
staff-job-state-running = en cours
staff-job-state-done = terminé
staff-job-state-dead = abandonné
