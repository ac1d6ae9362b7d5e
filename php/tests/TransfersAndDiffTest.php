<?php

declare(strict_types=1);

namespace Dpa\Tests;

use Dpa\Agreement;
use Dpa\Library;

/**
 * Transfers outside the EEA, and what changed between two versions.
 */
final class TransfersAndDiffTest extends DpaTestCase
{
    /** Source: Belco DPS 1.8, 1.9; Alles Online DPS 8, 9; GDPR art. 45, 46. */
    public function testTransfers(): void
    {
        $tr = $this->belco->transfers('2026-11-23');
        $this->check($tr['on'] === '2026-11-23' && count($tr['assessments']) > 0, 'transfers');
        // A country basis names the countries it is assessed for; a basis not tied
        // to a country (the SCCs) names none: it holds for every country.
        $mailgun = array_values(array_filter($this->alles->transfers('2026-11-23')['assessments'], fn ($a) => $a['name'] === 'Mailgun'))[0];
        $this->check($mailgun['bases'][0]['basis'] === 'eu-us-dpf' && $mailgun['bases'][0]['countries'] === ['US'], 'transfers: countries of a country basis');
        $this->check($mailgun['bases'][1]['basis'] === 'scc-edition-not-stated' && $mailgun['bases'][1]['countries'] === [], 'transfers: no countries for the SCCs');
        // Alles Online DPS 8, 9 name no SCC edition: not stated, with its warning.
        $this->check(in_array('scc-edition-not-stated', array_column($mailgun['findings'], 'code'), true), 'transfers: the SCC edition is not stated');
        // Belco DPS 1.8, 1.9: the US sub-processors may reach the data from the US.
        $amazon = $tr['assessments'][1];
        $this->check($amazon['name'] === 'Amazon, Inc.' && $amazon['access_from'] === ['US'] && $amazon['outside_eea'] === []
            && $amazon['verdict'] === ['bases' => ['scc-edition-not-stated'], 'kind' => 'covered'], 'transfers: access from the US is a transfer');
    }

    /** Source: GDPR art. 46(2)(f) and 42(7): an approved certification is valid on its last day, lapsed the day after. */
    public function testCertificationValidUntilItsLastDay(): void
    {
        // An approved certification (GDPR art. 46(2)(f)): valid on its last day,
        // lapsed the day after (art. 42(7)).
        $certified = Agreement::fromToml($this->belcoToml . <<<'TOML'

        [[statement.sub_processors]]
        name = "Cert Corp"
        purpose = "Analytics"
        locations = ["US"]
        transfer_bases = ["certification"]
        engagement = "always"
        source = ["DPS 1.9"]
        [statement.sub_processors.transfer_certification]
        name = "Europrivacy"
        criteria_approved_by = "European Data Protection Board"
        issued_by = "a certification body"
        issued_on = 2025-03-01
        valid_until = 2028-03-01
        importer_commitments = true
        source = ["DPS 1.9"]
        TOML);
        $cert = fn (string $on) => $certified->transfers($on)['assessments'][14];
        $this->check($cert('2028-03-01')['verdict']['kind'] === 'covered' && $cert('2028-03-01')['bases'][0]['status'] === 'valid', 'transfers: certification valid on its last day');
        $this->check($cert('2028-03-02')['bases'][0]['status'] === 'no-longer-in-force', 'transfers: certification lapsed the day after');
        unset($cert, $certified);
    }

    /** Source: clause 2.2.2 (the termination window); the effective date as the statement states it. */
    public function testDiffAndStatedDates(): void
    {
        $old = Agreement::fromFile("$this->root/examples/agreements/belco-1.2.2.toml");
        $this->check($this->belco->effectiveDate() === '2022-01-04', 'effective date');
        $diff = $old->diff($this->belco);
        $this->check(isset($diff['changes']) && count($diff['changes']) > 0, 'diff');
        $this->check($diff['notified'] === '2022-01-04', 'diff: notified defaults to the effective date');
        // Version 1.3's changes are all in the client's favour or editorial: no
        // window (clause 2.2.2); back to 1.2.2 the warranty is weakened: 30 days.
        $this->check($diff['significant'] === false && $diff['termination_window'] === null, 'diff: nothing significant');
        $back = $this->belco->diff($old);
        $this->check($back['notified'] === '2021-11-03', 'diff back: notified defaults to the effective date');
        // A statement dated to the month (issue 15 point 3): no day is given for
        // it, never the 1st; the stated date gives its first and last day.
        $monthly = Agreement::fromToml(str_replace(
            ["effective_date = 2022-01-04", "\ndate = 2022-01-04"],
            ["effective_date = \"2022-01\"", "\ndate = \"2022-01\""],
            $this->belcoToml
        ));
        $this->throws(fn () => $monthly->effectiveDate(), Library::status('INVALID_VALUE'), 'statement.effective_date', '2022-01 is a month, not a day');
        $this->throws(fn () => $old->diff($monthly), Library::status('INVALID_VALUE'), 'statement.effective_date');
        $this->check($monthly->effectiveStatedDate() === ['precision' => 'month', 'earliest' => '2022-01-01', 'latest' => '2022-01-31'], 'stated date: a month');
        $this->check($this->belco->effectiveStatedDate() === ['precision' => 'day', 'earliest' => '2022-01-04', 'latest' => '2022-01-04'], 'stated date: a day');
        unset($monthly);
        $this->check($back['termination_window']['due'] === '2021-12-03', 'diff back: termination window');
        unset($old);
    }
}
