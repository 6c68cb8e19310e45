site-name = Point de contact
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-report = Signaler
nav-status = Suivre un signalement
nav-languages = Langue
footer-anonymous = Vous pouvez faire un signalement de manière anonyme. Nous n’enregistrons jamais votre adresse IP et ce site n’utilise aucun cookie.

home-title = Signaler des images d’abus sexuels d’enfants en ligne
home-lead = Vous avez vu sur Internet des images ou des vidéos montrant un enfant victime d’abus sexuels ? Dites-nous où, et nous ferons le nécessaire pour qu’elles soient retirées.
home-what-title = Que signaler ?
home-what = Les adresses web (liens) de pages, d’images, de vidéos ou de fichiers qui montrent des enfants victimes d’abus ou d’exploitation sexuels. Signalez uniquement l’adresse : ne téléchargez pas, ne copiez pas et n’envoyez pas les images elles-mêmes.
home-how-title = Que devient votre signalement ?
home-how-1 = Nos analystes, tenus au secret professionnel, examinent l’adresse et déterminent où le contenu est hébergé.
home-how-2 = Nous informons la police et demandons à l’hébergeur, dans notre pays ou à l’étranger par l’intermédiaire de points de contact partenaires, de retirer le contenu.
home-how-3 = Nous vérifions jusqu’à ce que le contenu ait disparu. Grâce à votre reçu, vous pouvez suivre votre signalement sans nous dire qui vous êtes.
home-danger = Si un enfant est en danger immédiat, appelez sans attendre le numéro d’urgence { $emergency }.
home-report-button = Faire un signalement
home-status-link = Suivre un signalement déjà effectué

report-title = Faire un signalement
report-emergency = Un enfant est en danger immédiat ? Appelez sans attendre le { $emergency }.
report-intro = Indiquez les adresses web où vous avez vu ce contenu. Vous n’avez pas à nous dire qui vous êtes.
report-do-not-download = Ne téléchargez pas les images, ne les enregistrez pas, n’en faites pas de capture d’écran et ne les transférez pas : c’est en soi une infraction, même pour les signaler. L’adresse nous suffit.
report-urls-label = Adresses web (une par ligne, 50 au maximum)
report-urls-hint = Copiez chaque adresse depuis la barre d’adresse de votre navigateur, par exemple https://example.com/page
report-where-label = Où les avez-vous trouvées ?
where-website = Sur un site web
where-social_media = Sur les réseaux sociaux
where-chat = Dans un chat ou une application de messagerie
where-email = Dans un e-mail
where-p2p = Sur un réseau de partage de fichiers (peer-to-peer)
where-newsgroup = Dans un groupe de discussion ou un forum
where-other = Ailleurs
report-description-label = Qu’avez-vous vu ? (facultatif)
report-description-hint = Tout ce qui peut nous aider à retrouver le contenu : comment vous l’avez trouvé, à quoi ressemble la page. Merci de ne pas indiquer votre nom ici.
report-urgent-label = Un enfant est en danger immédiat
report-urgent-hint = Cochez cette case si vous pensez qu’un enfant est victime d’abus en ce moment même ou va l’être très bientôt. Appelez aussi sans attendre le { $emergency } : nous ne sommes pas un service d’urgence.
report-contact-legend = Vos coordonnées (facultatif)
report-contact-hint = Uniquement si vous souhaitez que nous puissions vous contacter. Si vous les indiquez, vous n’êtes plus anonyme vis-à-vis du point de contact (nous ne transmettons vos coordonnées que si vous cochez la case ci-dessous). Laissez ces champs vides pour rester anonyme.
report-contact-name = Nom
report-contact-email = Adresse e-mail
report-police-may-contact = La police peut me contacter au sujet de ce signalement (nous lui transmettons alors votre nom et votre adresse e-mail)
report-submit = Envoyer le signalement
report-token-expired = Ce formulaire est resté ouvert longtemps ou n’a pas pu être vérifié. Rien n’a encore été envoyé : vérifiez ce que vous avez écrit et envoyez-le à nouveau.
report-rate-limited = Trop de signalements ont été envoyés depuis votre connexion au cours de la dernière minute. Rien n’a été perdu : patientez une minute, puis envoyez à nouveau.
report-busy = Le point de contact reçoit en ce moment plus de signalements qu’il ne peut en traiter. Rien n’a encore été envoyé : patientez { $seconds } secondes, puis envoyez à nouveau.
report-line-error = Ligne { $line } : { $message }

report-done-title = Merci : votre signalement a bien été reçu
report-done-addresses = { $count ->
    [one] Nous avons reçu { $count } adresse.
   *[other] Nous avons reçu { $count } adresses.
}
report-done-receipt-label = Votre reçu :
report-done-write-down = Notez ce reçu maintenant, sur papier ou dans un endroit sûr. Il ne s’affiche qu’une seule fois et c’est le seul moyen de suivre votre signalement : comme nous ne savons pas qui vous êtes, nous ne pouvons pas vous l’envoyer.
report-done-list-title = Les adresses telles que nous les avons enregistrées
report-done-what-for = Avec ce reçu, vous pouvez voir sur ce site où en est votre signalement et lire les messages que le point de contact vous adresse, le cas échéant. Il ne permet pas de vous identifier et personne d’autre n’en a besoin.
report-done-status-link = Suivre votre signalement

form-errors-title = Veuillez corriger les points suivants

status-title = Suivre votre signalement
status-intro = Saisissez le reçu qui vous a été remis lors de votre signalement.
status-receipt-label = Reçu (16 lettres et chiffres)
status-submit = Afficher l’état
status-updated = Dernière mise à jour : { $date }
status-not-found = Nous n’avons trouvé aucun signalement correspondant à ce reçu. Vérifiez que vous l’avez saisi correctement.
status-messages-title = Messages du point de contact
status-received = Reçu
status-received-text = Votre signalement nous est bien parvenu et attend d’être traité.
status-handled = Traité
status-handled-text = Nous avons traité votre signalement. Merci de nous l’avoir signalé. Pour protéger une éventuelle enquête, cette page n’indique pas la suite donnée.
status-removed = Contenu retiré
status-removed-text = Le contenu que vous avez signalé a été retiré.

error-home-link = Retour à la page d’accueil
error-not-found-title = Page introuvable
error-not-found = Il n’y a aucune page à cette adresse.
error-bad-request-title = La demande n’est pas valide
error-too-large-title = Trop de données envoyées
error-too-large = Le formulaire contenait plus de données que ce site n’en accepte. Raccourcissez la description ou envoyez moins d’adresses à la fois.
error-unsupported-title = Ce type de demande n’est pas accepté
error-rate-limited-title = Veuillez patienter un instant
error-internal-title = Un problème est survenu de notre côté
error-internal = Votre demande n’a pas pu aboutir. Rien de ce que vous avez envoyé n’a été partagé. Réessayez dans quelques minutes.
error-unavailable-title = Temporairement indisponible
error-unavailable = Le service est temporairement indisponible. Réessayez dans quelques minutes.

problem-no-addresses = Indiquez au moins une adresse web.
problem-too-many-addresses = Un signalement peut contenir au maximum { $max } adresses ; celui-ci en contient { $count }. Envoyez les autres dans un deuxième signalement.
problem-address-empty = L’adresse est vide.
problem-address-too-long = L’adresse dépasse { $max } caractères.
problem-address-scheme = Les adresses commençant par "{ $scheme }:" ne sont pas acceptées. Indiquez une adresse web commençant par http, https ou ftp.
problem-address-no-host = Il manque le nom du site dans l’adresse (la partie du type example.com).
problem-address-invalid = Cette adresse web n’est pas valide ({ $detail }).
problem-where-missing = Indiquez où vous avez trouvé les adresses.
problem-not-one-of = "{ $given }" ne fait pas partie des valeurs possibles : { $allowed }.
problem-description-too-long = La description peut compter au maximum { $max } caractères ; elle en compte { $count }.
problem-name-too-long = Le nom peut compter au maximum { $max } caractères.
problem-email-too-long = Une adresse e-mail compte au maximum { $max } caractères.
problem-email-invalid = Ceci ne ressemble pas à une adresse e-mail (nom@example.com).
problem-receipt-length = Un reçu compte 16 lettres et chiffres (par exemple ABCD-EFGH-JKMN-PQRS) ; celui-ci en compte { $count }.
problem-receipt-character = Un reçu ne contient pas le caractère "{ $character }".

## Pages d’information. Les clés des paragraphes se terminent par -p1, -p2, … ; celles des titres par -h1, -h2, …
info-nav-label = Pages d’information
info-what-to-report = Que signaler ?
info-what-happens = Que devient un signalement ?
info-the-law = Ce que dit la loi
info-stay-safe = Vous protéger
info-get-help = Trouver de l’aide
info-privacy = Vie privée
info-about = À propos de ce point de contact

info-what-to-report-p1 = Signalez l’adresse web (le lien) de toute page, image, vidéo ou de tout fichier qui montre un enfant victime d’abus ou d’exploitation sexuels, ou qui représente un enfant de manière sexuelle. Peu importe que le site se trouve dans notre pays ou à l’étranger : nous travaillons avec les points de contact d’autres pays.
info-what-to-report-h1 = Ne téléchargez, ne copiez et ne transférez rien
info-what-to-report-p2 = Ne téléchargez jamais les images ou les vidéos, ne les enregistrez pas, n’en faites pas de capture d’écran et ne les transférez pas, même pour les signaler. Détenir ou partager ce contenu est une infraction, quelle qu’en soit la raison. L’adresse nous suffit : nous retrouvons le contenu nous-mêmes.
info-what-to-report-h2 = Ne menez pas l’enquête vous-même
info-what-to-report-p3 = Ne cherchez pas d’autres contenus, ne contactez pas les personnes qui se trouvent derrière le site et ne les prévenez pas. Cela pourrait détruire des preuves et mettre des enfants en danger. Laissez faire le point de contact et la police.
info-what-to-report-h3 = Ce que vous pouvez encore nous dire
info-what-to-report-p4 = Où vous avez trouvé les adresses (un site web, un réseau social, un chat, un e-mail, un réseau de partage de fichiers) et tout ce qui peut nous aider à retrouver le contenu, comme les mots que vous avez recherchés ou le nom d’un groupe. Il n’est pas nécessaire de décrire les images.
info-what-to-report-h4 = Ce que ce point de contact ne traite pas
info-what-to-report-p5 = Les autres contenus illégaux, comme les discours de haine, les escroqueries ou les contenus terroristes, ainsi que les abus qui ne se produisent pas en ligne. Si vous avez connaissance d’abus en cours, appelez le numéro d’urgence { $emergency }.

info-what-happens-p1 = Votre signalement est enregistré immédiatement et un reçu vous est remis. Personne ne sait qui vous êtes, sauf si vous avez choisi de laisser vos coordonnées.
info-what-happens-assess = Des analystes formés, tenus au secret professionnel, examinent chaque adresse et déterminent si le contenu est illégal. Ils le consultent à votre place, et uniquement au sein du point de contact.
info-what-happens-forward = Chaque adresse est transmise à la police, qui détermine ce qu’elle montre. Personne au point de contact n’ouvre le contenu.
info-what-happens-p2 = Nous déterminons automatiquement où chaque adresse est hébergée : par quelle entreprise et dans quel pays. Aucune de ces étapes ne nécessite de télécharger le contenu.
info-what-happens-forward-abroad = La police décide de la suite : elle obtient le retrait auprès des hébergeurs de ce pays, et transmet ce qui est hébergé à l’étranger à la police de ce pays par ses propres canaux.
info-what-happens-police = Le contenu hébergé dans notre pays est transmis à la police. Sur ordre d’un magistrat, l’hébergeur est ensuite tenu de le retirer.
info-what-happens-hotline = Le contenu hébergé dans notre pays est transmis à la police et, sauf opposition de sa part dans les { $hours } heures, nous demandons à l’hébergeur de le retirer.
info-what-happens-p3 = Le contenu hébergé à l’étranger est transmis soit au point de contact du pays concerné, qui demande à l’hébergeur local de le retirer, soit à la police par les canaux internationaux.
info-what-happens-p4 = Nous vérifions jusqu’à ce que le contenu ait disparu, puis à nouveau plus tard, au cas où il réapparaîtrait. Grâce à votre reçu, vous pouvez voir où en est votre signalement et lire les messages que nous vous laissons.

info-the-law-p1 = Produire, détenir, consulter sciemment, proposer ou diffuser des images d’abus sexuels d’enfants (la « pédopornographie » au sens de la loi) est une infraction pénale dans notre pays ({ $law }) et dans presque tous les autres. Cela vaut aussi pour les dessins et les images générées par ordinateur qui représentent des enfants de manière sexuelle.
info-the-law-p2 = Signaler une adresse à ce point de contact n’est pas une infraction, et vous n’avez rien à prouver. En revanche, télécharger ou conserver le contenu en est une, même pour le signaler.
info-the-law-p3 = Le point de contact travaille avec la police et la justice dans le cadre d’un protocole d’accord qui définit ce qu’il peut faire. Il n’enquête pas sur des personnes : il fait retirer les contenus et transmet à la police ce qu’il trouve.

info-stay-safe-p1 = Fermez la page dès que vous avez copié son adresse. La regarder à nouveau n’aidera pas les enfants qui y apparaissent et peut vous faire du mal.
info-stay-safe-p2 = Ne téléchargez rien, ne cliquez pas plus loin et ne répondez pas à la personne qui vous a envoyé le lien.
info-stay-safe-p3 = Vous pouvez faire un signalement sans donner votre nom. Nous n’enregistrons pas votre adresse IP, ce site n’utilise ni cookies ni scripts, et il fonctionne dans Tor Browser au niveau de sécurité le plus élevé.
info-stay-safe-p4 = Voir ce type de contenu peut être bouleversant. Il est normal que cela vous affecte par la suite. En parler à quelqu’un aide : consultez la page « Trouver de l’aide ».

info-get-help-p1 = Si un enfant est en danger en ce moment, appelez le numéro d’urgence { $emergency }.
info-get-help-p2 = Tu es un enfant ou un jeune, et quelqu’un te fait du mal, ou des photos de toi circulent ? Ce n’est pas ta faute. Parles-en à un adulte en qui tu as confiance, ou appelle une ligne d’écoute pour les enfants et les jeunes. Tu peux aussi signaler ces photos ici.
info-get-help-p3 = Si vous vous faites du souci pour un enfant, ou si vous êtes parent et avez découvert quelque chose, une ligne d’aide pour les parents ou la police peuvent vous conseiller.
info-get-help-p4 = Si vos propres pensées ou votre comportement envers des enfants vous inquiètent, une aide confidentielle existe, et elle est efficace. La demander, c’est faire le bon choix.
info-get-help-h1 = Où trouver de l’aide

info-privacy-p1 = Nous n’enregistrons pas l’adresse IP des personnes qui font un signalement ou consultent un reçu, ni dans notre base de données ni dans nos journaux. Les pages publiques n’utilisent aucun cookie et ne chargent rien depuis d’autres sites.
info-privacy-p2 = Votre reçu est uniquement conservé sous une forme qui ne permet pas de le retrouver. Si vous le perdez, nous ne pouvons pas vous le communiquer à nouveau.
info-privacy-p3 = Ce que vous écrivez dans la description, ainsi que votre nom et votre adresse e-mail si vous les indiquez, sont conservés sous forme chiffrée. Seuls les analystes du point de contact peuvent les lire ; vos coordonnées ne sont jamais transmises à qui que ce soit en dehors du point de contact.
info-privacy-p4 = Les adresses web que vous signalez sont transmises à la police, aux points de contact partenaires à l’étranger et aux entreprises qui hébergent le contenu, afin qu’il puisse être retiré.
info-privacy-p5 = Nous conservons les signalements aussi longtemps que nécessaire pour traiter le dossier et rendre compte de notre travail ; le point de contact fixe ces durées et les indique ici.

info-about-p1 = { $name } est un point de contact civil : un service indépendant de la police, où chacun peut signaler des images d’abus sexuels d’enfants sur Internet, de manière anonyme s’il le souhaite, afin qu’elles soient retirées.
info-about-p2 = Le point de contact travaille avec la police et avec les points de contact d’autres pays au sein du réseau INHOPE. Son personnel est tenu au secret professionnel.
info-about-p3 = Ce site fonctionne avec des logiciels libres. Il ne télécharge, ne conserve et n’affiche jamais le contenu signalé : il ne traite que des adresses.
info-about-data = Les données IP proviennent d’ip-location-db (CC BY 4.0), compilées à partir de RouteViews (routeviews.org), des registres Internet régionaux (nro.net) et de DB-IP ; le point de contact les a fusionnées en une seule base de données.

## La page de transparence (totaux seulement)

footer-transparency = Rapport de transparence
transparency-title = Rapport de transparence { $year }
transparency-intro = Ce que nous avons fait des signalements reçus en { $year } : combien nous en avons reçu, ce que nos analystes ont constaté, où le matériel était hébergé et combien de temps il a fallu pour le faire retirer. Les chiffres portent sur les signalements reçus et les dossiers ouverts en { $year }, suivis jusqu’à aujourd’hui.
transparency-small-counts = Pour protéger les personnes concernées, tout nombre inférieur à 5 est affiché « <5 », et aucun délai reposant sur moins de 5 dossiers n’est publié.
transparency-years = Autres années
transparency-year-link = Chiffres de { $year }
transparency-totals = Au total
transparency-reports = Signalements
transparency-cases = Dossiers
transparency-by-channel = Signalements selon la voie par laquelle ils nous sont parvenus
transparency-channel = Voie
transparency-channel-web = Formulaire web
transparency-channel-api = Applications et services (API)
transparency-channel-partner = Hotlines partenaires à l’étranger
transparency-channel-import = Importés
transparency-by-classification = Dossiers selon l’évaluation
transparency-classification = Évaluation
transparency-class-baseline = Matériel d’abus sexuels sur enfants, illégal dans tous les pays
transparency-class-national = Matériel d’abus sexuels sur enfants selon la loi nationale
transparency-class-not_illegal = Pas illégal
transparency-class-unavailable = Déjà disparu lors de l’évaluation
transparency-class-out_of_remit = Autre contenu illégal, transmis
transparency-class-none = Pas (encore) évalué
transparency-times = Combien de temps il a fallu
transparency-leg = Étape
transparency-median = Médiane
transparency-p90 = 90 % des dossiers en moins de
transparency-leg-assessed = Du signalement à l’évaluation
transparency-leg-referred = Du signalement à la police ou à une hotline partenaire
transparency-leg-notice = Du signalement à la notification à l’hébergeur
transparency-leg-notice-removed = De la notification au retrait
transparency-leg-removed = Du signalement au retrait
transparency-too-few = trop peu pour être publié
transparency-by-country = Où le matériel était hébergé
transparency-country = Pays
transparency-country-unknown = Inconnu ou non localisé
transparency-median-removal = Médiane de la notification au retrait
transparency-method = La médiane est le délai dans lequel la moitié des dossiers ont abouti ; le chiffre de 90 %, celui dans lequel neuf sur dix ont abouti. Les deux sont des délais réels des dossiers (rang le plus proche), jamais des moyennes.
info-privacy-periods = Combien de temps nous gardons quoi : votre nom et votre adresse e-mail { $contact } ; ce que vous avez écrit { $description } ; les détails d'un dossier clos { $closed } ; les traces de nos vérifications d'une adresse { $checks } ; notre journal d'audit { $audit }. Un dossier sous conservation légale (par exemple pendant une enquête de police) est gardé en entier jusqu'à la levée de cette conservation.
info-privacy-days = { $count ->
    [one] pendant 1 jour
   *[other] pendant { $count } jours
}
info-privacy-forever = aussi longtemps que le point de contact existe

# The page where a host answers one notice.
answer-title = Réponse à notre notification
answer-intro = Cette page concerne une seule notification que nous vous avons envoyée. Dites-nous ce que vous avez fait de l’adresse ci-dessous ; aucun compte n’est nécessaire. Nous conservons votre réponse avec la notification.
answer-address = L’adresse de notre notification :
answer-earlier = Vos réponses précédentes
answer-legend = Votre réponse
answer-removed = Le matériel est retiré
answer-refused = Nous refusons de le retirer (indiquez pourquoi ci-dessous)
answer-not-ours = Cette adresse ne relève pas de nous (indiquez à qui vous adresser ci-dessous)
answer-note-label = Pourquoi, ou à qui s’adresser
answer-note-hint = Nécessaire si vous refusez ou si l’adresse ne relève pas de vous. Texte simple.
answer-submit = Envoyer la réponse
answer-thanks = Merci. Votre réponse est enregistrée avec notre notification.
answer-thanks-removed = Merci. Votre réponse est enregistrée et nous vérifions l’adresse dès maintenant.
answer-form-expired = Ce formulaire a expiré. Veuillez renvoyer votre réponse.
answer-problem-choice = Choisissez l’une des réponses.
answer-problem-note = Indiquez pourquoi vous refusez, ou à qui nous adresser.
answer-problem-too-long = Le texte est trop long : { $max } caractères au plus.

# Answering the hotline on the status page.
status-message-yours = vous avez écrit
status-message-hotline = le point de signalement a écrit
status-answer-label = Votre réponse au point de signalement
status-answer-hint = Texte seulement, { $max } caractères au plus. N’envoyez ni images ni liens vers le matériel.
status-answer-submit = Envoyer la réponse
status-answer-done = Votre réponse est parvenue au point de signalement.
status-answer-empty = Écrivez d’abord votre réponse.
status-answer-too-long = La réponse est trop longue : { $max } caractères au plus.
status-answer-nothing = Le point de signalement ne vous a pas encore écrit : il n’y a rien à répondre.
status-answer-too-many = Vous avez envoyé autant de réponses que ce signalement peut en recevoir.
report-news-by-mail = Prévenez-moi par courriel quand le point de signalement m’écrit (le courriel dit seulement qu’il y a du nouveau, jamais quoi)
