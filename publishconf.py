"""Pelican settings for production: pelicanconf.py plus what a published site needs.

SITEURL comes from the environment, e.g. SITEURL=https://example.org or, for a GitHub
Pages project site, SITEURL=https://user.github.io/repo.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/articles.atom.xml"
HUB_TIPS_FEED_ATOM = "feeds/tips.atom.xml"

HUB_SITEMAP = True
HUB_MINIFY = True
HUB_FINGERPRINT = True

DELETE_OUTPUT_DIRECTORY = True
