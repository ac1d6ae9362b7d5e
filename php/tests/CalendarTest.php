<?php

declare(strict_types=1);

namespace Dpa\Tests;

use Dpa\Calendar;
use Dpa\Library;
use DateTimeImmutable;

/**
 * Month arithmetic and the Dutch time-limit calendar (Algemene termijnenwet).
 */
final class CalendarTest extends DpaTestCase
{
    /** Source: Algemene termijnenwet (public holidays, in force 1 April 1965). */
    public function testCalendar(): void
    {
        $this->check(Calendar::addMonths('2024-01-31', 1) === '2024-02-29', 'clamp');
        $this->check(Calendar::addMonths('2026-02-28', 3, 'month-end-sticky') === '2026-05-31', 'month-end-sticky');
        $this->check(Calendar::addMonthsMany(['2024-01-31', '2016-02-29'], 3) === ['2024-04-30', '2016-05-29'], 'addMonthsMany');
        $this->check(Calendar::isPublicHoliday('2026-04-03') && !Calendar::isPublicHoliday('2026-05-13'), 'holidays');
        $this->check(Calendar::nextBusinessDay('2026-05-14') === '2026-05-18', 'next business day');
        $holidays = Calendar::publicHolidays(2026);
        $this->check(count($holidays) === 11 && $holidays[0]['name'] === "New Year's Day", 'holidays of 2026');
        // Before the Act came into force (1 April 1965): refused, saying why.
        $this->throws(fn () => Calendar::publicHolidays(1900), Library::status('OUT_OF_RANGE'), 'year', 'before the Algemene termijnenwet came into force');
    }

    /** The by-value call (yyyymmdd in and out, 0 on every error), and the one-value path against the batch path. */
    public function testByValueCallsAndBothPaths(): void
    {
        // The by-value call: yyyymmdd in and out, 0 on every error.
        $ffi = Library::ffi();
        foreach ([[20260115, 3, 20260415], [20240131, 1, 20240229], [20250131, 1, 20250228],
            [20240229, 12, 20250228], [20260531, -1, 20260430], [20261231, 1, 20270131], [10101, 0, 10101]] as [$from, $m, $to]) {
            $this->check($ffi->dpa_add_months_ymd($from, $m) === $to, "dpa_add_months_ymd($from, $m)");
        }
        $this->check($ffi->dpa_add_months_ymd_rule(20260228, 3, 1) === 20260531, 'dpa_add_months_ymd_rule month-end-sticky');
        foreach ([20260230, 20261301, 0, -1, -20260101, 1231, 100000101] as $bad) {
            $this->check($ffi->dpa_add_months_ymd($bad, 1) === 0, "dpa_add_months_ymd($bad) is 0");
        }
        $this->check($ffi->dpa_add_months_ymd(99991231, 1) === 0, 'dpa_add_months_ymd out of range is 0');
        $this->check($ffi->dpa_add_months_ymd_rule(20260131, 1, 3) === 0, 'dpa_add_months_ymd_rule unknown rule is 0');
        // The wrapper's one-value path (by value) against its batch path (text).
        $samples = ['2024-01-31', '2024-02-29', '2025-01-31', '2026-05-31', '2026-12-31', '0001-01-01', '9999-11-30', '2000-02-29'];
        foreach (['clamp', 'month-end-sticky', 'thirty-days'] as $rule) {
            foreach ([-13, -1, 0, 1, 3, 12] as $m) {
                $ok = array_filter($samples, fn ($d) => !(($d === '0001-01-01' && $m < 0) || ($d === '9999-11-30' && $m > 1)));
                $one = array_map(fn ($d) => Calendar::addMonths($d, $m, $rule), array_values($ok));
                $this->check($one === Calendar::addMonthsMany(array_values($ok), $m, $rule), "addMonths = addMonthsMany ($rule, $m)");
            }
        }
        $this->check(Calendar::addMonths('2024-01-31', 1) === '2024-02-29', 'addMonths leap year');
        $this->check(Calendar::addMonths(new DateTimeImmutable('2026-01-31'), 1) === '2026-02-28', 'addMonths DateTime');
        $this->check(Calendar::addMonths('0001-02-28', -1) === '0001-01-28', 'addMonths year 1');
        $this->throws(fn () => Calendar::addMonths('2026-02-30', 1), Library::status('OUT_OF_RANGE'), 'date');
        $this->throws(fn () => Calendar::addMonths('0000-01-01', 1), Library::status('OUT_OF_RANGE'), 'date');
        $this->throws(fn () => Calendar::addMonths('0001-01-31', -1), Library::status('OUT_OF_RANGE'), 'date');
        $this->throws(fn () => Calendar::addMonths('2026-1-31', 1), Library::status('INVALID_VALUE'), 'date');
        $this->throws(fn () => Calendar::addMonths('-2026-01-31', 1), Library::status('INVALID_VALUE'), 'date');
        $this->throws(fn () => Calendar::addMonths('', 1), Library::status('INVALID_VALUE'), 'date');
        $this->throws(fn () => Calendar::addMonths('2026-01-31', 1, 'lunar'), Library::status('INVALID_VALUE'), 'rule');
    }
}
