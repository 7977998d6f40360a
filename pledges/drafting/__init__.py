"""Editors write a pledge in the browser: start a draft, edit it on one page (texts,
parties, focus areas, commitments), preview its page and PDF. Sending it to the
signatories is the publishing workflow's step (agreements.publishing)."""
