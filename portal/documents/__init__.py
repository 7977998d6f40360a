"""Issued documents: HTML→PDF rendering, sealing with the portal's certificate, verification.

Generic over the document type: pledges, agreements and (later) annual follow-ups hand a
template and a context to these functions; portal never imports those apps.
"""
