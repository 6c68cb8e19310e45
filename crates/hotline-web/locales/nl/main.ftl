site-name = Meldpunt
skip-to-content = Naar de inhoud
nav-label = Hoofdmenu
nav-report = Melden
nav-status = Melding opvolgen
nav-languages = Taal
footer-anonymous = U kunt anoniem melden. We registreren nooit uw IP-adres en deze site plaatst geen cookies.

home-title = Beelden van seksueel misbruik van kinderen online melden
home-lead = Bent u op het internet beelden of video's tegengekomen van seksueel misbruik van een kind? Laat ons weten waar, dan doen wij er alles aan om ze te laten verwijderen.
home-what-title = Wat kunt u melden?
home-what = Webadressen (links) van pagina's, afbeeldingen, video's of bestanden waarop kinderen seksueel misbruikt of uitgebuit worden. Meld alleen het adres: download, kopieer of verstuur de beelden zelf niet.
home-how-title = Wat gebeurt er met uw melding?
home-how-1 = Onze analisten, die gebonden zijn aan het beroepsgeheim, bekijken het adres en zoeken uit waar het gehost wordt.
home-how-2 = We brengen de politie op de hoogte en vragen de hostingprovider om het materiaal te verwijderen, in eigen land of, via partnermeldpunten, in het buitenland.
home-how-3 = We blijven controleren tot het verdwenen is. Met uw ontvangstbewijs kunt u uw melding opvolgen zonder ons te vertellen wie u bent.
home-danger = Verkeert een kind in onmiddellijk gevaar? Bel dan meteen het noodnummer { $emergency }.
home-report-button = Een melding doen
home-status-link = Een eerdere melding opvolgen

report-title = Een melding doen
report-emergency = Verkeert een kind in onmiddellijk gevaar? Bel meteen { $emergency }.
report-intro = Geef de webadressen waar u het materiaal hebt gezien. U hoeft ons niet te vertellen wie u bent.
report-do-not-download = Download de beelden niet, sla ze niet op, maak er geen schermafbeelding van en stuur ze niet door: dat is op zich al een misdrijf, ook als u ze wilt melden. Het adres is alles wat we nodig hebben.
report-urls-label = Webadressen (één per regel, maximaal 50)
report-urls-hint = Kopieer elk adres uit de adresbalk van uw browser, bijvoorbeeld https://example.com/pagina
report-where-label = Waar hebt u ze gevonden?
where-website = Op een website
where-social_media = Op sociale media
where-chat = In een chat- of berichtenapp
where-email = In een e-mail
where-p2p = Op een netwerk om bestanden te delen (peer-to-peer)
where-newsgroup = In een nieuwsgroep of forum
where-other = Ergens anders
report-description-label = Wat hebt u gezien? (niet verplicht)
report-description-hint = Alles wat ons helpt om het materiaal te vinden: hoe u erop terechtkwam, hoe de pagina eruitziet. Vermeld hier alstublieft niet uw eigen naam.
report-urgent-label = Een kind verkeert in onmiddellijk gevaar
report-urgent-hint = Vink dit aan als u denkt dat een kind op dit moment misbruikt wordt of op het punt staat misbruikt te worden. Bel dan ook meteen { $emergency }: wij zijn geen hulpdienst.
report-contact-legend = Uw contactgegevens (niet verplicht)
report-contact-hint = Alleen als u wilt dat we contact met u kunnen opnemen. Als u deze gegevens invult, bent u niet langer anoniem voor het meldpunt (we geven uw gegevens alleen door als u het vakje hieronder aanvinkt). Laat ze leeg om anoniem te blijven.
report-contact-name = Naam
report-contact-email = E-mailadres
report-police-may-contact = De politie mag contact met mij opnemen over deze melding (we geven haar dan uw naam en e-mailadres)
report-submit = Melding versturen
report-token-expired = Dit formulier stond lang open of kon niet gecontroleerd worden. Er is nog niets verstuurd: kijk na wat u hebt ingevuld en verstuur het opnieuw.
report-rate-limited = Vanaf uw verbinding zijn in de voorbije minuut te veel meldingen verstuurd. Er is niets verloren gegaan: wacht een minuut en verstuur dan opnieuw.
report-busy = Het meldpunt ontvangt op dit moment meer meldingen dan het aankan. Er is nog niets verstuurd: wacht { $seconds } seconden en verstuur dan opnieuw.
report-line-error = Regel { $line }: { $message }

report-done-title = Bedankt: uw melding is ontvangen
report-done-addresses = { $count ->
    [one] We hebben 1 adres ontvangen.
   *[other] We hebben { $count } adressen ontvangen.
}
report-done-receipt-label = Uw ontvangstbewijs:
report-done-write-down = Schrijf dit ontvangstbewijs nu op, op papier of op een veilige plek. Het wordt maar één keer getoond en het is de enige manier om uw melding op te volgen: we weten niet wie u bent, dus we kunnen het u niet toesturen.
report-done-list-title = De adressen zoals we ze hebben geregistreerd
report-done-what-for = Met het ontvangstbewijs kunt u op deze site zien hoe ver uw melding gevorderd is en de berichten lezen die het meldpunt eventueel voor u achterlaat. Het zegt niets over wie u bent, en niemand anders heeft het nodig.
report-done-status-link = Uw melding opvolgen

form-errors-title = Verbeter het volgende

status-title = Uw melding opvolgen
status-intro = Vul het ontvangstbewijs in dat u kreeg toen u uw melding deed.
status-receipt-label = Ontvangstbewijs (16 letters en cijfers)
status-submit = Status tonen
status-updated = Laatst bijgewerkt: { $date }
status-not-found = We hebben geen melding gevonden met dit ontvangstbewijs. Kijk na of u het juist hebt ingetypt.
status-messages-title = Berichten van het meldpunt
status-received = Ontvangen
status-received-text = Uw melding is aangekomen en wacht op behandeling.
status-handled = Behandeld
status-handled-text = We hebben uw melding behandeld. Bedankt voor uw melding. Om een eventueel onderzoek te beschermen, vermeldt deze pagina niet wat erop volgde.
status-removed = Verwijderd
status-removed-text = Het materiaal dat u hebt gemeld, is verwijderd.

error-home-link = Terug naar de startpagina
error-not-found-title = Pagina niet gevonden
error-not-found = Op dit adres staat geen pagina.
error-bad-request-title = Er was iets mis met de aanvraag
error-too-large-title = Er werd te veel verstuurd
error-too-large = Het formulier bevatte meer dan deze site aanvaardt. Maak de beschrijving korter of verstuur minder adressen tegelijk.
error-unsupported-title = Dit soort aanvraag wordt niet aanvaard
error-rate-limited-title = Even geduld
error-internal-title = Er is bij ons iets misgelopen
error-internal = Uw aanvraag kon niet worden afgehandeld. Niets van wat u hebt verstuurd, is gedeeld. Probeer het over enkele minuten opnieuw.
error-unavailable-title = Tijdelijk niet beschikbaar
error-unavailable = De dienst is tijdelijk niet beschikbaar. Probeer het over enkele minuten opnieuw.

problem-no-addresses = Geef minstens één webadres op.
problem-too-many-addresses = Een melding mag maximaal { $max } adressen bevatten; deze bevat er { $count }. Verstuur de rest in een tweede melding.
problem-address-empty = Het adres is leeg.
problem-address-too-long = Het adres is langer dan { $max } tekens.
problem-address-scheme = Adressen die beginnen met "{ $scheme }:" worden niet aanvaard. Geef een webadres op dat begint met http, https of ftp.
problem-address-no-host = In het adres ontbreekt de naam van de site (het deel zoals example.com).
problem-address-invalid = Dit is geen geldig webadres ({ $detail }).
problem-where-missing = Geef aan waar u de adressen hebt gevonden.
problem-not-one-of = "{ $given }" is geen van deze mogelijkheden: { $allowed }.
problem-description-too-long = De beschrijving mag maximaal { $max } tekens bevatten; ze bevat er { $count }.
problem-name-too-long = De naam mag maximaal { $max } tekens bevatten.
problem-email-too-long = Een e-mailadres telt maximaal { $max } tekens.
problem-email-invalid = Dit lijkt geen e-mailadres (naam@example.com).
problem-receipt-length = Een ontvangstbewijs bestaat uit 16 letters en cijfers (bijvoorbeeld ABCD-EFGH-JKMN-PQRS); dit bevat er { $count }.
problem-receipt-character = Het teken "{ $character }" komt in een ontvangstbewijs niet voor.

## Informatiepagina's. Sleutels van alinea's eindigen op -p1, -p2, …; van tussentitels op -h1, -h2, …
info-nav-label = Informatiepagina's
info-what-to-report = Wat u kunt melden
info-what-happens = Wat er met een melding gebeurt
info-the-law = De wet
info-stay-safe = Uzelf beschermen
info-get-help = Hulp vinden
info-privacy = Privacy
info-about = Over dit meldpunt

info-what-to-report-p1 = Meld het webadres (de link) van elke pagina, afbeelding, video of elk bestand waarop een kind seksueel misbruikt of uitgebuit wordt, of waarop een kind op een seksuele manier wordt afgebeeld. Het maakt niet uit of de site in ons land of in het buitenland staat: we werken samen met meldpunten in andere landen.
info-what-to-report-h1 = Niet downloaden, kopiëren of doorsturen
info-what-to-report-p2 = Download de beelden of video's nooit, sla ze niet op, maak er geen schermafbeelding van en stuur ze niet door, ook niet om ze te melden. Dit materiaal bezitten of delen is een misdrijf, om welke reden ook. Het adres is alles wat we nodig hebben; het materiaal zoeken we zelf op.
info-what-to-report-h2 = Ga niet zelf op onderzoek
info-what-to-report-p3 = Zoek niet naar meer, neem geen contact op met de mensen achter de site en waarschuw hen niet. Zo kan bewijsmateriaal verloren gaan en kunnen kinderen in gevaar komen. Laat dat over aan het meldpunt en de politie.
info-what-to-report-h3 = Wat u ons nog kunt vertellen
info-what-to-report-p4 = Waar u de adressen hebt gevonden (een website, sociale media, een chat, een e-mail, een netwerk om bestanden te delen) en alles wat ons helpt om het materiaal te vinden, zoals de zoekwoorden die u gebruikte of de naam van een groep. U hoeft de beelden niet te beschrijven.
info-what-to-report-h4 = Wat dit meldpunt niet behandelt
info-what-to-report-p5 = Andere illegale inhoud, zoals haatspraak, fraude of terrorisme, en misbruik dat niet online gebeurt. Weet u van misbruik dat nu aan de gang is, bel dan het noodnummer { $emergency }.

info-what-happens-p1 = Uw melding komt meteen binnen en krijgt een ontvangstbewijs. Niemand komt te weten wie u bent, tenzij u ervoor gekozen hebt uw contactgegevens achter te laten.
info-what-happens-assess = Opgeleide analisten, gebonden aan het beroepsgeheim, bekijken elk adres en beoordelen of het materiaal illegaal is. Zij doen dat in uw plaats, en nooit buiten het meldpunt.
info-what-happens-forward = Elk adres wordt doorgegeven aan de politie, die beoordeelt wat erop te zien is. Niemand bij het meldpunt opent het materiaal.
info-what-happens-p2 = We zoeken automatisch uit waar elk adres gehost wordt: bij welk bedrijf en in welk land. Daarbij wordt het materiaal nooit gedownload.
info-what-happens-forward-abroad = De politie beslist wat er verder gebeurt: zij laat het materiaal verwijderen bij hostingproviders in dit land, en geeft wat in het buitenland gehost wordt via haar eigen kanalen door aan de politie van dat land.
info-what-happens-police = Materiaal dat in ons land gehost wordt, gaat naar de politie. Een bevel van een magistraat verplicht de hostingprovider dan om het te verwijderen.
info-what-happens-hotline = Materiaal dat in ons land gehost wordt, gaat naar de politie. Tenzij de politie binnen { $hours } uur bezwaar maakt, vragen wij de hostingprovider om het te verwijderen.
info-what-happens-p3 = Materiaal dat in het buitenland gehost wordt, gaat naar het meldpunt van dat land, dat de plaatselijke hostingprovider vraagt om het te verwijderen, of via internationale kanalen naar de politie.
info-what-happens-p4 = We blijven controleren tot het materiaal verdwenen is, en later nog eens, voor het geval het opnieuw opduikt. Met uw ontvangstbewijs kunt u zien hoe ver uw melding gevorderd is en de berichten lezen die we eventueel voor u achterlaten.

info-the-law-p1 = Beelden van seksueel misbruik van kinderen maken, bezitten, bewust bekijken, aanbieden of verspreiden is in ons land een misdrijf ({ $law }), en in bijna alle andere landen ook. Dat geldt ook voor tekeningen en met de computer gemaakte beelden waarop kinderen op een seksuele manier worden afgebeeld.
info-the-law-p2 = Een adres melden bij dit meldpunt is geen misdrijf, en u hoeft niets te bewijzen. Het materiaal downloaden of bijhouden is dat wel, ook als u het wilt melden.
info-the-law-p3 = Het meldpunt werkt samen met politie en justitie op basis van een overeenkomst die vastlegt wat het mag doen. Het voert geen onderzoek naar personen: het laat materiaal verwijderen en geeft wat het vindt door aan de politie.

info-stay-safe-p1 = Sluit de pagina zodra u het adres hebt gekopieerd. Opnieuw kijken helpt de kinderen op de beelden niet en kan voor uzelf schadelijk zijn.
info-stay-safe-p2 = Download niets, klik niet verder en reageer niet op wie u de link heeft gestuurd.
info-stay-safe-p3 = U kunt melden zonder uw naam te geven. We registreren uw IP-adres niet, deze site plaatst geen cookies en gebruikt geen scripts, en de site werkt ook in Tor Browser met het veiligste beveiligingsniveau.
info-stay-safe-p4 = Dit materiaal zien kan erg aangrijpend zijn. Het is normaal dat u daarna van streek bent. Erover praten met iemand helpt: kijk op de pagina over hulp vinden.

info-get-help-p1 = Is een kind nu in gevaar? Bel dan het noodnummer { $emergency }.
info-get-help-p2 = Ben je een kind of jongere en doet iemand je pijn, of worden er foto's van jou gedeeld? Het is niet jouw schuld. Vertel het aan een volwassene die je vertrouwt, of bel een hulplijn voor kinderen en jongeren. Je kunt de foto's ook hier melden.
info-get-help-p3 = Maakt u zich zorgen over een kind, of bent u een ouder die iets heeft ontdekt? Dan kunnen een hulplijn voor ouders of de politie u raad geven.
info-get-help-p4 = Maakt u zich zorgen over uw eigen gedachten of gedrag tegenover kinderen? Er bestaat vertrouwelijke hulp, en die werkt. Erom vragen is de juiste stap.
info-get-help-h1 = Waar vindt u hulp?

info-privacy-p1 = We registreren het IP-adres niet van wie een melding doet of een ontvangstbewijs opzoekt, niet in onze databank en niet in onze logbestanden. De openbare pagina's plaatsen geen cookies en laden niets van andere sites.
info-privacy-p2 = Uw ontvangstbewijs wordt alleen bewaard in een vorm waaruit het niet meer af te lezen is. Als u het verliest, kunnen we het u niet opnieuw bezorgen.
info-privacy-p3 = Wat u in de beschrijving schrijft, en uw naam en e-mailadres als u die achterlaat, worden versleuteld bewaard. Alleen de analisten van het meldpunt kunnen ze lezen; uw contactgegevens worden nooit doorgegeven aan iemand buiten het meldpunt.
info-privacy-p4 = De webadressen die u meldt, worden doorgegeven aan de politie, aan partnermeldpunten in het buitenland en aan de bedrijven die het materiaal hosten, zodat het verwijderd kan worden.
info-privacy-p5 = We bewaren meldingen zolang we ze nodig hebben om het dossier te behandelen en verantwoording af te leggen over ons werk; het meldpunt legt die termijnen vast en vermeldt ze hier.

info-about-p1 = { $name } is een meldpunt voor burgers: een dienst, onafhankelijk van de politie, waar iedereen beelden van seksueel misbruik van kinderen op het internet kan melden, desgewenst anoniem, zodat ze verwijderd worden.
info-about-p2 = Het meldpunt werkt samen met de politie en met de meldpunten van andere landen in het INHOPE-netwerk. De medewerkers zijn gebonden aan het beroepsgeheim.
info-about-p3 = Deze site draait op vrije software. De site downloadt, bewaart of toont het gemelde materiaal nooit: alleen de adressen worden verwerkt.
info-about-data = De IP-gegevens komen van ip-location-db (CC BY 4.0), samengesteld uit gegevens van RouteViews (routeviews.org), de regionale internetregisters (nro.net) en DB-IP; het meldpunt heeft ze samengevoegd tot één databank.

## De transparantiepagina (alleen totalen)

footer-transparency = Transparantieverslag
transparency-title = Transparantieverslag { $year }
transparency-intro = Wat we deden met de meldingen die we in { $year } ontvingen: hoeveel er binnenkwamen, wat onze analisten vonden, waar het materiaal gehost werd en hoe lang het duurde voor het verwijderd werd. De cijfers tellen de meldingen ontvangen en de dossiers geopend in { $year }, gevolgd tot vandaag.
transparency-small-counts = Om de betrokkenen te beschermen tonen we elk getal onder 5 als “<5”, en publiceren we geen tijd die op minder dan 5 dossiers berust.
transparency-years = Andere jaren
transparency-year-link = Cijfers voor { $year }
transparency-totals = In totaal
transparency-reports = Meldingen
transparency-cases = Dossiers
transparency-by-channel = Meldingen naar de weg waarlangs ze ons bereikten
transparency-channel = Kanaal
transparency-channel-web = Webformulier
transparency-channel-api = Apps en diensten (API)
transparency-channel-partner = Partnermeldpunten in het buitenland
transparency-channel-import = Geïmporteerd
transparency-by-classification = Dossiers naar beoordeling
transparency-classification = Beoordeling
transparency-class-baseline = Beelden van seksueel misbruik van kinderen, in elk land illegaal
transparency-class-national = Beelden van seksueel misbruik van kinderen volgens de nationale wet
transparency-class-not_illegal = Niet illegaal
transparency-class-unavailable = Al verdwenen bij de beoordeling
transparency-class-out_of_remit = Andere illegale inhoud, doorgegeven
transparency-class-none = (Nog) niet beoordeeld
transparency-times = Hoe lang het duurde
transparency-leg = Stap
transparency-median = Mediaan
transparency-p90 = 90% van de dossiers binnen
transparency-leg-assessed = Van melding tot beoordeling
transparency-leg-referred = Van melding tot de politie of een partnermeldpunt
transparency-leg-notice = Van melding tot kennisgeving aan de host
transparency-leg-notice-removed = Van kennisgeving tot verwijdering
transparency-leg-removed = Van melding tot verwijdering
transparency-too-few = te weinig om te publiceren
transparency-by-country = Waar het materiaal gehost werd
transparency-country = Land
transparency-country-unknown = Onbekend of niet nagetrokken
transparency-median-removal = Mediaan van kennisgeving tot verwijdering
transparency-method = De mediaan is de tijd waarbinnen de helft van de dossiers klaar was; het 90%-cijfer de tijd waarbinnen negen op tien klaar waren. Beide zijn tijden van de dossiers zelf (dichtstbijzijnde rang), nooit gemiddelden.
info-privacy-periods = Hoe lang we wat bewaren: je naam en e-mailadres { $contact }; wat je schreef { $description }; de details van een afgesloten dossier { $closed }; de gegevens van onze controles op een adres { $checks }; ons auditspoor { $audit }. Een dossier onder gerechtelijke bewaarplicht (bijvoorbeeld tijdens een politieonderzoek) blijft volledig bewaard tot die plicht wordt opgeheven.
info-privacy-days = { $count ->
    [one] gedurende 1 dag
   *[other] gedurende { $count } dagen
}
info-privacy-forever = zolang het meldpunt bestaat

# The page where a host answers one notice.
answer-title = Antwoord op onze melding
answer-intro = Deze pagina hoort bij één melding die wij u stuurden. Laat ons weten wat u met het adres hieronder hebt gedaan; u hebt geen account nodig. Wij bewaren uw antwoord bij de melding.
answer-address = Het adres in onze melding:
answer-earlier = Uw eerdere antwoorden
answer-legend = Uw antwoord
answer-removed = Het materiaal is verwijderd
answer-refused = Wij weigeren het te verwijderen (zeg hieronder waarom)
answer-not-ours = Dit adres is niet van ons (zeg hieronder bij wie wij moeten zijn)
answer-note-label = Waarom, of bij wie wij moeten zijn
answer-note-hint = Nodig als u weigert of als het adres niet van u is. Gewone tekst.
answer-submit = Antwoord versturen
answer-thanks = Dank u. Uw antwoord is bij onze melding bewaard.
answer-thanks-removed = Dank u. Uw antwoord is bewaard en wij controleren het adres nu.
answer-form-expired = Dit formulier is verlopen. Verstuur uw antwoord opnieuw.
answer-problem-choice = Kies een van de antwoorden.
answer-problem-note = Zeg waarom u weigert, of bij wie wij moeten zijn.
answer-problem-too-long = De tekst is te lang: hoogstens { $max } tekens.

# Answering the hotline on the status page.
status-message-yours = u schreef
status-message-hotline = het meldpunt schreef
status-answer-label = Uw antwoord aan het meldpunt
status-answer-hint = Alleen tekst, hoogstens { $max } tekens. Stuur geen beelden of links naar het materiaal.
status-answer-submit = Antwoord versturen
status-answer-done = Uw antwoord is bij het meldpunt aangekomen.
status-answer-empty = Schrijf eerst uw antwoord.
status-answer-too-long = Het antwoord is te lang: hoogstens { $max } tekens.
status-answer-nothing = Het meldpunt heeft u nog niet geschreven, dus er is nog niets te beantwoorden.
status-answer-too-many = U hebt zoveel antwoorden gestuurd als deze melding kan bevatten.
report-news-by-mail = Laat het mij per e-mail weten als het meldpunt mij schrijft (de e-mail zegt alleen dat er nieuws is, nooit wat)
