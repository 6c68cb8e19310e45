site-name = Meldestelle
skip-to-content = Zum Inhalt springen
nav-label = Hauptnavigation
nav-report = Melden
nav-status = Meldung verfolgen
nav-languages = Sprache
footer-anonymous = Sie können anonym melden. Wir speichern niemals Ihre IP-Adresse, und diese Website setzt keine Cookies.

home-title = Darstellungen sexuellen Kindesmissbrauchs im Internet melden
home-lead = Sind Sie im Internet auf Bilder oder Videos gestoßen, die den sexuellen Missbrauch eines Kindes zeigen? Teilen Sie uns mit, wo Sie sie gefunden haben – wir setzen uns dafür ein, dass sie entfernt werden.
home-what-title = Was Sie melden können
home-what = Webadressen (Links) von Seiten, Bildern, Videos oder Dateien, die zeigen, wie Kinder sexuell missbraucht oder ausgebeutet werden. Bitte melden Sie nur die Adresse: Laden Sie die Bilder selbst nicht herunter, kopieren Sie sie nicht und schicken Sie sie nicht weiter.
home-how-title = Was mit Ihrer Meldung geschieht
home-how-1 = Unsere Fachkräfte, die an das Berufsgeheimnis gebunden sind, sehen sich die Adresse an und stellen fest, wo die Inhalte gespeichert sind.
home-how-2 = Wir informieren die Polizei und fordern den Hosting-Anbieter auf, die Inhalte zu entfernen – im Inland direkt, im Ausland über unsere Partner-Meldestellen.
home-how-3 = Wir prüfen so lange nach, bis die Inhalte entfernt sind. Mit Ihrem Meldecode können Sie Ihre Meldung verfolgen, ohne uns zu sagen, wer Sie sind.
home-danger = Wenn ein Kind in unmittelbarer Gefahr ist, rufen Sie sofort den Notruf { $emergency } an.
home-report-button = Meldung abgeben
home-status-link = Eine abgegebene Meldung verfolgen

report-title = Meldung abgeben
report-emergency = Ist ein Kind in unmittelbarer Gefahr? Rufen Sie sofort { $emergency } an.
report-intro = Geben Sie die Webadressen an, unter denen Sie die Inhalte gesehen haben. Sie müssen uns nicht sagen, wer Sie sind.
report-do-not-download = Laden Sie die Bilder nicht herunter, speichern Sie sie nicht, machen Sie keine Screenshots und leiten Sie sie nicht weiter: Das ist bereits eine Straftat, auch wenn Sie die Bilder nur melden möchten. Wir brauchen nur die Adresse.
report-urls-label = Webadressen (eine pro Zeile, höchstens 50)
report-urls-hint = Kopieren Sie jede Adresse aus der Adressleiste Ihres Browsers, zum Beispiel https://example.com/page
report-where-label = Wo sind Sie darauf gestoßen?
where-website = Auf einer Website
where-social_media = In sozialen Medien
where-chat = In einem Chat oder einer Messenger-App
where-email = In einer E-Mail
where-p2p = In einem Filesharing-Netzwerk (Peer-to-Peer)
where-newsgroup = In einer Newsgroup oder einem Forum
where-other = Anderswo
report-description-label = Was haben Sie gesehen? (freiwillig)
report-description-hint = Alles, was uns hilft, die Inhalte zu finden: wie Sie dorthin gelangt sind, wie die Seite aussieht. Bitte geben Sie hier nicht Ihren eigenen Namen an.
report-urgent-label = Ein Kind ist in unmittelbarer Gefahr
report-urgent-hint = Kreuzen Sie dies an, wenn Sie glauben, dass ein Kind gerade missbraucht wird oder dass dies unmittelbar bevorsteht. Rufen Sie bitte außerdem sofort { $emergency } an: Wir sind kein Notdienst.
report-contact-legend = Ihre Kontaktdaten (freiwillig)
report-contact-hint = Nur wenn Sie möchten, dass wir Sie kontaktieren können. Wenn Sie diese Felder ausfüllen, sind Sie gegenüber der Meldestelle nicht mehr anonym (wir geben Ihre Daten nur weiter, wenn Sie das Kästchen unten ankreuzen). Lassen Sie die Felder leer, wenn Sie anonym bleiben möchten.
report-contact-name = Name
report-contact-email = E-Mail-Adresse
report-police-may-contact = Die Polizei darf mich zu dieser Meldung kontaktieren (wir geben ihr dann Ihren Namen und Ihre E-Mail-Adresse)
report-submit = Meldung senden
report-token-expired = Dieses Formular war sehr lange geöffnet oder konnte nicht überprüft werden. Es wurde noch nichts gesendet: Bitte prüfen Sie Ihre Angaben und senden Sie sie erneut.
report-rate-limited = Von Ihrer Verbindung aus wurden in der letzten Minute zu viele Meldungen gesendet. Es ist nichts verloren gegangen: Bitte warten Sie eine Minute und senden Sie dann erneut.
report-busy = Die Meldestelle erhält gerade mehr Meldungen, als sie annehmen kann. Es wurde noch nichts gesendet: Bitte warten Sie { $seconds } Sekunden und senden Sie dann erneut.
report-line-error = Zeile { $line }: { $message }

report-done-title = Vielen Dank: Ihre Meldung ist eingegangen
report-done-addresses = { $count ->
    [one] Wir haben 1 Adresse erhalten.
   *[other] Wir haben { $count } Adressen erhalten.
}
report-done-receipt-label = Ihr Meldecode:
report-done-write-down = Notieren Sie sich diesen Meldecode jetzt, auf Papier oder an einem sicheren Ort. Er wird nur ein einziges Mal angezeigt und ist die einzige Möglichkeit, Ihre Meldung zu verfolgen: Da wir nicht wissen, wer Sie sind, können wir ihn Ihnen nicht zusenden.
report-done-list-title = Die Adressen, wie wir sie erfasst haben
report-done-what-for = Mit dem Meldecode können Sie auf dieser Website sehen, wie weit die Bearbeitung Ihrer Meldung fortgeschritten ist, und Nachrichten lesen, die die Meldestelle für Sie hinterlässt. Er verrät nicht, wer Sie sind, und niemand sonst braucht ihn.
report-done-status-link = Ihre Meldung verfolgen

form-errors-title = Bitte korrigieren Sie Folgendes

status-title = Ihre Meldung verfolgen
status-intro = Geben Sie den Meldecode ein, den Sie bei Ihrer Meldung erhalten haben.
status-receipt-label = Meldecode (16 Buchstaben und Ziffern)
status-submit = Stand anzeigen
status-updated = Letzte Aktualisierung: { $date }
status-not-found = Wir haben keine Meldung mit diesem Meldecode gefunden. Bitte prüfen Sie, ob Sie ihn richtig eingegeben haben.
status-messages-title = Nachrichten der Meldestelle
status-received = Eingegangen
status-received-text = Ihre Meldung ist bei uns eingegangen und wartet auf die Bearbeitung.
status-handled = Bearbeitet
status-handled-text = Wir haben Ihre Meldung bearbeitet. Vielen Dank für Ihre Meldung. Zum Schutz möglicher Ermittlungen zeigt diese Seite nicht, was darauf folgte.
status-removed = Entfernt
status-removed-text = Die von Ihnen gemeldeten Inhalte wurden entfernt.

error-home-link = Zurück zur Startseite
error-not-found-title = Seite nicht gefunden
error-not-found = Unter dieser Adresse gibt es keine Seite.
error-bad-request-title = Die Anfrage war fehlerhaft
error-too-large-title = Es wurden zu viele Daten gesendet
error-too-large = Das Formular enthielt mehr, als diese Website annehmen kann. Bitte kürzen Sie die Beschreibung oder senden Sie weniger Adressen auf einmal.
error-unsupported-title = Diese Art von Anfrage wird nicht angenommen
error-rate-limited-title = Bitte warten Sie einen Moment
error-internal-title = Bei uns ist ein Fehler aufgetreten
error-internal = Ihre Anfrage konnte nicht ausgeführt werden. Nichts von dem, was Sie gesendet haben, wurde weitergegeben. Bitte versuchen Sie es in einigen Minuten erneut.
error-unavailable-title = Vorübergehend nicht verfügbar
error-unavailable = Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es in einigen Minuten erneut.

problem-no-addresses = Geben Sie mindestens eine Webadresse an.
problem-too-many-addresses = Eine Meldung darf höchstens { $max } Adressen enthalten; diese enthält { $count }. Bitte senden Sie die übrigen in einer zweiten Meldung.
problem-address-empty = Die Adresse ist leer.
problem-address-too-long = Die Adresse ist länger als { $max } Zeichen.
problem-address-scheme = Adressen, die mit „{ $scheme }:“ beginnen, werden nicht angenommen. Geben Sie eine Webadresse an, die mit http, https oder ftp beginnt.
problem-address-no-host = In der Adresse fehlt der Name der Website (der Teil wie example.com).
problem-address-invalid = Dies ist keine gültige Webadresse ({ $detail }).
problem-where-missing = Geben Sie an, wo Sie die Adressen gefunden haben.
problem-not-one-of = „{ $given }“ ist keiner der zulässigen Werte: { $allowed }.
problem-description-too-long = Die Beschreibung darf höchstens { $max } Zeichen lang sein; sie hat { $count }.
problem-name-too-long = Der Name darf höchstens { $max } Zeichen lang sein.
problem-email-too-long = Eine E-Mail-Adresse hat höchstens { $max } Zeichen.
problem-email-invalid = Dies sieht nicht wie eine E-Mail-Adresse aus (name@example.com).
problem-receipt-length = Ein Meldecode besteht aus 16 Buchstaben und Ziffern (zum Beispiel ABCD-EFGH-JKMN-PQRS); dieser hat { $count }.
problem-receipt-character = Das Zeichen „{ $character }“ kommt in Meldecodes nicht vor.

## Information pages. Paragraph keys end in -p1, -p2, …; headings in -h1, -h2, …
info-nav-label = Informationsseiten
info-what-to-report = Was Sie melden können
info-what-happens = Was mit einer Meldung geschieht
info-the-law = Die Rechtslage
info-stay-safe = Sich schützen
info-get-help = Hilfe finden
info-privacy = Datenschutz
info-about = Über diese Meldestelle

info-what-to-report-p1 = Melden Sie die Webadresse (den Link) jeder Seite, jedes Bildes, jedes Videos und jeder Datei, die zeigt, wie ein Kind sexuell missbraucht oder ausgebeutet wird, oder die ein Kind auf sexualisierte Weise darstellt. Es spielt keine Rolle, ob sich die Website im Inland oder im Ausland befindet: Wir arbeiten mit Meldestellen in anderen Ländern zusammen.
info-what-to-report-h1 = Nichts herunterladen, kopieren oder weiterleiten
info-what-to-report-p2 = Laden Sie die Bilder oder Videos niemals herunter, speichern Sie sie nicht, machen Sie keine Screenshots und schicken Sie sie nicht weiter – auch nicht, um sie zu melden. Der Besitz und die Weitergabe dieser Inhalte sind strafbar, ganz gleich aus welchem Grund. Wir brauchen nur die Adresse; die Inhalte finden wir selbst.
info-what-to-report-h2 = Nicht selbst nachforschen
info-what-to-report-p3 = Suchen Sie nicht nach weiteren Inhalten, nehmen Sie keinen Kontakt zu den Personen hinter der Website auf und warnen Sie sie nicht. Dadurch können Beweise verloren gehen und Kinder in Gefahr geraten. Überlassen Sie das der Meldestelle und der Polizei.
info-what-to-report-h3 = Was Sie uns außerdem mitteilen können
info-what-to-report-p4 = Wo Sie die Adressen gefunden haben (auf einer Website, in sozialen Medien, in einem Chat, in einer E-Mail, in einem Filesharing-Netzwerk) und alles, was uns hilft, die Inhalte zu finden, etwa die Suchbegriffe, die Sie verwendet haben, oder den Namen einer Gruppe. Sie müssen die Bilder nicht beschreiben.
info-what-to-report-h4 = Wofür diese Meldestelle nicht zuständig ist
info-what-to-report-p5 = Andere illegale Inhalte wie Hassrede, Betrug oder Terrorismus sowie Missbrauch, der nicht im Internet stattfindet. Wenn Sie wissen, dass gerade ein Missbrauch geschieht, rufen Sie den Notruf { $emergency } an.

info-what-happens-p1 = Ihre Meldung geht sofort bei uns ein und erhält einen Meldecode. Niemand erfährt, wer Sie sind, es sei denn, Sie haben Ihre Kontaktdaten angegeben.
info-what-happens-assess = Geschulte Fachkräfte, die an das Berufsgeheimnis gebunden sind, sehen sich jede Adresse an und beurteilen, ob die Inhalte illegal sind. Sie tun dies an Ihrer Stelle, und zwar ausschließlich innerhalb der Meldestelle.
info-what-happens-forward = Jede Adresse wird an die Polizei weitergeleitet, die beurteilt, was dort zu sehen ist. Bei der Meldestelle öffnet niemand die Inhalte.
info-what-happens-p2 = Wir stellen automatisch fest, wo jede Adresse gehostet wird: bei welchem Unternehmen und in welchem Land. Dabei werden die Inhalte nicht heruntergeladen.
info-what-happens-forward-abroad = Die Polizei entscheidet, wie es weitergeht: Sie erwirkt die Entfernung bei Hosting-Anbietern in diesem Land und gibt, was im Ausland gehostet wird, über ihre eigenen Kanäle an die Polizei dieses Landes weiter.
info-what-happens-police = Inhalte, die im Inland gehostet werden, gehen an die Polizei. Eine Anordnung der Staatsanwaltschaft oder eines Richters verpflichtet den Hosting-Anbieter dann, sie zu entfernen.
info-what-happens-hotline = Inhalte, die im Inland gehostet werden, gehen an die Polizei. Sofern diese nicht innerhalb von { $hours } Stunden widerspricht, fordern wir den Hosting-Anbieter auf, sie zu entfernen.
info-what-happens-p3 = Inhalte, die im Ausland gehostet werden, leiten wir an die Meldestelle des betreffenden Landes weiter, die den dortigen Hosting-Anbieter zur Entfernung auffordert, oder über internationale Kanäle an die Polizei.
info-what-happens-p4 = Wir prüfen so lange nach, bis die Inhalte entfernt sind, und später noch einmal, falls sie wieder auftauchen. Mit Ihrem Meldecode können Sie sehen, wie weit die Bearbeitung Ihrer Meldung fortgeschritten ist, und Nachrichten lesen, die wir für Sie hinterlassen.

info-the-law-p1 = Darstellungen sexuellen Kindesmissbrauchs herzustellen, zu besitzen, bewusst anzusehen, anzubieten oder zu verbreiten, ist in diesem Land ({ $law }) und in fast allen anderen Ländern strafbar. Das gilt auch für Zeichnungen und computergenerierte Bilder, die Kinder auf sexualisierte Weise darstellen.
info-the-law-p2 = Eine Adresse bei dieser Meldestelle zu melden, ist nicht strafbar, und Sie müssen nichts beweisen. Strafbar ist dagegen, die Inhalte herunterzuladen oder aufzubewahren – auch dann, wenn Sie sie melden möchten.
info-the-law-p3 = Die Meldestelle arbeitet auf der Grundlage einer Vereinbarung mit Polizei und Justiz zusammen, die festlegt, was sie tun darf. Sie ermittelt nicht gegen Personen: Sie sorgt dafür, dass Inhalte entfernt werden, und gibt ihre Erkenntnisse an die Polizei weiter.

info-stay-safe-p1 = Schließen Sie die Seite, sobald Sie ihre Adresse kopiert haben. Ein weiterer Blick hilft den abgebildeten Kindern nicht und kann Ihnen schaden.
info-stay-safe-p2 = Laden Sie nichts herunter, klicken Sie nicht weiter und antworten Sie niemandem, der Ihnen den Link geschickt hat.
info-stay-safe-p3 = Sie können melden, ohne Ihren Namen anzugeben. Wir speichern Ihre IP-Adresse nicht, diese Website setzt keine Cookies und führt keine Skripte aus, und sie funktioniert im Tor Browser auch mit der höchsten Sicherheitsstufe.
info-stay-safe-p4 = Solche Inhalte zu sehen, kann sehr belastend sein. Es ist normal, danach aufgewühlt zu sein. Es hilft, mit jemandem darüber zu sprechen: Lesen Sie dazu die Seite „Hilfe finden“.

info-get-help-p1 = Wenn ein Kind jetzt in Gefahr ist, rufen Sie den Notruf { $emergency } an.
info-get-help-p2 = Bist du ein Kind oder jugendlich, und jemand tut dir weh oder Bilder von dir werden verbreitet? Du bist nicht schuld. Sprich mit einem Erwachsenen, dem du vertraust, oder ruf ein Beratungstelefon für Kinder und Jugendliche an. Du kannst die Bilder auch hier melden.
info-get-help-p3 = Wenn Sie sich Sorgen um ein Kind machen oder als Elternteil etwas entdeckt haben, können Sie sich bei einem Beratungstelefon für Eltern oder bei der Polizei beraten lassen.
info-get-help-p4 = Wenn Sie sich wegen Ihrer eigenen Gedanken oder Ihres Verhaltens gegenüber Kindern Sorgen machen: Es gibt vertrauliche Hilfe, und sie wirkt. Sich diese Hilfe zu holen, ist der richtige Schritt.
info-get-help-h1 = Wo Sie Hilfe finden

info-privacy-p1 = Wir speichern keine IP-Adressen von Personen, die eine Meldung abgeben oder einen Meldecode abfragen – weder in unserer Datenbank noch in unseren Protokolldateien. Die öffentlichen Seiten setzen keine Cookies und laden nichts von anderen Websites.
info-privacy-p2 = Ihr Meldecode wird nur in einer Form gespeichert, aus der er sich nicht wiederherstellen lässt. Wenn Sie ihn verlieren, können wir ihn Ihnen nicht erneut mitteilen.
info-privacy-p3 = Was Sie in die Beschreibung schreiben, sowie Ihr Name und Ihre E-Mail-Adresse, falls Sie diese angeben, werden verschlüsselt gespeichert. Nur die Fachkräfte der Meldestelle können diese Angaben lesen; Ihre Kontaktdaten werden niemals an Personen oder Stellen außerhalb der Meldestelle weitergegeben.
info-privacy-p4 = Die von Ihnen gemeldeten Webadressen werden an die Polizei, an Partner-Meldestellen im Ausland und an die Unternehmen weitergegeben, bei denen die Inhalte gehostet werden, damit diese entfernt werden können.
info-privacy-p5 = Wir bewahren Meldungen so lange auf, wie wir sie für die Bearbeitung des Falls und als Nachweis unserer Arbeit benötigen; die Meldestelle legt diese Fristen fest und nennt sie hier.

info-about-p1 = { $name } ist eine zivilgesellschaftliche Meldestelle: ein von der Polizei unabhängiger Dienst, bei dem alle Menschen Darstellungen sexuellen Kindesmissbrauchs im Internet melden können – auf Wunsch anonym –, damit sie entfernt werden.
info-about-p2 = Die Meldestelle arbeitet mit der Polizei und mit den Meldestellen anderer Länder im INHOPE-Netzwerk zusammen. Ihre Mitarbeitenden sind an das Berufsgeheimnis gebunden.
info-about-p3 = Diese Website läuft mit freier Software. Sie lädt die gemeldeten Inhalte niemals herunter, speichert sie nicht und zeigt sie nicht an: Sie verarbeitet ausschließlich Adressen.
info-about-data = Die IP-Daten stammen aus ip-location-db (CC BY 4.0), zusammengestellt aus Daten von RouteViews (routeviews.org), den regionalen Internet-Registrierungsstellen (nro.net) und DB-IP; die Meldestelle hat sie zu einer Datenbank zusammengeführt.

## Die Transparenzseite (nur Summen)

footer-transparency = Transparenzbericht
transparency-title = Transparenzbericht { $year }
transparency-intro = Was wir mit den Meldungen getan haben, die { $year } bei uns eingingen: wie viele es waren, was unsere Analystinnen und Analysten fanden, wo das Material gehostet war und wie lange es dauerte, bis es entfernt wurde. Gezählt werden die { $year } eingegangenen Meldungen und eröffneten Fälle, verfolgt bis heute.
transparency-small-counts = Zum Schutz der Betroffenen wird jede Zahl unter 5 als „<5“ gezeigt, und keine Zeit veröffentlicht, die auf weniger als 5 Fällen beruht.
transparency-years = Andere Jahre
transparency-year-link = Zahlen für { $year }
transparency-totals = Insgesamt
transparency-reports = Meldungen
transparency-cases = Fälle
transparency-by-channel = Meldungen nach dem Weg, auf dem sie uns erreichten
transparency-channel = Weg
transparency-channel-web = Webformular
transparency-channel-api = Apps und Dienste (API)
transparency-channel-partner = Partner-Meldestellen im Ausland
transparency-channel-import = Importiert
transparency-by-classification = Fälle nach Bewertung
transparency-classification = Bewertung
transparency-class-baseline = Darstellungen sexuellen Kindesmissbrauchs, in jedem Land illegal
transparency-class-national = Darstellungen sexuellen Kindesmissbrauchs nach nationalem Recht
transparency-class-not_illegal = Nicht illegal
transparency-class-unavailable = Bei der Bewertung schon entfernt
transparency-class-out_of_remit = Andere illegale Inhalte, weitergegeben
transparency-class-none = (Noch) nicht bewertet
transparency-times = Wie lange es dauerte
transparency-leg = Schritt
transparency-median = Median
transparency-p90 = 90 % der Fälle innerhalb von
transparency-leg-assessed = Von der Meldung bis zur Bewertung
transparency-leg-referred = Von der Meldung bis zur Polizei oder einer Partner-Meldestelle
transparency-leg-notice = Von der Meldung bis zum Hinweis an den Hoster
transparency-leg-notice-removed = Vom Hinweis bis zur Entfernung
transparency-leg-removed = Von der Meldung bis zur Entfernung
transparency-too-few = zu wenige, um sie zu veröffentlichen
transparency-by-country = Wo das Material gehostet war
transparency-country = Land
transparency-country-unknown = Unbekannt oder nicht ermittelt
transparency-median-removal = Median vom Hinweis bis zur Entfernung
transparency-method = Der Median ist die Zeit, in der die Hälfte der Fälle erledigt war; die 90-%-Zahl die Zeit, in der neun von zehn erledigt waren. Beide sind Zeiten der Fälle selbst (nächster Rang), nie Durchschnitte.
info-privacy-periods = Wie lange wir was aufbewahren: Ihren Namen und Ihre E-Mail-Adresse { $contact }; was Sie geschrieben haben { $description }; die Einzelheiten eines abgeschlossenen Falls { $closed }; die Aufzeichnungen unserer Prüfungen einer Adresse { $checks }; unser Prüfprotokoll { $audit }. Ein Fall unter rechtlicher Aufbewahrungspflicht (etwa während polizeilicher Ermittlungen) bleibt vollständig erhalten, bis die Pflicht aufgehoben wird.
info-privacy-days = { $count ->
    [one] 1 Tag lang
   *[other] { $count } Tage lang
}
info-privacy-forever = solange die Meldestelle besteht

# The page where a host answers one notice.
answer-title = Antwort auf unsere Meldung
answer-intro = Diese Seite gehört zu einer einzigen Meldung, die wir Ihnen geschickt haben. Teilen Sie uns mit, was Sie mit der Adresse unten getan haben; ein Konto ist nicht nötig. Wir bewahren Ihre Antwort bei der Meldung auf.
answer-address = Die Adresse in unserer Meldung:
answer-earlier = Ihre früheren Antworten
answer-legend = Ihre Antwort
answer-removed = Das Material ist entfernt
answer-refused = Wir lehnen die Entfernung ab (bitte unten begründen)
answer-not-ours = Diese Adresse gehört nicht zu uns (bitte unten angeben, an wen wir uns wenden sollen)
answer-note-label = Warum, oder an wen wir uns wenden sollen
answer-note-hint = Nötig, wenn Sie ablehnen oder die Adresse nicht zu Ihnen gehört. Reiner Text.
answer-submit = Antwort senden
answer-thanks = Danke. Ihre Antwort ist bei unserer Meldung gespeichert.
answer-thanks-removed = Danke. Ihre Antwort ist gespeichert, und wir prüfen die Adresse jetzt.
answer-form-expired = Dieses Formular ist abgelaufen. Bitte senden Sie Ihre Antwort erneut.
answer-problem-choice = Wählen Sie eine der Antworten.
answer-problem-note = Sagen Sie, warum Sie ablehnen, oder an wen wir uns wenden sollen.
answer-problem-too-long = Der Text ist zu lang: höchstens { $max } Zeichen.

# Answering the hotline on the status page.
status-message-yours = Sie schrieben
status-message-hotline = die Beschwerdestelle schrieb
status-answer-label = Ihre Antwort an die Beschwerdestelle
status-answer-hint = Nur Text, höchstens { $max } Zeichen. Senden Sie keine Bilder und keine Links zum Material.
status-answer-submit = Antwort senden
status-answer-done = Ihre Antwort ist bei der Beschwerdestelle angekommen.
status-answer-empty = Schreiben Sie zuerst Ihre Antwort.
status-answer-too-long = Die Antwort ist zu lang: höchstens { $max } Zeichen.
status-answer-nothing = Die Beschwerdestelle hat Ihnen noch nicht geschrieben; es gibt nichts zu beantworten.
status-answer-too-many = Sie haben so viele Antworten gesendet, wie diese Meldung aufnehmen kann.
report-news-by-mail = Benachrichtigen Sie mich per E-Mail, wenn die Beschwerdestelle mir schreibt (die E-Mail sagt nur, dass es Neues gibt, nie was)
