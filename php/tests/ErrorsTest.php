<?php

declare(strict_types=1);

namespace Dpa\Tests;

use Dpa\Agreement;
use Dpa\Calendar;
use Dpa\Library;
use DateTimeImmutable;
use FFI;

/**
 * Errors: the status, its name, the field path and a message a person can act on.
 */
final class ErrorsTest extends DpaTestCase
{
    /** Parse and validation errors, bad dates, batches and kinds. */
    public function testErrorsNameStatusAndPath(): void
    {
        $this->throws(fn () => Agreement::fromToml("dpa_format = 1\n[rules\n"), Library::status('PARSE_ERROR'), '', 'line 2');
        $this->throws(fn () => Agreement::fromToml("dpa_format = 1\n[rules]\nmonth_rul = 'clamp'\n"), Library::status('INVALID_VALUE'), 'rules.month_rul');
        $this->throws(fn () => Agreement::fromToml("dpa_format = 1\n# \xff\n"), Library::status('INVALID_UTF8'), 'text');
        $this->throws(fn () => Agreement::fromJson('{"dpa_format": 1,'), Library::status('PARSE_ERROR'));
        $this->throws(fn () => Agreement::fromToml(str_replace('seat = "US"', 'seat = "usa"', $this->belcoToml)), Library::status('INVALID_VALUE'), null, '.seat');
        // Errors a person can act on: a country's name, the format's words, another
        // encoding with its line, JSON read as TOML.
        $this->throws(fn () => Agreement::fromToml(preg_replace('/seat = "FR"/', 'seat = "Nederland"', $this->belcoToml, 1)), Library::status('INVALID_VALUE'), 'statement.sub_processors[0].seat', 'did you mean `NL`');
        $this->throws(fn () => Agreement::fromToml(preg_replace('/months = 3\n/', "months = \"3 maanden\"\n", $this->belcoToml, 1)), Library::status('INVALID_VALUE'), 'terms.deletion.months', 'expected a whole number of months, e.g. 3');
        $this->throws(fn () => Agreement::fromToml("dpa_format = 1\n# Belgi\xeb\n"), Library::status('INVALID_UTF8'), 'text', 'at line 2, column 8');
        $this->throws(fn () => Agreement::fromToml('{"dpa_format": 1}'), Library::status('PARSE_ERROR'), null, 'this looks like JSON, not TOML');
        $this->check(Agreement::fromToml("\xef\xbb\xbf" . $this->belcoToml)->deletionDeadline('2026-11-30')['due'] === '2027-02-28', 'a byte-order mark is accepted');
        $this->throws(fn () => $this->belco->deletionDeadline('2026-02-30'), Library::status('OUT_OF_RANGE'), 'terminated', '2026-02-30');
        $this->throws(fn () => $this->belco->deletionDeadline('30-11-2026'), Library::status('INVALID_VALUE'), 'terminated');
        $this->throws(fn () => $this->belco->deletionDeadline('9999-12-01'), Library::status('OUT_OF_RANGE'), 'terminated');
        $this->throws(fn () => $this->belco->breachNoticeDeadline('2026-03-28T10:30:00'), Library::status('INVALID_VALUE'), 'discovered', 'offset');
        $this->throws(fn () => $this->belco->breachNoticeDeadline(PHP_INT_MAX), Library::status('OUT_OF_RANGE'), 'discovered');
        $this->throws(fn () => $this->belco->deletionDeadline(''), Library::status('INVALID_VALUE'), 'terminated');
        $this->throws(fn () => Calendar::addMonths('', 1), Library::status('INVALID_VALUE'), 'date');
        $this->throws(fn () => Calendar::addMonthsMany(["2026-01-01\n2026-01-02"], 1), Library::status('INVALID_VALUE'), 'dates');
        $this->throws(fn () => $this->belco->dueDates('deletion', ['2026-11-30', '']), Library::status('INVALID_VALUE'), 'from[1]', 'is not a date');
        $this->throws(fn () => $this->belco->dueDates('deletion', ["2026-11-30\n2026-11-29"]), Library::status('INVALID_VALUE'), 'from', 'line break');
        $this->throws(fn () => $this->belco->serviceResponse(0, 'medium'), Library::status('INVALID_VALUE'), 'impact');
        $this->throws(fn () => $this->belco->dueDates('deletion', ['2026-11-30', '2026-02-30']), Library::status('OUT_OF_RANGE'), 'from[1]');
        $this->throws(fn () => $this->belco->dueDates('deletion', ['2026-11-30', 'soon']), Library::status('INVALID_VALUE'), 'from[1]');
        $this->throws(fn () => $this->belco->dueDates('sometime', ['2026-11-30']), Library::status('INVALID_VALUE'), 'kind');
        $this->throws(fn () => $this->belco->deadline('breach-notice', '2026-11-30'), Library::status('INVALID_VALUE'), 'from');
        $this->throws(fn () => Calendar::addMonthsMany(['2026-01-31', '2026-13-01'], 1), Library::status('OUT_OF_RANGE'), 'dates[1]');
        $this->throws(fn () => Calendar::addMonths('9999-12-31', 1), Library::status('OUT_OF_RANGE'), 'date');
        $this->throws(fn () => Calendar::addMonths('2026-01-31', 1, 'lunar'), Library::status('INVALID_VALUE'), 'rule');
        $this->throws(fn () => $this->belco->timeline("[[events]]\nkind = \"agreement-terminated\"\ndate = \"2026-02-30\"\n", '2027-01-01', 'toml'), Library::status('INVALID_VALUE'), null, 'events[0]');
    }

    /** PHP's 64-bit integers are range-checked before they become a C int32_t (FFI would wrap 2**32 + 1 months into 1 month): OUT_OF_RANGE naming the argument. */
    public function testInt32RangeChecked(): void
    {
        $outOfRange = Library::status('OUT_OF_RANGE');
        $this->throws(fn () => Calendar::addMonths('2026-01-31', 2 ** 32 + 1), $outOfRange, 'months', '4294967297');
        $this->throws(fn () => Calendar::addMonths('2026-01-31', -2 ** 31 - 1), $outOfRange, 'months', 'int32_t');
        $this->throws(fn () => Calendar::addMonths('2026-01-31', PHP_INT_MAX), $outOfRange, 'months');
        $this->throws(fn () => Calendar::addMonthsMany(['2026-01-31'], 2 ** 32 + 1), $outOfRange, 'months');
        $this->throws(fn () => Calendar::publicHolidays(2 ** 32 + 2026), $outOfRange, 'year', '4294969322');
        $this->throws(fn () => Calendar::publicHolidays(PHP_INT_MIN), $outOfRange, 'year');
        $this->throws(fn () => Calendar::publicHolidays(10000), $outOfRange, 'year'); // libdpa's own range
        $farFuture = (new DateTimeImmutable('2026-01-01'))->setDate(2 ** 32 + 2026, 1, 1);
        $this->throws(fn () => Calendar::isPublicHoliday($farFuture), $outOfRange, 'date');
        $this->throws(fn () => $this->belco->checkJson($farFuture), $outOfRange, 'at');
        $this->throws(fn () => Calendar::addMonths('2026-01-31', 2 ** 31 - 1), $outOfRange); // fits: libdpa's range
        $this->check(Calendar::addMonths('2026-01-31', -(2 ** 31) + 2 ** 31) === '2026-01-31', 'months 0');
        // An empty item of a batch is an item, refused by libdpa.
        $this->throws(fn () => $this->belco->dueDates('deletion', ['']), Library::status('INVALID_VALUE'), 'from[0]', 'is not a date');
        $this->throws(fn () => Calendar::addMonthsMany([''], 1), Library::status('INVALID_VALUE'), 'dates[0]');
    }

    /** The statuses the header documents: not JSON is PARSE_ERROR, an instant outside the years 1 to 9999 OUT_OF_RANGE. */
    public function testDocumentedStatuses(): void
    {
        $outOfRange = Library::status('OUT_OF_RANGE');
        $this->throws(fn () => Agreement::fromJson('not json'), Library::status('PARSE_ERROR'), '', 'line 1, column 1');
        $this->throws(fn () => Agreement::fromJson('[1, 2]'), Library::status('INVALID_VALUE'), '', 'JSON object');
        $this->throws(fn () => $this->belco->timeline('not json', '2027-01-01', 'json'), Library::status('PARSE_ERROR'), 'events');
        $this->throws(fn () => $this->belco->breachNoticeDeadline('2026-02-30T10:00:00Z'), $outOfRange, 'discovered', '2026-02-30 is not a date');
        $this->throws(fn () => $this->belco->breachNoticeDeadline('2026-03-28T25:00:00+01:00'), $outOfRange, 'discovered', 'no time of day');
        $this->throws(fn () => $this->belco->breachNoticeDeadline('0000-06-01T10:00:00Z'), $outOfRange, 'discovered');
        $this->throws(fn () => $this->belco->breachNoticeDeadline('0001-01-01T00:30:00+01:00'), $outOfRange, 'discovered', '1 to 9999');
        $this->throws(fn () => $this->belco->breachNoticeDeadline(-62135596801), $outOfRange, 'discovered', '1 to 9999');
        $this->check($this->belco->breachNoticeDeadline('0001-01-01T01:00:00+01:00') === $this->belco->breachNoticeDeadline(-62135596800),
            'the first instant of year 1, as text and as Unix seconds');
    }

    /** Names and dates are read by libdpa, with dpa-core's messages. */
    public function testNamesAndDatesAreReadByLibdpa(): void
    {
        $this->throws(fn () => Calendar::addMonths('2026-01-31', 1, 'lunar'), Library::status('INVALID_VALUE'), 'rule',
            'rule: unknown month rule `lunar`: expected one of clamp, month-end-sticky, thirty-days');
        $this->throws(fn () => Calendar::addMonthsMany(['2026-01-31'], 1, 'Clamp'), Library::status('INVALID_VALUE'), 'rule', 'unknown month rule');
        $this->throws(fn () => $this->belco->dueDates('sub-processor-objection', ['2026-11-30']), Library::status('INVALID_VALUE'), 'kind');
        $this->throws(fn () => $this->belco->deadline('deletions', '2026-11-30'), Library::status('INVALID_VALUE'), 'kind',
            'unknown deadline kind `deletions`: expected one of deletion, backup-deletion');
        $this->throws(fn () => $this->belco->serviceResponse(0, 'High'), Library::status('INVALID_VALUE'), 'impact', 'expected one of low, high');
        $this->throws(fn () => $this->belco->timelineJson($this->events, '2027-03-01', 'yaml'), Library::status('INVALID_VALUE'), 'format',
            'unknown format `yaml`: expected one of auto, toml, json');
        $this->check($this->belco->timelineJson($this->events, '2027-03-01', 'toml') === $this->belco->timelineJson($this->events, '2027-03-01'), 'format toml = auto');
        // service-response needs an impact, as `dpa deadline` needs --impact.
        $this->throws(fn () => $this->belco->deadline('service-response', '2026-03-28T10:30:00+01:00'), Library::status('INVALID_VALUE'), 'impact', 'needs an impact');
        $this->throws(fn () => $this->belco->dueDates('service-response', ['2026-03-28T10:30:00+01:00']), Library::status('INVALID_VALUE'), 'impact');
        $this->check($this->belco->deadline('service-response', '2026-03-28T10:30:00+01:00', 'high')['kind'] === 'service-response', 'service-response with an impact');
        $this->check($this->belco->deadline('deletion', '2026-11-30', 'high')['due'] === '2027-02-28', 'an impact is ignored where no kind needs it');
        foreach (['at' => fn ($d) => $this->belco->checkJson($d), 'on' => fn ($d) => $this->belco->transfersJson($d),
            'notified' => fn ($d) => $this->belco->diffJson($this->belco, $d), 'date' => fn ($d) => Calendar::nextBusinessDay($d)] as $arg => $f) {
            $this->throws(fn () => $f('2026-1-31'), Library::status('INVALID_VALUE'), $arg, "$arg: `2026-1-31` is not a date");
            $this->throws(fn () => $f('2026-02-30'), Library::status('OUT_OF_RANGE'), $arg, "$arg: 2026-02-30 is not a date");
            $this->throws(fn () => $f(''), Library::status('INVALID_VALUE'), $arg);
        }
        $this->throws(fn () => Calendar::isPublicHoliday('0000-01-01'), Library::status('OUT_OF_RANGE'), 'date');
        $this->throws(fn () => Calendar::addMonths("2026-01-31\n", 1), Library::status('INVALID_VALUE'), 'date');
        $this->throws(fn () => Calendar::addMonths("2026-01-31\xff", 1), Library::status('INVALID_UTF8'), 'date');
        $this->check(Calendar::isPublicHoliday(new DateTimeImmutable('2026-12-25')), 'DateTime holiday');
        // The names in a deadline come from libdpa.
        $ffi = Library::ffi();
        $this->check($ffi->dpa_deadline_kind_name($ffi->DPA_DEADLINE_KIND_TERMINATION_WINDOW) === 'termination-window', 'dpa_deadline_kind_name');
        $this->check($ffi->dpa_bound_name($ffi->DPA_BOUND_NO_EARLIER_THAN) === 'no-earlier-than', 'dpa_bound_name');
        $this->check($ffi->dpa_deadline_kind_name(99) === null, 'dpa_deadline_kind_name of no kind is NULL');
        $kinds = ['deletion', 'backup-deletion', 'breach-notice', 'authority-notice', 'next-audit', 'audit-notice',
            'termination-window', 'service-response'];
        $n = $ffi->new('uint32_t');
        foreach ($kinds as $kind) {
            $this->check($ffi->dpa_deadline_kind_from_name($kind, strlen($kind), FFI::addr($n)) === Library::status('OK')
                && $ffi->dpa_deadline_kind_name($n->cdata) === $kind, "kind $kind round trip");
        }
        $this->check($this->belco->nextAuditAllowed('2026-05-04')['bound'] === $ffi->dpa_bound_name($ffi->DPA_BOUND_NO_EARLIER_THAN), 'bound name');
    }
}
