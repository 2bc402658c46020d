"""The dashboard's logic: data loading, filters, map layer, popups, offline assets.

app.py and pages/ are layout over these modules; tests call them directly.
"""
