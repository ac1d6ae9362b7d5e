<?php

declare(strict_types=1);

namespace Dpa\Tests;

use Dpa\Agreement;
use Dpa\Library;
use DateTimeImmutable;

/**
 * Findings, the obligation timeline and its iCalendar form.
 */
final class TimelineTest extends DpaTestCase
{
    /** check(), checkJson(), timeline() and timelineIcs() on Belco. */
    public function testChecksAndTimeline(): void
    {
        $findings = $this->belco->check('2026-11-23');
        $this->check(is_array($findings) && count($findings) > 0, 'Belco has findings');
        foreach ($findings as $f) {
            $this->check(isset($f['code'], $f['severity'], $f['message'], $f['citation']), 'finding keys');
        }
        $this->check(str_starts_with($this->belco->checkJson('2026-11-23'), "{\n  \"findings\": ["), 'check JSON');
        $t = $this->belco->timeline($this->events, '2027-03-01');
        $this->check($t['at'] === '2027-03-01' && count($t['obligations']) > 0, 'timeline');
        $this->check(str_starts_with($this->belco->timelineIcs($this->events, '2027-03-01', 'toml'), "BEGIN:VCALENDAR\r\n"), 'ics');
    }

    /** The calendar's options: the UID domain, a fixed DTSTAMP, reminders as VALARMs. */
    public function testIcsOptions(): void
    {
        $ics = $this->belco->timelineIcs($this->events, '2027-03-01', 'toml', 'calendar.example.org', new DateTimeImmutable('2027-03-01T13:00:00+01:00'), '7d,1d');
        $this->check(substr_count($ics, "@calendar.example.org\r\n") === 4, 'ics UID domain');
        $this->check(substr_count($ics, "\r\nDTSTAMP:20270301T120000Z\r\n") === 4, 'ics DTSTAMP');
        $this->check(substr_count($ics, "\r\nTRIGGER:-P7D\r\n") === 4 && substr_count($ics, "\r\nTRIGGER:-P1D\r\n") === 4, 'ics reminders');
        $this->check(!str_contains($this->belco->timelineIcs($this->events, '2027-03-01', 'toml'), 'VALARM'), 'ics without reminders');
        $this->throws(fn () => $this->belco->timelineIcs($this->events, '2027-03-01', 'toml', remind: '7x'), Library::status('INVALID_VALUE'), 'options.remind', '`7x` is not a reminder');
        $this->throws(fn () => $this->belco->timelineIcs($this->events, '2027-03-01', 'toml', uidDomain: 'dpa'), Library::status('INVALID_VALUE'), 'options.uid_domain');
    }

    /** Source: Alles Online (breach notice "without undue delay", deletion "in principe"): late, exceeded, and a return made impossible. */
    public function testTimelineStatuses(): void
    {
        // Alles Online: a notice "without undue delay" past its 72-hour bound is late
        // (with the time elapsed), the deletion past its "in principe" term exceeded,
        // and a return asked for and then made impossible by deletion missed.
        $open = "[[events]]\nkind = \"breach-discovered\"\nat = 2026-09-01T10:00:00+02:00\n"
            . "[[events]]\nkind = \"client-notified-of-breach\"\nat = 2026-09-05T10:00:00+02:00\n"
            . "[[events]]\nkind = \"agreement-terminated\"\ndate = 2026-11-30\n"
            . "[[events]]\nkind = \"data-return-requested\"\ndate = 2026-12-01\n"
            . "[[events]]\nkind = \"data-deleted\"\ndate = 2027-03-03\n";
        $byKind = array_column($this->alles->timeline($open, '2027-03-05', 'toml')['obligations'], null, 'kind');
        $this->check($byKind['breach-notice']['status'] === 'late' && $byKind['breach-notice']['elapsed'] === 'P4D'
            && $byKind['breach-notice']['late_after'] === '2026-09-04T08:00:00Z', 'timeline: late, with elapsed');
        $this->check($byKind['deletion']['status'] === 'exceeded' && $byKind['deletion']['late_by'] === 'P3D', 'timeline: exceeded');
        $this->check($byKind['data-return']['status'] === 'missed' && $byKind['data-return']['impossible_since'] === '2027-03-03',
            'timeline: impossible return is missed');
    }
}
