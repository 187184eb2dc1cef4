#!/usr/bin/env python3
"""Reads a calendar feed with python3-icalendar, a parser independent of libical, and prints one
line per event: UID, DTSTART as a UTC instant worked out from the feed's own VTIMEZONE, DTSTART as
a UTC instant from the zone database by its TZID name, STATUS and SEQUENCE.
tests/calendar_feed_test.cc runs it (with Debian's /usr/bin/python3). Exits non-zero with a
message if the feed does not parse or an event lacks what every event must hold.

The VTIMEZONE is read here rather than with icalendar's Timezone.to_tz(), which (in 4.0.3) hands
dateutil an aware DTSTART with a UTC UNTIL and fails on rules RFC 5545 requires to be written so."""
import datetime
import sys

import dateutil.rrule
import icalendar


def onsets(observance):
    """(local onset, offset after it) of each time an observance takes effect."""
    start = observance["DTSTART"].dt.replace(tzinfo=None)
    offset_from = observance["TZOFFSETFROM"].td
    offset_to = observance["TZOFFSETTO"].td
    out = [start]
    for rule in observance.get("RRULE", []) and [observance["RRULE"]]:
        rule = dict(rule)
        until = rule.pop("UNTIL", [None])[0]
        parts = ";".join("%s=%s" % (k, ",".join(str(v) for v in vs)) for k, vs in rule.items())
        if until is not None:
            until_local = until.replace(tzinfo=None) + offset_from  # UNTIL is UTC
            parts += ";UNTIL=" + until_local.strftime("%Y%m%dT%H%M%S")
        elif "COUNT" not in rule:
            parts += ";UNTIL=21000101T000000"
        out += list(dateutil.rrule.rrulestr(parts, dtstart=start))
    rdates = observance.get("RDATE", [])
    for rdate in rdates if isinstance(rdates, list) else [rdates]:
        out += [d.dt.replace(tzinfo=None) for d in rdate.dts]
    return [(when, offset_to) for when in out]


def offset_at(vtimezone, local):
    """The UTC offset a VTIMEZONE gives a local wall-clock time: that of the latest onset."""
    best = None
    for observance in vtimezone.subcomponents:
        for when, offset in onsets(observance):
            if when <= local and (best is None or when > best[0]):
                best = (when, offset)
    if best is None:
        sys.exit("no observance in the VTIMEZONE covers %s" % local)
    return best[1]


def main(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    zones = {str(tz["TZID"]): tz for tz in cal.walk("VTIMEZONE")}
    utc = datetime.timezone.utc
    for event in cal.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "STATUS", "SUMMARY"):
            if required not in event:
                sys.exit("event without " + required)
        prop = event["DTSTART"]
        tzid = prop.params.get("TZID")
        if tzid not in zones:
            sys.exit("DTSTART's TZID %r has no VTIMEZONE in the feed" % tzid)
        by_name = prop.dt  # icalendar attaches the zone database's zone of that name
        local = by_name.replace(tzinfo=None)
        by_vtimezone = (local - offset_at(zones[tzid], local)).replace(tzinfo=utc)
        print(event["UID"],
              by_vtimezone.strftime("%Y-%m-%dT%H:%MZ"),
              by_name.astimezone(utc).strftime("%Y-%m-%dT%H:%MZ"),
              event["STATUS"], int(event["SEQUENCE"]))


if __name__ == "__main__":
    main(sys.argv[1])
