"""The participant side: public and personal entry, consent, screening, pages, withdrawal."""
