"""Drafting documents in the browser: what pledges and agreements share (fields, rows,
the editor page's flow), and the agreement's own forms, services and views."""
