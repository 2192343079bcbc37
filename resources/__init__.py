"""Icons, translations and fonts shipped with the app (found through ui.resources)."""
