"""The reader side's web layer: templates, static files and what every page shares (the
reader's cookie, language, number formats). Routes live in `publisher.server.routes.reader_*`,
decisions in `publisher.services.reader_*` and `publisher.domain`."""
