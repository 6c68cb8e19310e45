### Les pages de l’équipe : pour les analystes, les superviseurs et la police.
### Rester bref et simple. Les noms d’état, codes de classification et autres valeurs
### issues de la base de données s’affichent tels quels et ne sont pas traduits ici.

## Toutes les pages de l’équipe

staff-site-name = Point de contact – équipe
staff-brand = Point de contact · équipe
staff-skip-to-content = Aller au contenu
staff-nav-label = Équipe
staff-nav-queue = File d’attente
staff-nav-welfare = Bien-être
staff-nav-audit = Journal d’audit
# Qui est connecté, p. ex. « ann (analyst) ». Le rôle est un code et reste tel quel.
staff-signed-in-as = { $username } ({ $role })
staff-sign-out = Se déconnecter
staff-filter = Filtrer
staff-badge-urgent = urgent
staff-badge-review = second avis

## Données d’un dossier : colonnes de la file d’attente et page du dossier

staff-field-case = Dossier
staff-field-address = Adresse
staff-field-host = Hôte
staff-field-state = État
staff-field-reports = Signalements
staff-field-received = Reçu le
staff-field-assignee = Attribué à

## Colonnes de tableau utilisées sur plusieurs pages

staff-col-when = Quand
staff-col-by = Par
staff-col-kind = Type
staff-col-what = Événement
staff-col-details = Détails

## Connexion

staff-login-title = Connexion
staff-login-username = Nom d’utilisateur
staff-login-password = Mot de passe
staff-login-totp = Code de votre application d’authentification
staff-login-submit = Se connecter

## File d’attente

staff-queue-title = File d’attente
# $limit est le message staff-minutes, p. ex. « 60 minutes ».
staff-queue-welfare = Temps d’évaluation aujourd’hui : { $minutes } sur { $limit }.
staff-queue-welfare-lifted = Temps d’évaluation aujourd’hui : { $minutes } sur { $limit } (limite levée par un superviseur).
staff-queue-new-referrals = { $count ->
    [one] { $count } nouveau signalement transmis attend votre unité
   *[other] { $count } nouveaux signalements transmis attendent votre unité
}
staff-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
staff-queue-welfare-over = Vous avez atteint la limite du jour : plus de nouvelle évaluation tant qu’un superviseur ne l’a pas levée. Faites une pause.
staff-queue-take-next = Prendre le dossier suivant à évaluer
staff-queue-all-open = tous les dossiers ouverts
staff-queue-assignee-hint = tous ; - pour personne
staff-queue-older-than = Plus ancien que (heures)
staff-queue-urgent-only = urgents uniquement
staff-queue-review-asked = second avis demandé
staff-queue-caption = { $count ->
    [one] { $count } dossier sur cette page
   *[other] { $count } dossiers sur cette page
}
staff-queue-next-page = Page suivante

## Page du dossier

staff-case-title = Dossier #{ $id }
# Avant le domaine enregistrable, p. ex. « (domaine example.com) ».
staff-case-domain = domaine
staff-case-nobody = personne
staff-case-second-opinion = Second avis
staff-case-asked-by = demandé par { $name }
staff-case-police = Police
staff-case-referred = Transmis à la police
staff-case-next-steps = Étapes suivantes
staff-case-start = Commencer l’évaluation
staff-case-reopen = Rouvrir
staff-case-ask-second-opinion = Demander un second avis à un superviseur
staff-case-confirm = Confirmer la dernière évaluation
staff-case-assign-to = Attribuer à
staff-case-assign-hint = nom d’utilisateur, ou vide
staff-case-reassign = Réattribuer

# Boutons qui font passer un dossier à un autre état.
staff-move-referred = Transmettre à la police
staff-move-awaiting_removal = En attente de retrait
# De « retiré » à nouveau vers « en attente de retrait ».
staff-move-reappeared = Réapparu : de nouveau en attente de retrait
staff-move-removed = Retiré
staff-move-closed = Clôturer le dossier

# Le formulaire d’évaluation. Les options sont des codes et restent telles quelles.
staff-assess-title = Évaluation
staff-assess-classification = Classification
staff-assess-reason = Motif (si non illégal ou indisponible)
staff-assess-age_group = Tranche d’âge de la plus jeune victime
staff-assess-gender = Sexe des victimes
staff-assess-media = Type de média
staff-assess-site_type = Type de site
staff-assess-commercial = Caractère commercial
staff-assess-payment_methods = Moyens de paiement (sites commerciaux)
staff-assess-flags = Aussi (contenu illégal)
staff-assess-virtual = Virtuel (dessiné, créé par ordinateur ou par IA)
staff-assess-child_modelling = Mannequinat d’enfants
staff-assess-user_generated = Produit par l’utilisateur (autoproduit)
staff-assess-statute = Référence légale (si illégal selon le droit national)
staff-assess-submit = Enregistrer l’évaluation

# Évaluations précédentes. $age, $gender, $media et $site sont des codes.
staff-assessments-title = Évaluations
staff-assessment-details = tranche d’âge { $age }, { $gender }, { $media }, { $site }, { $commercial }
staff-assessment-reason = motif { $reason }
staff-iccam-title = Pour ICCAM
staff-iccam-hint = L’évaluation avec les noms et l’ordre des champs d’ICCAM, à recopier champ par champ.
staff-referred-title = L’évaluation de la hotline qui a transmis ({ $partner })
staff-referred-traced = Leur traçage, { $date } :
staff-referred-accept = Reprendre leur évaluation

# Les signalements d’un dossier. $channel, $where et $language sont des codes.
staff-case-reports = Signalements ({ $count })
staff-report-received = Reçu le { $date }
staff-report-origin = Canal { $channel }, trouvé sur { $where }, langue { $language }.
# Suivi de l’adresse telle que l’auteur du signalement l’a saisie.
staff-report-as-typed = Telle que saisie :
staff-report-contact-name = Nom de contact : { $name }
staff-report-contact-email = E-mail de contact : { $email }
staff-report-police-may-contact = La personne a accepté d’être contactée par la police.
staff-message-label = Message à l’auteur du signalement (affiché sur sa page de suivi)
staff-message-submit = Envoyer le message

staff-timeline-title = Historique

## Bien-être

staff-welfare-title = Bien-être
staff-welfare-heading = Temps d’évaluation aujourd’hui ({ $day })
staff-welfare-intro = La limite quotidienne est de { $limit ->
        [one] { $limit } minute
       *[other] { $limit } minutes
    }. Au-delà, la file d’attente n’attribue plus aucune évaluation à l’analyste tant qu’un superviseur n’a pas levé la limite pour la journée.
staff-welfare-analyst = Analyste
staff-welfare-minutes = Minutes
staff-welfare-limit = Limite
staff-welfare-lifted = levée
staff-welfare-lift = Lever pour aujourd’hui

## Journal d’audit

staff-audit-title = Journal d’audit
staff-audit-actor = Qui
staff-audit-action = Action
staff-audit-object = Objet
staff-audit-action-example = p. ex. login.failed
staff-audit-object-example = p. ex. case:12
staff-audit-when = Quand (UTC)
staff-audit-older = Événements plus anciens

## Trace
staff-trace-title = Où le contenu est hébergé
staff-trace-none = Pas encore localisé.
staff-trace-age = Localisé le { $when }
staff-trace-untraceable = Impossible à localiser : { $why }
staff-untraceable-onion = un service onion : son emplacement est caché par conception et ne peut être localisé
staff-untraceable-no_address = le nom n’a pas d’adresse
staff-untraceable-no_such_name = le nom n’existe pas
staff-trace-ip = Adresse
staff-trace-asn = Réseau (AS)
staff-trace-country = Pays
staff-trace-cdn = CDN ou proxy
staff-trace-abuse = Contact abus
staff-contact-source-network = de la fiche RDAP du réseau, { $record }
staff-contact-source-parent_network = de la fiche RDAP d’un réseau englobant, { $record }
staff-contact-source-autnum = de la fiche RDAP de l’AS du réseau, { $record }
staff-contact-source-registrar = de la fiche RDAP du bureau d’enregistrement, { $record }
staff-trace-cnames = Alias (CNAME)
staff-trace-registrar = Bureau d’enregistrement
staff-trace-errors = Étapes en échec
staff-trace-again = Localiser à nouveau
staff-jobs-title = Tâches en arrière-plan

## Routing and the police
staff-route-title = Pourquoi cette voie
staff-police-title = Police
staff-police-note = Remarque (facultatif)
staff-police-acknowledged = Réception confirmée
staff-police-hold = En attente : une enquête est en cours
staff-police-cleared = Feu vert : l’hébergeur peut être averti
staff-police-order_requested = Ordonnance demandée
staff-police-order_served = Ordonnance signifiée
staff-police-release = Levée : l’attente est terminée
staff-police-declined = Refusé
staff-police-passed_abroad = Transmis à la police à l’étranger
staff-police-preserve_evidence = A demandé que l’hébergeur conserve les preuves
staff-police-hold-in-force = La police demande d’attendre : aucun avis ne part, vers personne, tant que la police ne lève pas l’attente.
staff-police-hold-badge = attente de la police
staff-police-file-number = dossier de police { $reference }
staff-police-step = Étape
staff-police-reference = Numéro de dossier de la police (pour « réception confirmée »)
staff-police-decline-reason = Motif (pour « refusé »)
staff-police-country = Code du pays (pour « transmis à la police à l’étranger », p. ex. NL)
staff-police-record = Enregistrer l’étape
staff-decline-not_illegal = Pas illégal
staff-decline-no_jurisdiction = Pas compétente
staff-decline-duplicate = Doublon
staff-decline-other = Autre
staff-close-reason = Motif de clôture
staff-case-closed-reason = Clôturé parce que
staff-close-not_illegal = Pas illégal (selon l’évaluation)
staff-close-unavailable = Indisponible (selon l’évaluation)
staff-close-out_of_remit = Hors de notre mission (selon l’évaluation)
staff-close-duplicate = Doublon
staff-close-declined_by_police = Refusé par la police
staff-close-not_illegal_for_partner = Pas illégal pour la hotline partenaire
staff-close-removed = Retiré
staff-close-spam = Spam
staff-close-other = Autre

## Notices and the host's answer
staff-notices-title = Notifications à l’hébergeur
staff-host-title = Réponse de l’hébergeur
staff-host-reason = Motif invoqué (en cas de refus)
staff-host-acknowledged = Réception confirmée
staff-host-removed = Retiré
staff-host-refused = Refusé

## Referral to a partner by hand
staff-partner-manual-title = Transmettre ceci manuellement à { $partner }
staff-partner-reference = Leur référence (par exemple une référence ICCAM)
staff-partner-record = Enregistrer la transmission

staff-checks-title = Toujours en ligne ?
staff-checks-none = Pas encore vérifié. Les vérifications commencent quand le dossier attend le retrait (DNS et une requête HTTP HEAD ; rien n'est téléchargé).
staff-checks-when = Quand
staff-checks-outcome = Résultat
staff-checks-detail = Détail
staff-domain-dedicated = Le domaine { $domain } est marqué comme consacré à du matériel d'abus : la liste de blocage DNS le nomme en entier.
staff-domain-marked-by = Marqué par { $who }.
staff-domain-not-dedicated = Le domaine { $domain } n'est pas marqué comme consacré : la liste de blocage ne nomme que cette adresse.
staff-domain-mark = Marquer tout le domaine comme consacré à du matériel d'abus
staff-domain-unmark = Retirer la marque du domaine
## Statistiques et rapport de signaleur de confiance
staff-nav-statistics = Statistiques
staff-statistics-title = Statistiques
staff-statistics-from = Du
staff-statistics-to = Au (inclus)
staff-statistics-show = Afficher
staff-statistics-scope = Dossiers ouverts et signalements reçus pendant la période (UTC), suivis jusqu’à aujourd’hui. Les noms de catégories sont affichés tels qu’enregistrés.
staff-statistics-csv = Télécharger en CSV
staff-statistics-annual-link = Rapport annuel de signaleur de confiance
staff-statistics-reports = Signalements reçus
staff-statistics-cases = Dossiers ouverts
staff-statistics-legs = Étapes de la chronologie
staff-statistics-percentile = Médiane et p90 par la méthode du rang le plus proche : chacune est le délai d’un dossier réel, jamais une moyenne.
staff-statistics-legs-chart = Médiane (foncé) et p90 (clair) de chaque étape, en heures
staff-statistics-leg = Étape
staff-statistics-count = Nombre
staff-statistics-median = Médiane
staff-statistics-league = Délais de réaction des fournisseurs : de la notification au retrait, les plus rapides d’abord
staff-statistics-league-chart = Médiane (foncé) et p90 (clair) de la notification au retrait par fournisseur, en heures
staff-statistics-provider = Fournisseur
staff-statistics-removals = Retraits
staff-statistics-by-channel = Signalements par voie
staff-statistics-by-classification = Dossiers par classification
staff-statistics-by-outcome = Dossiers par issue
staff-statistics-by-site-type = Dossiers par type de site
staff-statistics-by-age-group = Dossiers par tranche d’âge
staff-statistics-by-country = Étapes par pays d’hébergement (médiane / p90 (nombre))
staff-statistics-by-provider = Étapes par hébergeur (médiane / p90 (nombre))
staff-statistics-country = Pays
staff-annual-title = Rapport de signaleur de confiance { $year } (DSA art. 22, par. 3)
staff-annual-year = Année
staff-annual-scope = Notifications envoyées dans l’année (UTC), par fournisseur, type de contenu illicite et mesure prise par le fournisseur, avec le délai de la notification au retrait.
staff-annual-notices = Notifications
staff-annual-time-to-removal = Délai de la notification au retrait : médiane
staff-annual-by-provider = Notifications par fournisseur
staff-annual-by-content-type = Notifications par type de contenu illicite
staff-annual-by-action = Notifications par mesure prise
staff-annual-detail = Par fournisseur, type de contenu et mesure
staff-annual-content-type = Type de contenu
staff-annual-action = Mesure prise
staff-case-legal-hold = Conservation légale
staff-case-held = Gardé en entier : la purge des données ignore ce dossier
staff-case-hold = Placer sous conservation légale
staff-case-release-hold = Lever la conservation légale
staff-spam-select = Sélectionner le dossier #{ $id }
staff-spam-close = Clore les dossiers sélectionnés comme spam

## Pages d’administration : réglages sans redémarrage, jetons, partenaires, modèle de notification

staff-nav-admin = Administration
staff-admin-nav-label = Pages d’administration
staff-admin-settings-title = Réglages
staff-admin-template-title = Modèle de notification
staff-admin-tokens-title = Jetons d’API
staff-admin-partners-title = Partenaires et police
staff-admin-settings-intro = Ces réglages s’appliquent tout de suite, sans redémarrage, sur chaque serveur. Une valeur fixée ici remplace celle du fichier de configuration jusqu’à ce que vous remettiez celle du fichier.
staff-admin-saved = Enregistré. Les nouveaux réglages s’appliquent maintenant.
staff-admin-not-saved = Rien n’a été enregistré. Veuillez corriger :
staff-admin-procedure = Procédure
staff-admin-procedure-assess = assess : les analystes évaluent d’abord chaque dossier
staff-admin-procedure-forward = forward-unopened : chaque adresse part à la police sans être ouverte
# D’où vient une valeur, p. ex. « Fixé ici par ada le 2026-01-02 10:00 UTC ».
staff-admin-set-by = Fixé ici par { $username } le { $when }
staff-admin-from-file = Issu du fichier de configuration
staff-admin-save = Enregistrer
staff-admin-reset = Reprendre la valeur du fichier de configuration
staff-admin-national = Réglages nationaux
staff-admin-country = Pays (code ISO 3166-1, p. ex. BE)
staff-admin-takedown-by = Qui envoie les notifications aux hébergeurs de ce pays
staff-admin-takedown-police = la police, sur ordre d’un magistrat
staff-admin-takedown-hotline = le point de contact, après accord de la police ou le délai d’opposition
staff-admin-objection-hours = Heures dont dispose la police pour s’opposer (1 à 720)
staff-admin-retention = Durées de conservation
staff-admin-retention-intro = En jours, de 1 à 3650 ; 0 garde ces données pour toujours. La page de confidentialité les indique.
staff-admin-retention-contact = Coordonnées des signalants
staff-admin-retention-description = Ce que les signalants ont écrit
staff-admin-retention-closed = Détails des dossiers clos
staff-admin-retention-history = Tâches terminées et traçages remplacés
staff-admin-retention-audit = Événements d’audit
staff-admin-token-created = Le nouveau jeton est ci-dessous. Copiez-le maintenant : il n’est montré qu’une fois et n’est gardé que sous forme d’empreinte.
staff-admin-token-new = Nouveau jeton
staff-admin-token-kind = Ce que le jeton permet
staff-admin-token-kind-cases = cases : l’API de l’équipe, au nom d’un utilisateur
staff-admin-token-kind-export = export : seulement les exports de dossiers, au nom d’un utilisateur
staff-admin-token-kind-blocklist = blocklist : seulement la liste de blocage, pour un FAI ou un fournisseur
staff-admin-token-kind-partner = partner : les renvois d’un point de contact partenaire vers nous
staff-admin-token-owner = Utilisateur, partenaire ou FAI
staff-admin-token-create = Créer le jeton
staff-admin-token-caption = { $count ->
    [one] { $count } jeton
   *[other] { $count } jetons
}
staff-admin-token-scope = Portée
staff-admin-token-created-at = Créé le
staff-admin-token-last-used = Dernier usage
staff-admin-token-state = État
staff-admin-token-revoked = Révoqué le { $when }
staff-admin-token-revoke = Révoquer le jeton { $id }
staff-admin-partner-key = La clé publique de signature de ce point de contact, à donner aux partenaires (ils vérifient nos renvois avec elle) :
staff-admin-partner-caption = { $count ->
    [one] { $count } point de contact partenaire
   *[other] { $count } points de contact partenaires
}
staff-admin-partner-name = Nom
staff-admin-partner-countries = Pays (p. ex. NL, LU)
staff-admin-partner-channel = Canal
staff-partner-channel-manual = à la main (ICCAM, un portail)
staff-partner-channel-email = courriel
staff-partner-channel-api = API (messages signés)
staff-admin-partner-endpoint = Point d’accès (URL de base pour api, adresse pour email)
staff-admin-partner-public-key = Sa clé publique Ed25519 (64 caractères hexadécimaux)
staff-admin-partner-encrypt-to = Sa clé publique age, pour chiffrer les courriels de renvoi (age1…)
staff-admin-partner-token = Le jeton qu’il nous a remis (vide garde celui enregistré)
staff-admin-partner-active = actif
staff-admin-partner-disabled = désactivé
staff-admin-partner-edit = Modifier { $name }
staff-admin-partner-disable = Désactiver { $name }
staff-admin-partner-enable = Réactiver { $name }
staff-admin-partner-form = Ajouter ou modifier un partenaire
staff-admin-police-heading = Contacts police
staff-admin-police-text = Les dossiers sont renvoyés aux comptes des officiers de liaison de la police (rôle police). Ajoutez-les, désactivez-les ou renouvelez leur second facteur sur la page des comptes :
staff-admin-users-title = Comptes
staff-admin-user-caption = { $count ->
    [one] { $count } compte
   *[other] { $count } comptes
}
staff-admin-user-name = Nom d'utilisateur
staff-admin-user-role = Rôle
staff-admin-user-second-factor = Second facteur
staff-admin-user-2fa-used = configuré
staff-admin-user-2fa-waiting = pas encore utilisé
staff-admin-user-reset = Nouveau second facteur pour { $name }
staff-admin-user-new = Nouveau compte
staff-admin-user-password = Mot de passe initial (au moins 12 caractères)
staff-admin-user-password-again = Le même mot de passe, à nouveau
staff-admin-user-add = Ajouter le compte
staff-admin-user-created = Compte { $name } créé.
staff-admin-user-reset-done = { $name } a un nouveau second facteur ; l'ancien et ses sessions ne fonctionnent plus.
staff-admin-user-uri-once = Donnez ceci maintenant à son titulaire pour son application d'authentification : il n'est affiché qu'une seule fois.
staff-admin-template-builtin = Aucun modèle n’est défini : les notifications utilisent les textes intégrés, en néerlandais, français, allemand ou anglais selon la langue du pays de l’hébergeur (sinon la langue par défaut du site). Écrivez-en un ci-dessous pour les remplacer ; il doit donner l’adresse, la disposition légale, une déclaration de bonne foi et l’adresse e-mail du point de signalement (DSA art. 16, par. 2).
staff-admin-template-intro = Un modèle minijinja : la première ligne est l’objet, le corps doit donner {"{{ address }}"}. Variables : { $variables }.
staff-admin-template-text = Modèle de notification
staff-admin-template-preview = Aperçu
staff-admin-template-preview-heading = Aperçu
staff-admin-template-sample = Avec des données inventées (une adresse de documentation, pas un vrai dossier) :
staff-admin-file-value = Le fichier de configuration indique : { $value }

staff-nav-account = Mon compte
staff-account-title = Mon compte
staff-account-password = Changer mon mot de passe
staff-account-current = Mot de passe actuel
staff-account-new = Nouveau mot de passe (12 caractères ou plus)
staff-account-again = Nouveau mot de passe, encore une fois
staff-account-change = Changer mon mot de passe
staff-account-others-end = Toutes les autres sessions de ce compte prennent fin : reconnectez-vous sur les autres appareils.
staff-account-changed = Votre mot de passe a été changé ; { $ended } autres sessions ont pris fin.
staff-account-not-changed = Le mot de passe n’a pas été changé.
staff-account-mismatch = Les deux nouveaux mots de passe ne sont pas identiques.
staff-account-wrong-current = Le mot de passe actuel n’est pas correct.
staff-account-waiting = Trop de tentatives échouées sur ce compte ; réessayez plus tard.

# Answers from reporters.
staff-badge-new-answer = nouvelle réponse de la personne qui a signalé
staff-dialogue-title = Messages avec la personne qui a signalé
staff-dialogue-reporter = la personne a écrit
staff-dialogue-hotline = nous avons écrit

# The supervisor's dashboard.
staff-nav-dashboard = Tableau de bord
staff-dashboard-title = Tableau de bord de la supervision
staff-dashboard-waiting = Dossiers en attente, par étape
staff-dashboard-nothing-waiting = Aucun dossier ouvert.
staff-dashboard-leg = En attente de
staff-dashboard-cases = Dossiers
staff-dashboard-oldest = Attente la plus longue
staff-dashboard-age = { $days } j { $hours } h
staff-dashboard-leg-new = l’évaluation (nouveau)
staff-dashboard-leg-in_assessment = l’analyste (en évaluation)
staff-dashboard-leg-assessed = l’orientation (évalué)
staff-dashboard-leg-referred = la police ou le partenaire (transmis)
staff-dashboard-leg-awaiting_removal = l’hébergeur (retrait attendu)
staff-dashboard-leg-removed = la fin de la surveillance (retiré)
staff-dashboard-leg-closed = rien (clos)
staff-dashboard-removal = Retiré dans les 3 jours suivant la notification (INHOPE)
staff-dashboard-this-month = Ce mois-ci
staff-dashboard-last-month = Le mois dernier
staff-dashboard-share = { $percent } % ({ $removed } sur { $noticed })
staff-dashboard-share-none = aucune notification envoyée
staff-dashboard-welfare = Temps d’évaluation aujourd’hui
staff-dashboard-alerts = Alertes qui ne sont pas parties
staff-dashboard-alerts-none = Toutes les alertes sont parties.
staff-dashboard-alerts-count = { $count ->
    [one] Une alerte n’est pas partie.
   *[other] { $count } alertes ne sont pas parties.
}
staff-dashboard-alert-what = Alerte
staff-dashboard-alert-state = État
staff-dashboard-alert-attempts = Tentatives
staff-dashboard-alert-error = Dernière erreur
staff-dashboard-alert-urgent = signalement urgent aux personnes de garde
staff-dashboard-alert-police = nouvelles transmissions à la police
staff-dashboard-alert-reporter = courriel de nouvelles à une personne qui a signalé
staff-dashboard-alert-given-up = abandonnée
staff-dashboard-alert-retrying = en échec, réessayée

## Why this route (hotline_domain::routing::Route::code), one sentence per route and reason
staff-route-national_police = Hébergé dans ce pays : transmis à la police nationale, qui obtient une ordonnance d’un magistrat et contacte l’hébergeur.
staff-route-national_police_notice = Hébergé dans ce pays : transmis à la police nationale ; la hotline envoie la notification à l’hébergeur dès que la police donne son feu vert, ou après { $hours } heures sans objection.
staff-route-partner = Pays d’hébergement : { $country } ; transmis à la hotline partenaire { $partner }.
staff-route-international_onion = Un service onion, dont l’emplacement est caché par conception et ne peut être localisé : transmis à la police nationale pour le canal international.
staff-route-international_untraceable = Impossible à localiser (voir l’hébergement pour le motif) : transmis à la police nationale pour le canal international.
staff-route-international_country_unknown = Le pays d’hébergement est inconnu : transmis à la police nationale pour le canal international.
staff-route-international_hosted_in = Pays d’hébergement : { $countries }, sans hotline partenaire sur place ; transmis à la police nationale pour le canal international.
staff-route-unopened_onion = Transmis sans ouverture (un service onion, impossible à localiser) : transmis à la police nationale, qui évalue le contenu et passe ce qui est hébergé à l’étranger à la police du pays concerné ; la hotline n’envoie aucune notification.
staff-route-unopened_untraceable = Transmis sans ouverture (impossible à localiser, voir l’hébergement pour le motif) : transmis à la police nationale, qui évalue le contenu et passe ce qui est hébergé à l’étranger à la police du pays concerné ; la hotline n’envoie aucune notification.
staff-route-unopened_country_unknown = Transmis sans ouverture (pays d’hébergement inconnu) : transmis à la police nationale, qui évalue le contenu et passe ce qui est hébergé à l’étranger à la police du pays concerné ; la hotline n’envoie aucune notification.
staff-route-unopened_hosted_in = Transmis sans ouverture (pays d’hébergement : { $countries }) : transmis à la police nationale, qui évalue le contenu et passe ce qui est hébergé à l’étranger à la police du pays concerné ; la hotline n’envoie aucune notification.
staff-route-close_not_illegal = Évalué comme non illégal : le dossier est clôturé.
staff-route-close_unavailable = Le contenu avait disparu lors de l’évaluation : le dossier est clôturé.
staff-route-close_out_of_remit = Hors de la mission de cette hotline : le dossier est clôturé.
staff-route-wait_awaiting_assessment = En attente d’une évaluation.
staff-route-wait_awaiting_trace = En attente de la localisation de l’hébergement de l’adresse.

## Refusals built in Rust (hotline_domain::Refusal codes: staff-error- + code), and assessment problems
staff-error-no_case = Il n’y a pas de dossier portant ce numéro.
staff-error-no_case_number = Il n’y a pas de dossier { $case }.
staff-error-illegal_move = Un dossier ne peut pas passer de « { $from } » à « { $to } » selon la procédure de cette hotline.
staff-error-move_not_offered = Un dossier ne peut pas passer ici de « { $from } » à « { $to } ».
staff-error-case_changed = Le dossier { $case } a été modifié par quelqu’un d’autre au même moment ; rechargez la page et réessayez.
staff-error-duplicate_open_case = Un autre dossier ouvert (n° { $case }) porte déjà cette adresse.
staff-error-refused = L’action a été refusée.
staff-error-report_not_of_case = Ce signalement ne fait pas partie de ce dossier.
staff-error-nothing_to_review = Le dossier n’a pas encore d’évaluation à revoir.
staff-error-not_an_assignee = « { $name } » n’est pas un analyste ou un superviseur actif.
staff-error-no_user = Il n’y a pas d’utilisateur « { $name } ».
staff-error-no_notice_sent = Aucune notification n’a été envoyée pour ce dossier.
staff-error-not_referred_to_police = Ce dossier n’a pas été transmis à la police.
staff-error-bad_username = Un nom d’utilisateur compte 1 à 64 caractères : lettres minuscules, chiffres, « . », « _ » ou « - ».
staff-error-password_too_short = Un mot de passe compte au moins { $min } caractères.
staff-error-password_too_long = Un mot de passe compte au plus { $max } octets.
staff-error-user_exists = Un utilisateur « { $name } » existe déjà.
staff-error-disable_yourself = Vous ne pouvez pas désactiver votre propre compte ; demandez-le à un autre administrateur.
staff-error-disable_last_admin = C’est le dernier compte administrateur actif ; activez ou ajoutez d’abord un autre administrateur.
staff-error-bad_unit = Une unité de police compte 1 à 40 lettres minuscules, chiffres, « - » ou « _ », pas « { $unit } ».
staff-error-settings_changed = Les paramètres ont été modifiés entre-temps par quelqu’un d’autre (version { $version } à présent) ; rechargez la page.
staff-error-welfare_limit = Vous avez consacré { $minutes } minutes à l’évaluation aujourd’hui, au-delà de la limite de { $cap } ; un superviseur peut lever la limite.
staff-error-forwards_unopened = Cette hotline transmet les signalements sans les ouvrir : personne n’évalue de contenu ici.
staff-error-close_reason_needed = Indiquez pourquoi le dossier est clôturé.
staff-error-no_case_selected = Sélectionnez au moins un dossier.
staff-error-none_closed_as_spam = Aucun dossier n’a été clôturé comme spam : { $cases } ne peuvent pas l’être dans leur état actuel.
staff-error-message_length = Un message compte 1 à { $max } caractères.
staff-error-no_registrable_domain = Cette adresse n’a pas de domaine enregistrable (c’est une adresse IP ou un service onion).
staff-error-partner_reference_needed = Indiquez la référence du partenaire (1 à { $max } caractères).
staff-error-no_referral_by_hand = Ce dossier n’attend pas de transmission manuelle.
staff-error-no_referred_assessment = La hotline qui a transmis ce dossier n’y a joint aucune évaluation.
staff-error-referred_assessment_invalid = L’évaluation de la hotline qui a transmis le dossier ne respecte pas nos règles ; évaluez le dossier vous-même.
staff-error-forbidden = Votre rôle ({ $role }) ne le permet pas.
staff-error-blocklist_owner_needed = Indiquez le fournisseur d’accès ou l’éditeur à qui le jeton de liste de blocage est destiné.
staff-error-no_partner = Il n’y a pas de partenaire « { $name } ».
staff-error-no_token = Il n’y a pas de jeton valide portant ce numéro.
staff-error-police_step_unknown = « { $step } » n’est pas une étape de la police.
staff-error-police_note_too_long = Une remarque compte au plus { $max } caractères.
staff-error-police_reference_needed = Indiquez le numéro de dossier de la police (1 à { $max } caractères).
staff-error-police_decline_reason_needed = Indiquez pourquoi la police a refusé.
staff-error-police_country_needed = Indiquez le pays auquel il a été transmis (son code à deux lettres, p. ex. NL).
staff-error-police_step_not_referred = La police enregistre des étapes pour un dossier qui lui a été transmis ; ce dossier est « { $state } ».
staff-error-police_no_hold = Aucune mise en attente en cours à lever.
staff-error-police_order_not_requested = Une ordonnance ne peut être signifiée qu’après avoir été demandée : enregistrez d’abord « ordonnance demandée ».
staff-error-close_already_closed = Le dossier est déjà clôturé.
staff-error-close_by_rule = « { $reason } » est enregistré par la règle qui en décide (une réponse de la police ou du partenaire), pas choisi à la main.
staff-error-close_needs_assessment = Clôturer comme « { $reason } » demande une évaluation qui a conclu « { $classification } » ; enregistrez plutôt cette évaluation.
staff-error-close_needs_removal = Clôturer comme retiré demande d’abord la confirmation du retrait.
staff-assess-problem-missing = Ce champ est obligatoire.
staff-assess-problem-not-one-of = « { $given } » ne fait pas partie des choix.
staff-assess-problem-too-long = Au plus { $max } caractères.
staff-assess-problem-not-applicable = Uniquement pour un contenu illégal ; laissez vide.
staff-assess-problem-reason-not-applicable = Uniquement pour un contenu non illégal ou indisponible ; laissez vide.
staff-assess-problem-none-with-others = « Aucun » ne peut pas être combiné avec un moyen de paiement.
staff-error-unopened_needs_police_takedown = La procédure « transmettre sans ouvrir » demande que la police envoie les notifications aux hébergeurs : choisissez d’abord la police pour « Qui envoie les notifications aux hébergeurs de ce pays ».
staff-error-bad_procedure = Choisissez une des procédures proposées, pas « { $given } ».
staff-error-number_too_large = Doit valoir au plus { $max }.
staff-error-required = Ce champ est obligatoire.
staff-error-not_a_number = Doit être un nombre entier, pas « { $given } ».
staff-error-country_unassigned = « { $given } » n’est pas un code de pays attribué.
staff-error-country_format = Doit être un code de pays à deux lettres comme BE, pas « { $given } ».
staff-error-bad_takedown_by = Choisissez la police ou la hotline, pas « { $given } ».
staff-error-objection_hours_range = Doit être compris entre 1 et { $max } heures.
staff-error-objection_hours_not_a_number = Doit être un nombre entier d’heures entre 1 et { $max }, pas « { $given } ».
staff-error-retention_days = Doit être un nombre de jours de 1 à { $max }, ou 0 pour conserver indéfiniment ; pas « { $given } ».
staff-error-contact_longer_than_description = Les coordonnées ne peuvent pas être conservées plus longtemps que la description.
staff-error-audit_days_min = Le journal d’audit est conservé au moins { $min } jours, ou 0 indéfiniment.
staff-error-bad_role = Choisissez un des rôles proposés.
staff-error-passwords_differ = Les deux mots de passe diffèrent.
staff-error-partner_name_needed = Indiquez le nom du partenaire, 100 caractères au plus.
staff-error-partner_country = « { $given } » n’est pas un code de pays comme NL.
staff-error-partner_countries_needed = Indiquez au moins un pays couvert, p. ex. NL.
staff-error-partner_channel = Choisissez un des canaux proposés, pas « { $given } ».
staff-error-partner_public_key_format = Doit compter 64 caractères hexadécimaux (une clé publique Ed25519).
staff-error-partner_api_endpoint_needed = Un partenaire joint par son API a besoin de son adresse de base (https://…).
staff-error-partner_api_key_needed = Un partenaire joint par son API a besoin de sa clé publique Ed25519.
staff-error-partner_api_token_needed = Un partenaire joint par son API a besoin du jeton qu’il nous a délivré.
staff-error-partner_email = « { $given } » n’est pas une adresse e-mail (nom@example.org).
staff-error-partner_encrypt_not_email = Uniquement pour les partenaires joints par e-mail.
staff-error-partner_encrypt_format = Doit être une clé publique age (age1…, 62 caractères).
staff-error-login_refused = Le nom d’utilisateur, le mot de passe ou le code est incorrect.
staff-error-login_busy = Trop de connexions en même temps ; réessayez dans quelques secondes.
staff-error-login_locked = Trop de tentatives échouées : ce compte est verrouillé jusqu’à { $until } UTC.
staff-error-search_as_number = Un numéro d’AS est un nombre entier.
staff-error-search_case_number = Un numéro de dossier est un nombre entier.
staff-error-search_ip = Ce n’est pas une adresse IP.
staff-error-search_country = Un pays s’indique par son code à deux lettres (NL, DE, …).
