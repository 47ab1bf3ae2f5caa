"""Which search backends the site uses, from the environment alone.

Imported by the settings (no Django model is touched here):

- SQLite, no `SEARCH_URL`: one database backend (SQLite FTS, no stemming).
- PostgreSQL, no `SEARCH_URL`: one backend per language, each with its own text
  search configuration (`numeriqc_fr`, `numeriqc_en`, created by the migration
  `search/0001` with accent folding through `unaccent`), and each indexing only the
  objects of its own locale: every database backend writes to the same index table,
  one row per object (Wagtail issue #9253), so two backends indexing everything
  would overwrite each other's rows.
- `SEARCH_URL` set: OpenSearch, one set of indexes per language (`INDEX_PREFIX`),
  each with that language's analyzer (elision, stop words, stemming, accent folding).

The backend named after a language serves searches in that language; `default`
(the French one, which also indexes objects that have no locale, such as images
and documents) serves the Wagtail admin.
"""

LANGUAGE_BACKEND = "search.backends"
POSTGRES_CONFIGS = {"fr": "numeriqc_fr", "en": "numeriqc_en"}
OPENSEARCH_BACKEND = "search.backends.LocaleOpenSearchBackend"

# OpenSearch analyzers: the language's own chain, plus asciifolding so that
# "ecole" finds "école" (the built-in "french" analyzer keeps accents).
OPENSEARCH_ANALYZERS = {
    "fr": {
        "filter": {
            "numeriqc_fr_elision": {
                "type": "elision",
                "articles_case": True,
                "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu"],
            },
            "numeriqc_fr_stop": {"type": "stop", "stopwords": "_french_"},
            "numeriqc_fr_stemmer": {"type": "stemmer", "language": "light_french"},
        },
        "analyzer": {
            "default": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [
                    "numeriqc_fr_elision",
                    "lowercase",
                    "numeriqc_fr_stop",
                    "asciifolding",
                    "numeriqc_fr_stemmer",
                ],
            }
        },
    },
    "en": {
        "filter": {
            "numeriqc_en_possessive": {
                "type": "stemmer",
                "language": "possessive_english",
            },
            "numeriqc_en_stop": {"type": "stop", "stopwords": "_english_"},
            "numeriqc_en_stemmer": {"type": "stemmer", "language": "english"},
        },
        "analyzer": {
            "default": {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [
                    "numeriqc_en_possessive",
                    "lowercase",
                    "numeriqc_en_stop",
                    "asciifolding",
                    "numeriqc_en_stemmer",
                ],
            }
        },
    },
}


def _default_first(backends, first="fr"):
    """Order the dict so that "default" (the first language) comes first."""
    return {"default": backends.pop(first), **backends}


def opensearch_backends(search_url, languages=("fr", "en")):
    backends = {
        code: {
            "BACKEND": OPENSEARCH_BACKEND,
            "URLS": [search_url],
            "INDEX_PREFIX": f"numeriqc-{code}-",
            "LOCALE": code,
            "INDEX_UNLOCALISED": code == languages[0],
            "TIMEOUT": 5,
            "INDEX_SETTINGS": {
                "settings": {"analysis": OPENSEARCH_ANALYZERS[code]},
            },
        }
        for code in languages
    }
    return _default_first(backends, languages[0])


def postgres_backends(languages=("fr", "en")):
    backends = {
        code: {
            "BACKEND": LANGUAGE_BACKEND,
            "SEARCH_CONFIG": POSTGRES_CONFIGS[code],
            "LOCALE": code,
            "INDEX_UNLOCALISED": code == languages[0],
        }
        for code in languages
    }
    return _default_first(backends, languages[0])


def search_backends(database_engine="", search_url=""):
    """The WAGTAILSEARCH_BACKENDS setting, from the database engine and SEARCH_URL."""
    if search_url:
        return opensearch_backends(search_url)
    if "postgresql" in database_engine:
        return postgres_backends()
    return {"default": {"BACKEND": "wagtail.search.backends.database"}}
