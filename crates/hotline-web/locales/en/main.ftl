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
home-danger = If a child is in immediate danger, call the emergency number 112 now.
home-report-button = Make a report
home-status-link = Follow a report you made

report-title = Make a report
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
report-urgent-hint = Tick this if you think a child is being abused right now or is about to be. Please also call 112.
report-contact-legend = Your contact details (optional)
report-contact-hint = Only if you want us to be able to contact you. Leave these empty to stay anonymous.
report-contact-name = Name
report-contact-email = Email address
report-submit = Send report
report-token-expired = This form was open for a long time or could not be checked. Nothing was sent yet: please check what you wrote and send it again.
report-rate-limited = Too many reports have been sent from your connection in the last minute. Nothing was lost: please wait a minute and send again.
report-line-error = Line { $line }: { $message }

report-done-title = Thank you: your report was received
report-done-addresses = { $count ->
    [one] We received 1 address.
   *[other] We received { $count } addresses.
}
report-done-receipt-label = Your receipt:
report-done-write-down = Write this receipt down now, on paper or somewhere safe. It is shown only once, and it is the only way to follow your report: we do not know who you are, so we cannot send it to you.
report-done-list-title = The addresses as we recorded them
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
status-in_progress = Being handled
status-in_progress-text = We are working on your report: assessing it, tracing where it is hosted, or waiting for it to be removed.
status-removed = Removed
status-removed-text = The material you reported has been removed.
status-closed = Closed
status-closed-text = We have finished handling your report. Thank you for reporting.

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
