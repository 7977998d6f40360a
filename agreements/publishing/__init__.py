"""How a pledge or an agreement gets from the editors' draft to the residents' pages:
sent to the signatories, signed by every party (or sent back), published by the last
signature with a sealed PDF, and later changed only by a new revision drafted and
signed like the first. Each document type describes itself once in a `PublishingSpec`."""
