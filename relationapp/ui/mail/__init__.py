"""Mail in the window: files dropped or chosen (``mail_import``), the review list of unknown senders
(``senders_dialog``), the watched IMAP folder in the background (``background``) and its settings
(``mail_settings``)."""
