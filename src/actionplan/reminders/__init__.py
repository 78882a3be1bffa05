"""Reminders, notices and the meeting calendar: owners are chased without anyone writing e-mails."""
