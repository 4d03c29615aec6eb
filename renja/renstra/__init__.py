"""The Renstra page (``/renstra/``): tujuan, sasaran and their indicators, Renstra targets and
``pagu_renstra``; its cells are the grid's (``renja.isian``)."""
