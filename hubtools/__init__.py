"""Editor and operations tools for the hub: never loaded by Pelican.

``tasks.py`` and the tests use them: the all-or-nothing build and swap (``sitebuild``), the local
server (``localserver``), content checks for editors (``contentcheck``, ``editorial``,
``readability``), new-content scaffolding (``scaffold``) and the Lighthouse audit (``audit``).
The Pelican plugin itself is ``plugins/hub``; these modules import from it, never the reverse.
"""
