"""Factory Classroom desktop app (Qt): presents and calls trainer.services."""
