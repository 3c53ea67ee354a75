"""E-mail as touches: who a mail was with, logged once, and the senders we do not know yet.

Reading files and servers is ``exchange/mail``; here is what a mail means:
``addresses`` (whose address is it, ours or a person's), ``record`` (a batch
of read mails becomes touches, each Message-ID once), ``senders`` (the review
list of unknown addresses) and ``folders`` (where the sync of an IMAP folder
stopped).
"""
