"""The practice plan: the seed's 6 weeks fitted to your date, progress and readiness."""
