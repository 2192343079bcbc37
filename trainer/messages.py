"""Moved to trainer.texts (the one text catalogue): this holds no texts, it only lets code written
against the old name still import. New code imports `from trainer.texts import …`."""
from trainer.texts import *  # noqa: F401,F403
