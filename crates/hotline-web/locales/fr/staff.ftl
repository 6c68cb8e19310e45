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
staff-case-referred = transmis
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
staff-assess-victim_age = Âge de la plus jeune victime
staff-assess-victim_gender = Sexe des victimes
staff-assess-media = Type de média
staff-assess-site_type = Type de site
staff-assess-commercial = Commercial
staff-yes = oui
staff-no = non
staff-assess-statute = Référence légale (pour "national")
staff-assess-submit = Enregistrer l’évaluation

# Évaluations précédentes. $age, $gender, $media et $site sont des codes.
staff-assessments-title = Évaluations
staff-assessment-details = âge { $age }, { $gender }, { $media }, { $site }, { $commercial }
staff-assessment-commercial = commercial
staff-assessment-not-commercial = non commercial

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
staff-trace-ip = Adresse
staff-trace-asn = Réseau (AS)
staff-trace-country = Pays
staff-trace-cdn = CDN ou proxy
staff-trace-abuse = Contact abus
staff-trace-cnames = Alias (CNAME)
staff-trace-registrar = Bureau d’enregistrement
staff-trace-errors = Étapes en échec
staff-trace-again = Localiser à nouveau
staff-jobs-title = Tâches en arrière-plan

## Routing and the police
staff-route-title = Pourquoi cette voie
staff-police-title = Police
staff-police-status = Dernière mention de la police : { $status }
staff-police-note = Remarque (facultatif)
staff-police-acknowledged = Réception confirmée
staff-police-hold = En attente : une enquête est en cours
staff-police-cleared = Feu vert : l’hébergeur peut être averti
staff-police-order_requested = Ordonnance demandée
staff-police-order_served = Ordonnance signifiée

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
staff-case-legal-hold = Conservation légale
staff-case-held = Gardé en entier : la purge des données ignore ce dossier
staff-case-hold = Placer sous conservation légale
staff-case-release-hold = Lever la conservation légale
staff-spam-select = Sélectionner le dossier #{ $id }
staff-spam-close = Clore les dossiers sélectionnés comme spam
