site-name = Hotline
skip-to-content = Skip to content
nav-label = Main
nav-report = Report
nav-status = Follow a report
nav-languages = Language
footer-anonymous = You can report anonymously. We never record your IP address and this site sets no cookies.

home-title = Report images of child sexual abuse online
home-lead = Did you come across images or videos of the sexual abuse of a child on the Internet? Tell us where, and we will work to have them removed.
home-what-title = What to report
home-what = Web addresses (links) of pages, images, videos or files that show children being sexually abused or exploited. Report the address only: do not download, copy or send the images themselves.
home-how-title = What happens to your report
home-how-1 = Our analysts, bound by professional secrecy, look at the address and find where it is hosted.
home-how-2 = We inform the police, and ask the hosting provider, here or abroad through partner hotlines, to remove it.
home-how-3 = We check until it is gone. With your receipt you can follow your report without telling us who you are.
home-danger = If a child is in immediate danger, call the emergency number { $emergency } now.
home-report-button = Make a report
home-status-link = Follow a report you made

report-title = Make a report
report-emergency = A child in immediate danger? Call { $emergency } now.
report-intro = Give the web addresses where you saw the material. You do not have to tell us who you are.
report-do-not-download = Do not download, save, screenshot or forward the images: that is a crime in itself, even to report them. The address is all we need.
report-urls-label = Web addresses (one per line, up to 50)
report-urls-hint = Copy each address from your browser's address bar, for example https://example.com/page
report-where-label = Where did you find them?
where-website = On a website
where-social_media = On social media
where-chat = In a chat or messaging app
where-email = In an email
where-p2p = On a file-sharing (peer-to-peer) network
where-newsgroup = In a newsgroup or forum
where-other = Somewhere else
report-description-label = What did you see? (optional)
report-description-hint = Anything that helps us find the material: how you got there, what the page looks like. Please do not include your own name here.
report-urgent-label = A child is in immediate danger
report-urgent-hint = Tick this if you think a child is being abused right now or is about to be. Please also call { $emergency } now: we are not an emergency service.
report-contact-legend = Your contact details (optional)
report-contact-hint = Only if you want us to be able to contact you. If you fill these in, you are no longer anonymous towards the hotline (we pass your details on only if you tick the box below). Leave them empty to stay anonymous.
report-contact-name = Name
report-contact-email = Email address
report-police-may-contact = The police may contact me about this report (we then give them your name and email address)
report-submit = Send report
report-token-expired = This form was open for a long time or could not be checked. Nothing was sent yet: please check what you wrote and send it again.
report-rate-limited = Too many reports have been sent from your connection in the last minute. Nothing was lost: please wait a minute and send again.
report-busy = The hotline is receiving more reports than it can take right now. Nothing was sent yet: please wait { $seconds } seconds and send again.
report-line-error = Line { $line }: { $message }

report-done-title = Thank you: your report was received
report-done-addresses = { $count ->
    [one] We received 1 address.
   *[other] We received { $count } addresses.
}
report-done-receipt-label = Your receipt:
report-done-write-down = Write this receipt down now, on paper or somewhere safe. It is shown only once, and it is the only way to follow your report: we do not know who you are, so we cannot send it to you.
report-done-list-title = The addresses as we recorded them
report-done-what-for = With the receipt you can see, on this site, how far your report has come and read any message the hotline leaves for you. It does not identify you, and nobody else needs it.
report-done-status-link = Follow your report

form-errors-title = Please correct the following

status-title = Follow your report
status-intro = Enter the receipt you were given when you made your report.
status-receipt-label = Receipt (16 letters and digits)
status-submit = Show status
status-updated = Last update: { $date }
status-not-found = We found no report with this receipt. Please check that you typed it correctly.
status-messages-title = Messages from the hotline
status-received = Received
status-received-text = Your report has arrived and is waiting to be handled.
status-handled = Handled
status-handled-text = We have handled your report. Thank you for reporting. This page does not say what followed, to protect any investigation.
status-removed = Removed
status-removed-text = The material you reported has been removed.

error-home-link = Back to the home page
error-not-found-title = Page not found
error-not-found = There is no page at this address.
error-bad-request-title = Something was wrong with the request
error-too-large-title = Too much was sent
error-too-large = The form held more than this site accepts. Please shorten the description or send fewer addresses at a time.
error-unsupported-title = This kind of request is not accepted
error-rate-limited-title = Please wait a moment
error-internal-title = Something went wrong on our side
error-internal = Your request could not be completed. Nothing you sent has been shared. Please try again in a few minutes.
error-unavailable-title = Temporarily unavailable
error-unavailable = The service is temporarily unavailable. Please try again in a few minutes.

problem-no-addresses = Give at least one web address.
problem-too-many-addresses = A report may hold at most { $max } addresses; this one has { $count }. Please send the rest in a second report.
problem-address-empty = The address is empty.
problem-address-too-long = The address is longer than { $max } characters.
problem-address-scheme = Addresses starting with "{ $scheme }:" are not accepted. Give a web address starting with http, https or ftp.
problem-address-no-host = The address has no site name (the part such as example.com).
problem-address-invalid = This is not a valid web address ({ $detail }).
problem-where-missing = Say where you found the addresses.
problem-not-one-of = "{ $given }" is not one of: { $allowed }.
problem-description-too-long = The description may be at most { $max } characters; it has { $count }.
problem-name-too-long = The name may be at most { $max } characters.
problem-email-too-long = An email address has at most { $max } characters.
problem-email-invalid = This does not look like an email address (name@example.com).
problem-receipt-length = A receipt has 16 letters and digits (for example ABCD-EFGH-JKMN-PQRS); this one has { $count }.
problem-receipt-character = A receipt does not contain the character "{ $character }".

## Information pages. Paragraph keys end in -p1, -p2, …; headings in -h1, -h2, …
info-nav-label = Information pages
info-what-to-report = What to report
info-what-happens = What happens to a report
info-the-law = The law
info-stay-safe = Staying safe
info-get-help = Getting help
info-privacy = Privacy
info-about = About this hotline

info-what-to-report-p1 = Report the web address (the link) of any page, image, video or file that shows a child being sexually abused or exploited, or that shows a child in a sexual way. It does not matter whether the site is in this country or abroad: we work with hotlines in other countries.
info-what-to-report-h1 = Do not download, copy or forward
info-what-to-report-p2 = Never download, save, screenshot or send on the images or videos, not even to report them. Possessing or sharing this material is a crime, whatever the reason. The address is all we need; we find the material ourselves.
info-what-to-report-h2 = Do not investigate yourself
info-what-to-report-p3 = Do not search for more, do not contact the people behind the site and do not warn them. That can destroy evidence and put children at risk. Leave it to the hotline and the police.
info-what-to-report-h3 = What else you can tell us
info-what-to-report-p4 = Where you found the addresses (a website, social media, a chat, an email, a file-sharing network) and anything that helps us find the material, such as the words you searched for or the name of a group. You do not need to describe the images.
info-what-to-report-h4 = What this hotline does not handle
info-what-to-report-p5 = Other illegal content, such as hate speech, fraud or terrorism, and abuse that is not online. If you know about abuse happening now, call the emergency number { $emergency }.

info-what-happens-p1 = Your report is received at once and gets a receipt. Nobody learns who you are unless you chose to leave your contact details.
info-what-happens-assess = Trained analysts, bound by professional secrecy, look at the material at each address so that you do not have to, and decide whether it is illegal. They do this only inside the hotline.
info-what-happens-forward = Every address is passed to the police, who decide what it shows. Nobody at the hotline opens the material.
info-what-happens-p2 = We find out automatically where each address is hosted: which company, in which country. None of this involves downloading the material.
info-what-happens-forward-abroad = The police decide what happens next: they obtain the removal from hosts in this country, and pass what is hosted abroad to the police of that country through their own channels.
info-what-happens-police = Material hosted in this country goes to the police. A magistrate's order then obliges the host to remove it.
info-what-happens-hotline = Material hosted in this country goes to the police, and, unless they object within { $hours } hours, we ask the host to remove it.
info-what-happens-p3 = Material hosted abroad goes to the hotline of that country, which asks the local host to remove it, or to the police through international channels.
info-what-happens-p4 = We check until the material is gone, and again later in case it reappears. With your receipt you can see how far your report has come, and read any message we leave for you.

info-the-law-p1 = Making, possessing, viewing on purpose, offering or distributing images of the sexual abuse of children is a crime in this country ({ $law }) and in almost every other. That includes drawings and computer-made images that show children in a sexual way.
info-the-law-p2 = Reporting an address to this hotline is not a crime, and you do not need to prove anything. Downloading or keeping the material, even to report it, is.
info-the-law-p3 = The hotline works with the police and the justice system under an agreement that sets out what it may do. It does not investigate people: it has material removed, and passes what it finds to the police.

info-stay-safe-p1 = Close the page as soon as you have copied its address. Looking again will not help the children in it and can hurt you.
info-stay-safe-p2 = Do not download anything, do not click further, and do not reply to anyone who sent you the link.
info-stay-safe-p3 = You can report without giving your name. We do not record your IP address, this site sets no cookies and runs no scripts, and it works in Tor Browser at its safest setting.
info-stay-safe-p4 = Seeing this material can be upsetting. It is normal to feel shaken afterwards. Talking to someone helps: see the page about getting help.

info-get-help-p1 = If a child is in danger now, call the emergency number { $emergency }.
info-get-help-p2 = If you are a child or young person and someone is hurting you, or pictures of you are being shared: you are not to blame. Tell an adult you trust, or call a helpline for children. You can also report the pictures here.
info-get-help-p3 = If you are worried about a child, or you are a parent who has found something, a helpline for parents or the police can advise you.
info-get-help-p4 = If you are worried about your own thoughts or behaviour towards children, confidential help exists and works. Asking for it is the right step.
info-get-help-h1 = Where to find help

info-privacy-p1 = We do not record the IP address of anyone who makes a report or looks up a receipt, not in our database and not in our logs. The public pages set no cookies and load nothing from other sites.
info-privacy-p2 = Your receipt is stored only in a form from which it cannot be read back. If you lose it, we cannot give it to you again.
info-privacy-p3 = What you write in the description, and your name and email if you leave them, are stored encrypted. Only the hotline's analysts can read them; your contact details are never passed on to anyone outside the hotline.
info-privacy-p4 = The web addresses you report are passed to the police, to partner hotlines abroad and to the companies that host the material, so that it can be removed.
info-privacy-p5 = We keep reports for as long as we need them to handle the case and to account for our work; the hotline sets these periods and states them here.

info-about-p1 = { $name } is a civil hotline: a service, independent of the police, where anyone can report images of child sexual abuse on the Internet, anonymously if they wish, so that the images are removed.
info-about-p2 = The hotline works with the police and with the hotlines of other countries in the INHOPE network. Its staff are bound by professional secrecy.
info-about-p3 = This site runs on free software. It never downloads, stores or shows the reported material: it handles only addresses.
info-about-data = The IP data comes from ip-location-db (CC BY 4.0), compiled from RouteViews (routeviews.org), the regional Internet registries (nro.net) and DB-IP; the hotline merged it into one database.

## The transparency page (aggregates only)

footer-transparency = Transparency report
transparency-title = Transparency report { $year }
transparency-intro = What we did with the reports we received in { $year }: how many came in, what our analysts found, where the material was hosted and how long it took to have it removed. The figures count the reports received and the cases opened in { $year }, followed until today.
transparency-small-counts = To protect the people involved, every number below 5 is shown as “<5”, and no time is published that rests on fewer than 5 cases.
transparency-years = Other years
transparency-year-link = Figures for { $year }
transparency-totals = In total
transparency-reports = Reports
transparency-cases = Cases
transparency-by-channel = Reports by how they reached us
transparency-channel = Channel
transparency-channel-web = Web form
transparency-channel-api = Apps and services (API)
transparency-channel-partner = Partner hotlines abroad
transparency-channel-import = Imported
transparency-by-classification = Cases by assessment
transparency-classification = Assessment
transparency-class-baseline = Child sexual abuse material, illegal in every country
transparency-class-national = Child sexual abuse material under national law
transparency-class-not_illegal = Not illegal
transparency-class-unavailable = Already gone when assessed
transparency-class-out_of_remit = Other illegal content, passed on
transparency-class-none = Not assessed (yet)
transparency-times = How long it took
transparency-leg = Step
transparency-median = Median
transparency-p90 = 90% of cases within
transparency-leg-assessed = From report to assessment
transparency-leg-referred = From report to the police or a partner hotline
transparency-leg-notice = From report to notice to the host
transparency-leg-notice-removed = From notice to removal
transparency-leg-removed = From report to removal
transparency-too-few = too few to publish
transparency-by-country = Where the material was hosted
transparency-country = Country
transparency-country-unknown = Unknown or not traced
transparency-median-removal = Median from notice to removal
transparency-method = The median is the time within which half of the cases were done; the 90% figure, the time within which nine in ten were done. Both are taken from the cases themselves (nearest rank), never averaged.
info-privacy-periods = How long we keep what: your name and email { $contact }; what you wrote { $description }; the details of a closed case { $closed }; records of our checks on an address { $checks }; our audit trail { $audit }. A case under legal hold (for example during a police investigation) is kept whole until the hold is lifted.
info-privacy-days = { $count ->
    [one] for 1 day
   *[other] for { $count } days
}
info-privacy-forever = for as long as the hotline exists

# The page where a host answers one notice.
answer-title = Answer to our notice
answer-intro = This page belongs to one notice we sent you. Tell us what you did about the address below; no account is needed. We record your answer with the notice.
answer-address = The address in our notice:
answer-earlier = Your earlier answers
answer-legend = Your answer
answer-removed = The material is removed
answer-refused = We refuse to remove it (say why below)
answer-not-ours = This address is not ours (say whom to try below)
answer-note-label = Why, or whom to try
answer-note-hint = Needed when you refuse or when the address is not yours. Plain text.
answer-submit = Send the answer
answer-thanks = Thank you. Your answer is recorded with our notice.
answer-thanks-removed = Thank you. Your answer is recorded, and we are checking the address now.
answer-form-expired = This form has expired. Please send your answer again.
answer-problem-choice = Choose one of the answers.
answer-problem-note = Say why you refuse, or whom we should try.
answer-problem-too-long = The text is too long: at most { $max } characters.

# Answering the hotline on the status page.
status-message-yours = you wrote
status-message-hotline = the hotline wrote
status-answer-label = Your answer to the hotline
status-answer-hint = Text only, at most { $max } characters. Do not send pictures or links to the material.
status-answer-submit = Send the answer
status-answer-done = Your answer has reached the hotline.
status-answer-empty = Write your answer first.
status-answer-too-long = The answer is too long: at most { $max } characters.
status-answer-nothing = The hotline has not written to you yet, so there is nothing to answer.
status-answer-too-many = You have sent as many answers as this report can take.
report-news-by-mail = Tell me by e-mail when the hotline writes to me (the e-mail only says that there is news, never what it is)
