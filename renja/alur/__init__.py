"""The dashboard, the header with role navigation and waiting counts, waiting lists and the Renja
workflow page (``/alur/``); the workflow services are ``renja.services``."""
