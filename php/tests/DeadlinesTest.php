<?php

declare(strict_types=1);

namespace Dpa\Tests;

use Dpa\Agreement;
use Dpa\Library;
use DateTimeImmutable;

/**
 * Deadlines of the seed agreements, one at a time and in batches.
 */
final class DeadlinesTest extends DpaTestCase
{
    /** Source: Belco DPS 1.11 and clause 2.6.3 (deletion), DPS 1.15 (service levels); Alles Online DPS (no fixed breach term). */
    public function testDeadlinesOfTheSeeds(): void
    {
        $this->belco = Agreement::fromToml($this->belcoToml);
        $this->alles = Agreement::fromFile("$this->root/examples/agreements/alles-online.toml");
        $d = $this->belco->deletionDeadline('2026-11-30');
        $this->check($d['due'] === '2027-02-28', 'Belco deletion 2027-02-28');
        $this->check($d['due_kind'] === 'date' && $d['bound'] === 'no-later-than', 'deletion is a latest date');
        $this->check($d['ends_at_unix'] === 1803855600, 'the day ends at 24:00 Amsterdam time (2027-02-28T23:00:00Z)');
        $this->check($this->belco->deletionDeadline(new DateTimeImmutable('2026-11-30'))['due'] === '2027-02-28', 'DateTime input');
        $b = $this->belco->breachNoticeDeadline('2026-03-28T10:30:00+01:00');
        $this->check($b['due'] === '2026-03-29T09:30:00Z' && $b['ends_at_unix'] === 1774776600, 'Belco breach notice');
        $this->check($this->belco->breachNoticeDeadline(1774690200)['ends_at_unix'] === 1774776600, 'Unix seconds input');
        $none = $this->alles->breachNoticeDeadline('2026-03-28T10:30:00+01:00');
        $this->check($none['due'] === null && $none['due_kind'] === 'none', 'Alles Online: no fixed term');
        $this->check($this->belco->authorityNoticeDeadline(1774690200)['ends_at_unix'] === 1774690200 + 72 * 3600, '72 hours');
        $this->check($this->belco->nextAuditAllowed('2026-05-04')['bound'] === 'no-earlier-than', 'next audit');
        $this->check($this->belco->earliestAuditDate('2026-04-20')['kind'] === 'audit-notice', 'audit notice');
        $this->check($this->belco->terminationWindowEnd('2026-01-10')['kind'] === 'termination-window', 'termination window');
        $this->check($this->belco->backupDeletionDeadline('2026-11-30')['kind'] === 'backup-deletion', 'backup deletion');
        $this->check($this->belco->serviceResponse(1774690200, 'high')['ends_at_unix'] === 1774690200, 'high impact: at once');
        // Belco DPS 1.15: low impact "binnen de eerstvolgende kantooruren" (09:00 t/m
        // 17:00): reported Saturday 28 March 2026 10:30, due by the end of Monday's
        // office hours, 17:00 CEST = 15:00 UTC.
        $this->check($this->belco->serviceResponse(1774690200, 'low')['ends_at_unix'] === 1774882800, 'low impact: end of next office hours');
        $this->throws(fn () => $this->alles->serviceResponse(1774690200, 'low'), Library::status('INVALID_VALUE'), 'statement.service_level');

        $full = $this->belco->deadline('deletion', '2026-11-30');
        $this->check($full['due'] === '2027-02-28' && $full['citation'] === 'DPS 1.11, clause 2.6.3', 'deadline JSON');
    }

    /**
     * Where the term a deadline rests on came from (issue 15 point 2): stated in
     * Belco's file; a breach notice term the statement does not state gives no
     * date; an assumed one keeps its date and says so, the reason in the JSON.
     * Source: Belco DPS 1.13 ("uiterlijk binnen 24 uur"); docs/rules.md "Provenance".
     */
    public function testDeadlineProvenance(): void
    {
        $notice = "notice = { kind = \"within-hours\", hours = 24 }\n";
        $this->check(substr_count($this->belcoToml, $notice) === 1, 'provenance: the notice occurs once');
        $this->check($this->belco->breachNoticeDeadline(1774690200)['provenance'] === 'stated', 'provenance: stated');
        $silent = Agreement::fromToml(str_replace($notice, "provenance = \"not-stated\"\n", $this->belcoToml));
        $d = $silent->breachNoticeDeadline(1774690200);
        $this->check($d['provenance'] === 'not-stated' && $d['due'] === null, 'provenance: not stated gives no date');
        $this->check($silent->deadline('breach-notice', '2026-03-28T10:30:00+01:00')['provenance'] === 'not-stated', 'provenance: not stated in the JSON');
        $assumed = Agreement::fromToml(str_replace($notice, "provenance = \"assumed\"\nreason = \"agreed by phone\"\n$notice", $this->belcoToml));
        $d = $assumed->breachNoticeDeadline(1774690200);
        $this->check($d['provenance'] === 'assumed' && $d['due'] === $this->belco->breachNoticeDeadline(1774690200)['due'], 'provenance: assumed keeps the date');
        $json = $assumed->deadline('breach-notice', '2026-03-28T10:30:00+01:00');
        $this->check($json['provenance'] === 'assumed' && $json['provenance_reason'] === 'agreed by phone', 'provenance: the reason in the JSON');
        unset($silent, $assumed);
    }

    /** dueDates() gives, in one crossing, what the single calls give. */
    public function testBatchesGiveWhatSingleCallsGive(): void
    {
        $dates = ['2026-11-30', '2024-01-31', '2026-08-31', '2028-11-29'];
        $many = $this->belco->dueDates('deletion', $dates);
        foreach ($dates as $i => $date) {
            $this->check($many[$i] === $this->belco->deletionDeadline($date)['due'], "batch $date");
        }
        $this->check($this->alles->dueDates('breach-notice', ['2026-03-28T10:30:00+01:00']) === [null], 'batch: none is null');
        $this->check($this->belco->dueDates('deletion', []) === [], 'empty batch');
    }
}
