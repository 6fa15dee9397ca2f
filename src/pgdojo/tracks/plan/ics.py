"""The plan as an iCalendar file (RFC 5545) that calendar apps import: practice sessions of
an hour at most, spread over each week, and the interview day.

Times are floating (no time zone): 19:00 is 19:00 wherever the calendar is. Text values are
escaped (backslash, comma, semicolon, newline) and lines folded at 75 octets, as the RFC asks.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from pgdojo.tracks.plan.service import Plan

SESSION_HOUR = 19
SESSION_MAX_HOURS = 1.0
# Day offsets in a week for the 1st, 2nd, ... session: spread out, weekends last.
SESSION_DAYS = (0, 2, 4, 5, 1, 3, 6)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets; continuation lines start with a space."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode()) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0], *(" " + rest for rest in out[1:])]


def _stamp(value: datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


def plan_to_ics(plan: Plan, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//pgdojo//practice plan//EN",
        "CALSCALE:GREGORIAN",
    ]

    def event(uid: str, start: datetime, end: datetime, summary: str, description: str) -> None:
        lines.extend(
            [
                "BEGIN:VEVENT",
                f"UID:{uid}",
                f"DTSTAMP:{stamp}",
                f"DTSTART:{_stamp(start)}",
                f"DTEND:{_stamp(end)}",
                f"SUMMARY:{_escape(summary)}",
                f"DESCRIPTION:{_escape(description)}",
                "END:VEVENT",
            ]
        )

    for week in plan.weeks:
        sessions = max(1, math.ceil(week.hours / SESSION_MAX_HOURS))
        length = week.hours / sessions
        for n in range(sessions):
            day = week.starts_on + timedelta(days=SESSION_DAYS[n % len(SESSION_DAYS)])
            if day >= plan.interview_date:
                continue
            items = week.items[n::sessions]
            start = datetime.combine(day, datetime.min.time()).replace(hour=SESSION_HOUR)
            if n >= len(SESSION_DAYS):
                start += timedelta(hours=1 + n // len(SESSION_DAYS))
            description = "\n".join(
                [*week.advice, "", *(f"- {i['title']}: {i['command']}" for i in items)]
            ).strip()
            event(
                f"pgdojo-{plan.starts_on:%Y%m%d}-w{week.week}-s{n + 1}@pgdojo",
                start,
                start + timedelta(minutes=round(length * 60)),
                f"pgdojo week {week.week}: {week.title}",
                description,
            )
    lines.extend(
        [
            "BEGIN:VEVENT",
            f"UID:pgdojo-{plan.starts_on:%Y%m%d}-interview@pgdojo",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{plan.interview_date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{(plan.interview_date + timedelta(days=1)):%Y%m%d}",
            "SUMMARY:Interview day: `pgdojo cheatsheet`",
            "END:VEVENT",
        ]
    )
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
